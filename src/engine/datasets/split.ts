/**
 * Train/validation/test split (seeded shuffle, 70/20/10 by default) and optional input standardization
 * with training-split statistics (validation and test are scaled with the same mean and std: no leakage).
 */
import { Random } from '../random';
import type { DataSplit, RawData } from './types';

export interface SplitResult {
  train: DataSplit;
  validation: DataSplit;
  test: DataSplit;
  scaler: { mean: number[]; std: number[] };
}

function pack(raw: RawData, order: Int32Array, from: number, to: number, inputSize: number, targetSize: number, scaler: SplitResult['scaler']): DataSplit {
  const count = to - from;
  const inputs = new Float32Array(count * inputSize);
  const targets = new Float32Array(count * targetSize);
  for (let k = 0; k < count; k++) {
    const i = order[from + k] as number;
    const row = raw.inputs[i] as number[];
    for (let j = 0; j < inputSize; j++) inputs[k * inputSize + j] = ((row[j] as number) - (scaler.mean[j] as number)) / (scaler.std[j] as number);
    const target = raw.targets[i] as number | number[];
    if (Array.isArray(target)) for (let j = 0; j < targetSize; j++) targets[k * targetSize + j] = target[j] as number;
    else targets[k] = target;
  }
  return { inputs, targets, count };
}

export function splitData(raw: RawData, fractions: { train: number; validation: number }, scale: boolean, seed: number, targetSize: number): SplitResult {
  const n = raw.inputs.length;
  const inputSize = raw.inputs[0]?.length ?? 0;
  const order = new Random(seed).permutation(n);
  const trainEnd = Math.max(1, Math.round(n * fractions.train));
  const validationEnd = Math.min(n, trainEnd + Math.round(n * fractions.validation));
  const scaler = { mean: new Array<number>(inputSize).fill(0), std: new Array<number>(inputSize).fill(1) };
  if (scale) {
    for (let j = 0; j < inputSize; j++) {
      let sum = 0;
      let sumSquares = 0;
      for (let k = 0; k < trainEnd; k++) {
        const v = (raw.inputs[order[k] as number] as number[])[j] as number;
        sum += v;
        sumSquares += v * v;
      }
      const mean = sum / trainEnd;
      const variance = Math.max(0, sumSquares / trainEnd - mean * mean);
      scaler.mean[j] = mean;
      scaler.std[j] = variance > 1e-12 ? Math.sqrt(variance) : 1; // constant pixels stay unscaled
    }
  }
  return {
    train: pack(raw, order, 0, trainEnd, inputSize, targetSize, scaler),
    validation: pack(raw, order, trainEnd, validationEnd, inputSize, targetSize, scaler),
    test: pack(raw, order, validationEnd, n, inputSize, targetSize, scaler),
    scaler,
  };
}

/** Applies a scaler to raw rows (probe points, user inputs). */
export function scaleRows(rows: number[][], scaler: SplitResult['scaler']): number[][] {
  return rows.map((row) => row.map((v, j) => (v - (scaler.mean[j] as number)) / (scaler.std[j] as number)));
}
