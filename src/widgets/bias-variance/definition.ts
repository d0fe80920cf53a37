/**
 * BiasVariance: a population of networks, each trained on a fresh noisy sample of the same function; the
 * engine decomposes their expected error into bias², variance and noise. Against capacity (one population per
 * width, one after another) or against training time (one population, decomposed at every report).
 */
import { unless } from '../shell/applicability';
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';

export const biasVariancePresets = ['capacity', 'epochs'] as const;

/** Hidden widths compared by the `capacity` preset. */
export const capacityWidths = [1, 2, 4, 8, 16, 32] as const;

export const biasVariance = defineWidget({
  family: 'bias-variance',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(biasVariancePresets),
    noise: numberParam({ default: 0.3, min: 0, max: 1, step: 0.05 }),
    points: numberParam({ default: 30, min: 10, max: 200, step: 10, integer: true, unit: 'points' }),
    members: numberParam({ default: 16, min: 4, max: 64, step: 4, integer: true, unit: 'members' }),
    width: numberParam({ default: 32, min: 1, max: 64, step: 1, integer: true, unit: 'neurons' }),
    epochs: numberParam({ default: 200, min: 10, max: 2000, step: 10, integer: true, unit: 'epochs' }),
    experiment: choiceParam(['capacity', 'epochs'], 'capacity'),
  },
  presets: {
    capacity: { experiment: 'capacity', epochs: 150 },
    epochs: { experiment: 'epochs', width: 64, points: 20, epochs: 800 },
  },
  controls: ['noise', 'points', 'members', 'width', 'epochs'],
  // Against capacity, the experiment trains every width of `capacityWidths` itself.
  inapplicable: { width: unless('compared', (state) => state.experiment === 'capacity') },
});

export type BiasVarianceState = StateOf<typeof biasVariance.table>;
