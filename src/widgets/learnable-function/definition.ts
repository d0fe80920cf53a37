/**
 * LearnableFunction: an ordinary program with one missing function, replaced by a small learnable one and
 * trained from the whole program's outputs only (chapter 3, lesson 4). `square-area`: a paint order's cost
 * = area(d₁) + area(d₂) + area(d₃) for three square tiles given by their diagonals; `area` is one network shared
 * by the three calls. The program and its data are the engine's (`dataset: { kind: 'program' }`, registry
 * `datasets/programs.ts`); this widget picks the learnable function's size and the training length.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { PROGRAM_NAMES } from '@engine/dataset-config';

export const learnableFunctionPresets = ['square-area'] as const;
export type LearnableFunctionPreset = (typeof learnableFunctionPresets)[number];

export const learnableFunction = defineWidget({
  family: 'learnable-function',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(learnableFunctionPresets),
    program: choiceParam(PROGRAM_NAMES, 'square-area'),
    /** Units of each of the learnable function's two tanh layers (1 → hidden → hidden → 1). */
    hidden: numberParam({ default: 16, min: 4, max: 32, step: 1, integer: true, unit: 'neurons' }),
    epochs: numberParam({ default: 300, min: 50, max: 1000, step: 10, integer: true, unit: 'epochs' }),
    lr: numberParam({ default: 0.01, min: 1e-4, max: 0.1, step: 1, log: true }),
  },
  presets: {
    'square-area': {},
  },
  controls: ['hidden', 'epochs', 'lr'],
});

export type LearnableFunctionState = StateOf<typeof learnableFunction.table>;
