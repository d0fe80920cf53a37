/**
 * LearningRateSweep: the same network trained with learning rates a decade apart (one population), and the
 * LR range test, where the rate grows every step until the loss explodes.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam } from '../shell/params';
import { optimizerOptions } from '../common/engine-choices';

export const learningRateSweepPresets = ['too-small-vs-too-large', 'range-test'] as const;

/**
 * One member per rate. With SGD on this net the loss stays finite up to about 0.2 and blows up from about 0.3
 * (the edge of stability, 2/a for the largest curvature a): decades on the slow side, finer steps near the edge,
 * so the reader sees slow, good, oscillating and exploding runs.
 */
export const sweptRates = [1e-3, 1e-2, 0.1, 0.2, 0.3, 1] as const;

export const learningRateSweep = defineWidget({
  family: 'learning-rate-sweep',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(learningRateSweepPresets),
    optimizer: choiceParam(optimizerOptions('sgd', 'momentum', 'adam'), 'sgd'),
    epochs: numberParam({ default: 60, min: 10, max: 500, step: 10, integer: true, unit: 'epochs' }),
    experiment: choiceParam(['sweep', 'range-test'], 'sweep'),
  },
  presets: {
    'too-small-vs-too-large': {},
    'range-test': { experiment: 'range-test', epochs: 40 },
  },
  controls: ['optimizer', 'epochs'],
});
