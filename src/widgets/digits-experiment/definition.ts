/**
 * DigitsExperiment: the digits experiments of chapters 1, 3 and 5 (docs/practical-tricks/outline.md,
 * docs/deep-learning-myth/outline.md, docs/seven-tips/outline.md). Each preset trains its arms (variants that differ in one thing) on the shipped
 * digits, each arm a population of consecutive seeds, and shows validation accuracy on the 200 validation digits.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const digitsExperimentPresets = [
  'pretrained-vs-random', 'finetune-rates', 'dropout-by-size', 'max-norm', 'frozen-layers', 'output-width',
  'data-size', 'data-size-400', 'capacity', 'dropout-rates', 'augmentation', 'decay-vs-l2',
  'plain-vs-residual', 'swap-optimizer', 'swap-loss', 'swap-model',
  'mlp-vs-convnet', 'permuted-pixels',
] as const;
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
    /** `capacity`: hidden width of the middle arm (the others: 2 and 128). */
    hidden: numberParam({ default: 32, min: 1, max: 256, step: 1, integer: true, log: true, unit: 'neurons' }),
    /** Training digits (the first trainSize / 10 of each class; 700 = the whole training split). */
    trainSize: numberParam({ default: 200, min: 50, max: 700, step: 50, integer: true }),
    /** `augmentation`: the mild arm's shift (px), rotation (degrees) and noise σ; 0 leaves that transform out. */
    shift: numberParam({ default: 1, min: 0, max: 4, step: 1, integer: true }),
    rotate: numberParam({ default: 8, min: 0, max: 30, step: 1, integer: true }),
    noise: numberParam({ default: 0.1, min: 0, max: 0.5, step: 0.01 }),
  },
  presets: {
    // Transfer presets start at seed 2: the pretrained net was trained from seed 1 (docs/seven-tips/outline.md, T5).
    'pretrained-vs-random': { seed: 2 },
    'finetune-rates': { seed: 2 },
    'dropout-by-size': {},
    'max-norm': {},
    'frozen-layers': { seed: 2 },
    'output-width': {},
    'data-size': {},
    'data-size-400': {},
    // Seeds 2–6: with seed 1 the 2-unit net's two ReLUs die (docs/practical-tricks/outline.md, E3).
    capacity: { seed: 2 },
    'dropout-rates': { trainSize: 100 },
    augmentation: { trainSize: 100 },
    'decay-vs-l2': {},
    'plain-vs-residual': {},
    'swap-optimizer': {},
    'swap-loss': {},
    'swap-model': {},
    'mlp-vs-convnet': {},
    'permuted-pixels': {},
  },
  // The data-400 exercise's widget adds the 400-digit arm its question asks about (the lesson's widget has no 400).
  instancePresets: { 'ex-data-size': { of: 'data-size', preset: 'data-size-400' } },
  controls: ['lr', 'dropout', 'outputs', 'hidden', 'trainSize', 'shift', 'rotate', 'noise'],
  presetControls: {
    'pretrained-vs-random': [],
    'finetune-rates': [],
    'dropout-by-size': ['dropout'],
    'max-norm': ['lr'],
    'frozen-layers': [],
    'output-width': ['outputs'],
    'data-size': [],
    'data-size-400': [],
    capacity: ['hidden', 'trainSize'],
    'dropout-rates': ['dropout', 'trainSize'],
    augmentation: ['shift', 'rotate', 'noise', 'trainSize'],
    'decay-vs-l2': [],
    'plain-vs-residual': [],
    'swap-optimizer': [],
    'swap-loss': [],
    'swap-model': [],
    'mlp-vs-convnet': [],
    'permuted-pixels': [],
  },
});

export type DigitsExperimentState = StateOf<typeof digitsExperiment.table>;
