/** LossSurface: SGD, momentum and Adam from the same start on a 2-D analytic loss surface (plain TS). */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';

export const lossSurfacePresets = ['optimizers'] as const;

export const lossSurface = defineWidget({
  family: 'loss-surface',
  trains: true,
  usesEngine: false,
  table: {
    ...shellParams(lossSurfacePresets),
    surface: choiceParam(['ravine', 'bowl', 'saddle'], 'ravine'),
    lr: numberParam({ default: 0.02, min: 0.001, max: 0.2, step: 0.001 }),
    steps: numberParam({ default: 150, min: 10, max: 1000, step: 10, integer: true, unit: 'steps' }),
  },
  presets: { optimizers: {} },
  controls: ['surface', 'lr', 'steps'],
});

export type LossSurfaceState = StateOf<typeof lossSurface.table>;
