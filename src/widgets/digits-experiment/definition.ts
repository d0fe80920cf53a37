/**
 * DigitsExperiment: the digits experiments of chapters 1 and 5 (docs/practical-tricks/outline.md,
 * docs/seven-tips/outline.md). Each preset trains its arms (variants that differ in one thing) on the shipped
 * digits, each arm a population of consecutive seeds, and shows validation accuracy on the 200 validation digits.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam } from '../shell/params';

export const digitsExperimentPresets = ['pretrained-vs-random', 'finetune-rates', 'dropout-by-size', 'max-norm', 'frozen-layers', 'output-width'] as const;
export type DigitsPreset = (typeof digitsExperimentPresets)[number];

/** Members per arm: seeds `seed`, `seed + 1`, … (the claims were checked on five seeds). */
export const SEEDS_PER_ARM = 5;

export const digitsExperiment = defineWidget({
  family: 'digits-experiment',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(digitsExperimentPresets),
    /** `max-norm`: SGD + momentum rate of both arms (1 is too large on purpose; the reader looks for one that trains). */
    lr: numberParam({ default: 1, min: 0.01, max: 3, step: 0.01, log: true }),
    /** `dropout-by-size`: the dropout rate compared with none, searched on a log scale. */
    dropout: numberParam({ default: 0.5, min: 0.05, max: 0.8, step: 0.01, log: true }),
    /** `output-width`: softmax outputs of the second arm (the first has 10). */
    outputs: numberParam({ default: 14, min: 10, max: 16, step: 1, integer: true }),
  },
  presets: {
    // Transfer presets start at seed 2: the pretrained net was trained from seed 1 (docs/seven-tips/outline.md, T5).
    'pretrained-vs-random': { seed: 2 },
    'finetune-rates': { seed: 2 },
    'dropout-by-size': {},
    'max-norm': {},
    'frozen-layers': { seed: 2 },
    'output-width': {},
  },
  controls: ['lr', 'dropout', 'outputs'],
  presetControls: {
    'pretrained-vs-random': [],
    'finetune-rates': [],
    'dropout-by-size': ['dropout'],
    'max-norm': ['lr'],
    'frozen-layers': [],
    'output-width': ['outputs'],
  },
});
