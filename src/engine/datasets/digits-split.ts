/**
 * The shipped digits as the trainer splits them (G8 of docs/deep-learning-myth/outline.md): the same data seed
 * gives the same 700 / 200 / 100 rows that `dataset: { kind: 'digits', seed }` trains and validates on, as plain
 * rows in [0, 1] with their class ids, so a widget that draws or attacks validation digits never re-derives the
 * split. Built through the engine's own dataset code (validation defaults, split, subset rules).
 */
import { validateConfig } from '../validate';
import { buildDataset } from './index';
import type { DataSplit } from './types';

export interface DigitRows {
  /** 784 pixel values in [0, 1] per digit. */
  inputs: number[][];
  /** Class ids 0–9. */
  labels: number[];
}

export interface DigitsSplit {
  train: DigitRows;
  validation: DigitRows;
  test: DigitRows;
}

function rows(split: DataSplit): DigitRows {
  const size = split.count === 0 ? 0 : split.inputs.length / split.count;
  return {
    inputs: Array.from({ length: split.count }, (_, i) => Array.from(split.inputs.subarray(i * size, (i + 1) * size))),
    labels: Array.from(split.targets),
  };
}

const cache = new Map<number, Promise<DigitsSplit>>();

export function digitsSplit(dataSeed = 1): Promise<DigitsSplit> {
  let split = cache.get(dataSeed);
  if (!split) {
    const config = validateConfig({
      model: { inputShape: [784], layers: [{ type: 'dense', units: 10, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 32, seed: 1 },
      dataset: { kind: 'digits', seed: dataSeed },
    });
    split = buildDataset(config.dataset).then((dataset) => ({ train: rows(dataset.train), validation: rows(dataset.validation), test: rows(dataset.test) }));
    cache.set(dataSeed, split);
  }
  return split;
}
