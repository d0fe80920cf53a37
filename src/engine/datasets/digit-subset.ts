/**
 * The digits experiments' training rows (chapters 1 and 5): after the usual seeded 70/20/10 split of the 1,000
 * shipped digits, train on the training split or on the held-out test split ("new digits"), optionally only the
 * first k digits of each class (a balanced subset, in split order), optionally labeled by parity. The chosen
 * rows are then shuffled with the data seed, exactly as an inline dataset of those rows with a 100 % training
 * split would be, so a run here gives the numbers of the claims harness (tests/claims/digits-lab.ts).
 */
import type { DigitsDataset } from '../config';
import { Random } from '../random';
import { augmentRows } from './augment';
import type { SplitResult } from './split';
import type { DataSplit } from './types';

/** The rows `keep` of a split, in that order. */
export function selectRows(split: DataSplit, keep: ArrayLike<number>): DataSplit {
  const size = split.count === 0 ? 0 : split.inputs.length / split.count;
  const inputs = new Float32Array(keep.length * size);
  const targets = new Float32Array(keep.length);
  for (let k = 0; k < keep.length; k++) {
    const row = keep[k] as number;
    inputs.set(split.inputs.subarray(row * size, (row + 1) * size), k * size);
    targets[k] = split.targets[row] as number;
  }
  return { inputs, targets, count: keep.length };
}

/** Indices of the first `perClass` rows of each class, in their order. */
export function firstPerClassRows(targets: ArrayLike<number>, perClass: number): number[] {
  const taken = new Map<number, number>();
  const keep: number[] = [];
  for (let i = 0; i < targets.length; i++) {
    const label = Math.round(targets[i] as number);
    const n = taken.get(label) ?? 0;
    if (n < perClass) {
      taken.set(label, n + 1);
      keep.push(i);
    }
  }
  return keep;
}

function parity(split: DataSplit): DataSplit {
  return { ...split, targets: split.targets.map((label) => Math.round(label) % 2) };
}

/** The rows of `split` followed by `augment.copies` transformed copies of each (`augmentRows`, the harness's rule). */
function augmented(split: DataSplit, augment: NonNullable<DigitsDataset['augment']>): DataSplit {
  const size = split.count === 0 ? 0 : split.inputs.length / split.count;
  const inputs = Array.from({ length: split.count }, (_, i) => Array.from(split.inputs.subarray(i * size, (i + 1) * size)));
  const out = augmentRows(inputs, Array.from(split.targets), augment.transforms, augment.copies, augment.seed ?? 1);
  const flat = new Float32Array(out.inputs.length * size);
  out.inputs.forEach((row, i) => flat.set(row, i * size));
  return { inputs: flat, targets: Float32Array.from(out.labels), count: out.labels.length };
}

/** Applies `trainOn`, `augment` and `labels` to a split of the digits (identity when none is set). */
export function digitSubset(split: SplitResult, d: DigitsDataset, seed: number): SplitResult {
  let train = split.train;
  if (d.trainOn || d.augment) {
    const source = d.trainOn?.split === 'test' ? split.test : split.train;
    const picked = d.trainOn?.perClass ? selectRows(source, firstPerClassRows(source.targets, d.trainOn.perClass)) : source;
    const chosen = d.augment ? augmented(picked, d.augment) : picked;
    train = selectRows(chosen, new Random(seed).permutation(chosen.count));
  }
  if (d.labels !== 'parity') return { ...split, train };
  return { ...split, train: parity(train), validation: parity(split.validation), test: parity(split.test) };
}
