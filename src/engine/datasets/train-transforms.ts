/**
 * Transforms of a digits dataset's **training** split (G1 and G2 of docs/project-lifecycle/outline.md), declared
 * once by stable key: `dataset: { kind: 'digits', trainTransforms: [{ type: 'keep-class-fraction', classId: 5,
 * fraction: 0.1 }, { type: 'label-noise', fraction: 0.3, mode: 'flip' }] }`. Applied in order after `trainOn`,
 * `augment`, `labels` and the every-split `transforms` (so `classId` names a class as they leave it); validation and test rows are never touched, so they measure the damage. Each transform is
 * seeded: its own `seed`, or one derived from the data seed and its place in the list. The config type
 * (`TrainTransform`) and validation (`validation/train-transforms.ts`) derive from this registry.
 */
import type { AllowedRange } from '../telemetry';
import { deriveSeed } from '../random';
import { SALT_TRAIN_TRANSFORM } from '../train/salts';
import { keepClassFraction, withLabelNoise, type LabelNoiseMode } from './label-transforms';
import type { DataSplit } from './types';

/** Each transform's own fields (besides `type` and the optional `seed`). */
export interface TrainTransformFields {
  /** Makes class `classId` rare: a seeded `fraction` of its training rows remain. */
  'keep-class-fraction': { classId: number; fraction: number };
  /** Corrupts a `fraction` of the training labels: `flip` to another class (default) or `shuffle` among the chosen rows. */
  'label-noise': { fraction: number; mode?: LabelNoiseMode };
}

export type TrainTransformName = keyof TrainTransformFields;
export type TrainTransform = { [K in TrainTransformName]: { type: K; seed?: number } & TrainTransformFields[K] }[TrainTransformName];

interface TrainTransformEntry<K extends TrainTransformName> {
  /** Numeric fields with their ranges (`classId`'s upper end is the dataset's classes − 1). */
  numbers: Record<string, AllowedRange>;
  /** String fields with their choices; the first is the default. */
  choices: Record<string, readonly string[]>;
  apply(split: DataSplit, transform: TrainTransformFields[K], seed: number, classes: number): DataSplit;
}

export const TRAIN_TRANSFORMS: { [K in TrainTransformName]: TrainTransformEntry<K> } = {
  'keep-class-fraction': {
    numbers: { classId: { min: 0, integer: true }, fraction: { min: 0, max: 1 } },
    choices: {},
    apply: (split, t, seed) => keepClassFraction(split, { classId: t.classId, fraction: t.fraction, seed }),
  },
  'label-noise': {
    numbers: { fraction: { min: 0, max: 1 } },
    choices: { mode: ['flip', 'shuffle'] },
    apply: (split, t, seed, classes) => withLabelNoise(split, { fraction: t.fraction, classes, seed, mode: t.mode ?? 'flip' }).split,
  },
};

export const TRAIN_TRANSFORM_NAMES = Object.keys(TRAIN_TRANSFORMS) as TrainTransformName[];

/** The seed transform `index` draws from: its own, or derived from the data seed. */
export const transformSeed = (transform: TrainTransform, dataSeed: number, index: number): number => transform.seed ?? deriveSeed(dataSeed, SALT_TRAIN_TRANSFORM, index);

/** Applies the transforms in order to a training split. */
export function applyTrainTransforms(train: DataSplit, transforms: readonly TrainTransform[], dataSeed: number, classes: number): DataSplit {
  return transforms.reduce((split, transform, index) => {
    const entry = TRAIN_TRANSFORMS[transform.type] as TrainTransformEntry<TrainTransformName>;
    return entry.apply(split, transform as never, transformSeed(transform, dataSeed, index), classes);
  }, train);
}
