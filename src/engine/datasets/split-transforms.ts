/**
 * Transforms of a digits dataset applied to **every** split alike (training, validation, test), declared once by
 * stable key (G4 of docs/project-lifecycle/outline.md): `dataset: { kind: 'digits', transforms: [{ type: 'classes',
 * keep: [5, 6, 7, 8, 9] }] }` keeps the rows of those classes and relabels them 0…k−1 in the order given (5 → 0,
 * 6 → 1, …), so a network trained on digits 0–4 can be transferred to 5–9 as a new 5-class task. They run after
 * the usual seeded split and `trainOn`/`augment`/`labels` (so `keep` names the labels as they are there: digits
 * 0–9, or 0–1 with parity labels), in order, each on the classes the one before left. The split itself is
 * unchanged (the kept rows are the same rows the full dataset puts in each split: no digit moves between
 * training and validation), and so is the input scaler (`scaleInputs`: the whole training split's statistics).
 * The config type (`SplitTransform`) and validation (`validation/split-transforms.ts`) derive from this registry.
 */
import { selectRows } from './digit-subset';
import type { SplitResult } from './split';
import type { DataSplit } from './types';

/** Each transform's own fields (besides `type`). */
export interface SplitTransformFields {
  /** Keeps the rows of the classes `keep` (distinct ids of the labels before it), relabelled 0…keep.length−1. */
  classes: { keep: number[] };
}

export type SplitTransformName = keyof SplitTransformFields;
export type SplitTransform = { [K in SplitTransformName]: { type: K } & SplitTransformFields[K] }[SplitTransformName];

interface SplitTransformEntry<K extends SplitTransformName> {
  /** Its fields besides `type`. */
  fields: readonly string[];
  /** Classes after it, given the classes before it. */
  classesAfter(transform: SplitTransformFields[K], classes: number): number;
  apply(split: DataSplit, transform: SplitTransformFields[K]): DataSplit;
}

/** The rows of the classes `keep`, in their order, with class `keep[i]` relabelled i. */
export function keepClasses(split: DataSplit, keep: readonly number[]): DataSplit {
  const label = new Map(keep.map((c, i) => [c, i]));
  const rows: number[] = [];
  for (let i = 0; i < split.count; i++) if (label.has(split.targets[i] as number)) rows.push(i);
  const kept = selectRows(split, rows);
  return { ...kept, targets: kept.targets.map((c) => label.get(c) as number) };
}

export const SPLIT_TRANSFORMS: { [K in SplitTransformName]: SplitTransformEntry<K> } = {
  classes: { fields: ['keep'], classesAfter: (t) => t.keep.length, apply: (split, t) => keepClasses(split, t.keep) },
};

export const SPLIT_TRANSFORM_NAMES = Object.keys(SPLIT_TRANSFORMS) as SplitTransformName[];

const entryOf = (t: SplitTransform) => SPLIT_TRANSFORMS[t.type] as SplitTransformEntry<SplitTransformName>;

/** Classes after the transforms, from the classes before them. */
export function classesAfterTransforms(classes: number, transforms: readonly SplitTransform[] = []): number {
  return transforms.reduce((n, t) => entryOf(t).classesAfter(t as never, n), classes);
}

/** Applies the transforms in order to the training, validation and test splits. */
export function applySplitTransforms<S extends Pick<SplitResult, 'train' | 'validation' | 'test'>>(splits: S, transforms: readonly SplitTransform[]): S {
  return transforms.reduce((s, t) => {
    const apply = (split: DataSplit) => entryOf(t).apply(split, t as never);
    return { ...s, train: apply(s.train), validation: apply(s.validation), test: apply(s.test) };
  }, splits);
}
