/** ForwardBackward: one forward and backward pass of a 2-2-1 network, stage by stage, with real numbers. */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';

export const forwardBackwardPresets = ['default'] as const;

export const forwardBackward = defineWidget({
  family: 'forward-backward',
  trains: true,
  usesEngine: false,
  table: {
    ...shellParams(forwardBackwardPresets),
    /** 'example': the weights of the worked example in the lesson, so its tables can be checked; 'seeded': random. */
    start: choiceParam(['example', 'seeded'], 'example'),
    x1: numberParam({ default: 1, min: -2, max: 2, step: 0.1 }),
    x2: numberParam({ default: 0.5, min: -2, max: 2, step: 0.1 }),
    y: numberParam({ default: 1, min: -2, max: 2, step: 0.1 }),
    lr: numberParam({ default: 0.5, min: 0.01, max: 2, step: 0.01 }),
  },
  presets: { default: { speed: 'slow' } },
  controls: ['start', 'x1', 'x2', 'y', 'lr'],
});

export type ForwardBackwardState = StateOf<typeof forwardBackward.table>;
