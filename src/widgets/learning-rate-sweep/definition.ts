/**
 * LearningRateSweep: the same network trained with learning rates a decade apart (one population), and the
 * LR range test, where the rate grows every step until the loss explodes.
 */
import { unless } from '../shell/applicability';
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { optimizerOptions } from '../common/engine-choices';

export const learningRateSweepPresets = ['too-small-vs-too-large', 'range-test'] as const;

/**
 * The lesson's rates, one member each (the sweep's default; the reader may switch to a log-spaced range). With SGD on this net the loss stays finite up to about 0.2 and blows up from about 0.3
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
    // The sweep's rates: the lesson's list above, or `lrCount` rates log-spaced from `lrFrom` to `lrTo` (rates.ts).
    rates: choiceParam(['listed', 'log-range'], 'listed'),
    lrFrom: numberParam({ default: 1e-3, min: 1e-5, max: 10, step: 1, log: true }),
    lrTo: numberParam({ default: 1, min: 1e-5, max: 10, step: 1, log: true }),
    // 7 rates from 10⁻³ to 1 are the half decades the lesson recommends (0.001, 0.00316, 0.01…).
    lrCount: numberParam({ default: 7, min: 2, max: 16, step: 1, integer: true }),
    // The range test's rate grows from `rangeFrom` to `rangeTo` over the run (today's ×10 every 40 steps at 40 epochs).
    rangeFrom: numberParam({ default: 1e-5, min: 1e-6, max: 1e3, step: 1, log: true }),
    rangeTo: numberParam({ default: 1e3, min: 1e-6, max: 1e3, step: 1, log: true }),
  },
  presets: {
    'too-small-vs-too-large': {},
    'range-test': { experiment: 'range-test', epochs: 40 },
  },
  controls: ['optimizer', 'epochs', 'rates', 'lrFrom', 'lrTo', 'lrCount', 'rangeFrom', 'rangeTo'],
  // The range's bounds and count only shape a log-spaced sweep.
  inapplicable: Object.fromEntries((['lrFrom', 'lrTo', 'lrCount'] as const).map((key) => [key, unless('listedRates', (state) => state.rates !== 'log-range')])),
  presetControls: {
    'too-small-vs-too-large': ['optimizer', 'epochs', 'rates', 'lrFrom', 'lrTo', 'lrCount'],
    'range-test': ['optimizer', 'epochs', 'rangeFrom', 'rangeTo'],
  },
});

export type LearningRateSweepState = StateOf<typeof learningRateSweep.table>;
