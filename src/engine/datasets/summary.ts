/**
 * Per-split input statistics (G10 of docs/project-lifecycle/outline.md): what the network is fed, split by
 * split, after scaling and the debugging lab's data faults: the smallest and largest value, each feature's
 * (pixel's) mean and standard deviation over the split's rows, and a histogram of all values. Computed once
 * from the built dataset (no tfjs, no training), e.g. for the dashboard's inputs view:
 *
 *   const summary = await datasetSummary(config);       // the run's RunConfig
 *   summary.validation.max;                              // 255 under `unnormalized-inputs`
 *   summary.validation.mean.every((m) => Math.abs(m) < 1e-6);   // true under `validation-own-statistics`
 */
import type { RunConfig } from '../config';
import type { ResolvedConfig } from '../resolved';
import type { Histogram } from '../telemetry';
import { histogram } from '../train/histogram';
import { validateConfig } from '../validate';
import { featureStatistics } from './fault-hooks';
import { buildDataset } from './index';
import type { DataSplit } from './types';

export interface SplitSummary {
  /** Rows in the split. */
  count: number;
  min: number;
  max: number;
  /** Per feature over the split's rows: the mean and the population standard deviation (0 for a constant feature). */
  mean: number[];
  std: number[];
  histogram: Histogram;
}

export interface DatasetSummary {
  train: SplitSummary;
  validation: SplitSummary;
  test: SplitSummary;
}

function summarize(split: DataSplit, size: number, bins: number): SplitSummary {
  let min = Infinity;
  let max = -Infinity;
  for (const v of split.inputs) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const { mean } = featureStatistics(split, size);
  const std = mean.map((m, j) => {
    let squares = 0;
    for (let i = 0; i < split.count; i++) squares += ((split.inputs[i * size + j] as number) - m) ** 2;
    return Math.sqrt(squares / Math.max(1, split.count));
  });
  return { count: split.count, min: split.count > 0 ? min : NaN, max: split.count > 0 ? max : NaN, mean, std, histogram: histogram(split.inputs, bins) };
}

/** Input statistics of the training (the shared split, before any per-member resampling), validation and test
 * splits of a run's dataset, as the network sees them. Validates the config first (throws ConfigError). */
export async function datasetSummary(config: RunConfig | ResolvedConfig, bins = 30): Promise<DatasetSummary> {
  const resolved = 'members' in config ? config : validateConfig(config);
  const dataset = await buildDataset(resolved.dataset, resolved.dataset.seed, resolved.faults);
  const size = dataset.inputSize;
  return { train: summarize(dataset.train, size, bins), validation: summarize(dataset.validation, size, bins), test: summarize(dataset.test, size, bins) };
}
