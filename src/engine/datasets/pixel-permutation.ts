/**
 * A fixed, seeded permutation of input features (pixels), applied alike to every example of every split.
 * A dense network has no notion of which pixels are neighbours, so it learns a permuted data set exactly as
 * well as the original; a convolutional network loses its advantage, because its prior (local, shared
 * filters) no longer matches the data. Chapter 3 uses it to make the convolutional prior visible.
 *
 *   const order = pixelPermutation(784, 7);
 *   const permuted = permuteSplit(split, order);   // row i's feature j = original feature order[j]
 */
import { Random } from '../random';
import type { DataSplit } from './types';

/** A permutation of 0..size-1 drawn from `seed` (the same seed gives the same permutation everywhere). */
export function pixelPermutation(size: number, seed: number): Int32Array {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`pixelPermutation: size must be a positive integer, got ${size}`);
  if (!Number.isInteger(seed) || seed < 1) throw new RangeError(`pixelPermutation: seed must be an integer >= 1, got ${seed}`);
  return new Random(seed).permutation(size);
}

function checkPermutation(order: Int32Array, size: number): void {
  if (order.length !== size) throw new RangeError(`permutation has ${order.length} entries, rows have ${size} features`);
  const seen = new Uint8Array(size);
  for (const j of order) {
    if (j < 0 || j >= size || seen[j]) throw new RangeError('not a permutation of the feature indices');
    seen[j] = 1;
  }
}

/** Rows (unscaled, e.g. a widget's digits) with their features reordered: out[j] = row[order[j]]. */
export function permuteRows(rows: number[][], order: Int32Array): number[][] {
  if (rows.length > 0) checkPermutation(order, (rows[0] as number[]).length);
  return rows.map((row) => Array.from(order, (j) => row[j] as number));
}

/** A split with every row's features reordered by `order`; targets are shared unchanged (a new array). */
export function permuteSplit(split: DataSplit, order: Int32Array): DataSplit {
  const size = order.length;
  if (split.count > 0 && split.inputs.length !== split.count * size) throw new RangeError(`split rows have ${split.inputs.length / Math.max(1, split.count)} features, permutation has ${size}`);
  checkPermutation(order, size);
  const inputs = new Float32Array(split.inputs.length);
  for (let i = 0; i < split.count; i++) {
    const base = i * size;
    for (let j = 0; j < size; j++) inputs[base + j] = split.inputs[base + (order[j] as number)] as number;
  }
  return { inputs, targets: split.targets.slice(), count: split.count };
}
