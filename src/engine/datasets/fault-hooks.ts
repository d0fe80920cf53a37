/**
 * The debugging lab's data hooks (`faults.ts`), applied by `buildDataset` after the split, so every compute
 * path trains on the same faulty data:
 *   train-labels       the training labels permuted among the training rows (`withLabelNoise`, fraction 1,
 *                      `shuffle`): class counts kept, each label now independent of its image
 *   validation-scaler  the validation split standardized with its **own** per-pixel mean and std instead of the
 *                      training ones (the run's `scaleInputs`, which the fault turns on, fixed the training ones)
 *   input-scale        every split ×255 (pixels in [0, 255]); the scaler follows, so `predict` on [0, 1] rows
 *                      feeds the network what training fed it
 */
import type { FaultKey } from '../faults';
import { FAULT_INPUT_SCALE, hasFaultHook } from '../faults';
import { deriveSeed } from '../random';
import { SALT_FAULT_LABELS } from '../train/salts';
import { withLabelNoise } from './label-transforms';
import type { SplitResult } from './split';
import type { DataSplit } from './types';

/** Per-feature mean and std of a split's inputs (std 1 where the feature is constant, as `splitData` does). */
export function featureStatistics(split: DataSplit, size: number): { mean: number[]; std: number[] } {
  const mean = new Array<number>(size).fill(0);
  const std = new Array<number>(size).fill(1);
  const n = Math.max(1, split.count);
  for (let j = 0; j < size; j++) {
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < split.count; i++) {
      const v = split.inputs[i * size + j] as number;
      sum += v;
      squares += v * v;
    }
    mean[j] = sum / n;
    const variance = Math.max(0, squares / n - (sum / n) ** 2);
    std[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { mean, std };
}

/** The validation split scaled with its own statistics (its rows unscaled first with the training scaler). */
function ownStatistics(split: DataSplit, scaler: SplitResult['scaler']): DataSplit {
  const size = scaler.mean.length;
  const raw = Float64Array.from(split.inputs, (v, k) => v * (scaler.std[k % size] as number) + (scaler.mean[k % size] as number));
  const own = featureStatistics({ ...split, inputs: raw as unknown as Float32Array }, size);
  const inputs = Float32Array.from(raw, (v, k) => (v - (own.mean[k % size] as number)) / (own.std[k % size] as number));
  return { ...split, inputs };
}

const scaled = (split: DataSplit, factor: number): DataSplit => ({ ...split, inputs: split.inputs.map((v) => v * factor) });

export function applyDatasetFaults(split: SplitResult, faults: readonly FaultKey[], classes: number | null, seed: number): SplitResult {
  const config = { faults: [...faults] };
  let out = split;
  if (hasFaultHook(config, 'train-labels') && classes !== null)
    out = { ...out, train: withLabelNoise(out.train, { fraction: 1, classes, seed: deriveSeed(seed, SALT_FAULT_LABELS), mode: 'shuffle' }).split };
  if (hasFaultHook(config, 'validation-scaler')) out = { ...out, validation: ownStatistics(out.validation, out.scaler) };
  if (hasFaultHook(config, 'input-scale')) {
    const f = FAULT_INPUT_SCALE;
    out = { train: scaled(out.train, f), validation: scaled(out.validation, f), test: scaled(out.test, f), scaler: { mean: out.scaler.mean, std: out.scaler.std.map((s) => s / f) } };
  }
  return out;
}
