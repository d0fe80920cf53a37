/**
 * What view 1 shows of the data: sample images per split and the histogram of every input value per split. The
 * dashboard's own run uses the embedded project digits (input-samples.ts); DebugLab, whose faults change what the
 * network is fed, builds them from the engine's `datasetSummary(config)` and its own rows (`inputsFromSummary`).
 */
import type { DatasetSummary } from '@engine/datasets/summary';
import type { Histogram } from '@engine/types';
import { SAMPLE_COUNT, TRAIN_INPUTS, TRAIN_SAMPLES_BASE64, VALIDATION_INPUTS, VALIDATION_SAMPLES_BASE64 } from './input-samples';

export interface SplitInputs {
  /** Images as the network is fed them (784 values each), drawn rescaled from [min, max] to [0, 1]. */
  images: ArrayLike<number>[];
  /** Every input value of the split. */
  histogram: Histogram;
  min: number;
  max: number;
}

export interface DashboardInputs {
  train: SplitInputs;
  validation: SplitInputs;
}

function decode(base64: string): Float32Array {
  const binary = atob(base64);
  return Float32Array.from(binary, (char) => char.charCodeAt(0) / 255);
}

/** The project's digits (data seed 1): 16 training and 16 validation digits, and each split's value histogram. */
export function projectInputs(): DashboardInputs {
  const split = (base64: readonly string[], stats: typeof TRAIN_INPUTS): SplitInputs => ({
    images: base64.slice(0, SAMPLE_COUNT).map(decode),
    histogram: { edges: stats.edges, counts: stats.counts },
    min: stats.min,
    max: stats.max,
  });
  return { train: split(TRAIN_SAMPLES_BASE64, TRAIN_INPUTS), validation: split(VALIDATION_SAMPLES_BASE64, VALIDATION_INPUTS) };
}

/** View 1's data from the engine's summary of a run's dataset and the rows to draw (as fed: after scaling and faults). */
export function inputsFromSummary(summary: DatasetSummary, rows: { train: ArrayLike<number>[]; validation: ArrayLike<number>[] }): DashboardInputs {
  const split = (s: DatasetSummary['train'], images: ArrayLike<number>[]): SplitInputs => ({ images: images.slice(0, SAMPLE_COUNT), histogram: s.histogram, min: s.min, max: s.max });
  return { train: split(summary.train, rows.train), validation: split(summary.validation, rows.validation) };
}

/** An image rescaled from the split's [min, max] to [0, 1] for drawing (a constant split draws blank). */
export function displayImage(image: ArrayLike<number>, min: number, max: number): Float32Array {
  const span = max - min;
  return Float32Array.from(image as ArrayLike<number>, (v) => (span > 0 && Number.isFinite(v) ? (v - min) / span : 0));
}
