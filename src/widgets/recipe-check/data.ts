/**
 * Data the recipe checks build themselves (inline datasets), seeded: noisy samples of sin x on [-3, 3],
 * optionally shifted (a target mean far from 0 makes the "hockey stick") or with the inputs zeroed
 * (the input-independent baseline can only learn the mean).
 */
import { generateFunction1D } from '@engine/datasets/functions1d';
import { splitData } from '@engine/datasets/split';
import type { InlineDataset } from '@engine/types';
import { seededRandom } from '../common/random';
import type { XYPoint } from '../plots/types';

/** σ of the Gaussian noise added to every target. */
export const SINE_NOISE = 0.1;

export interface SineSample {
  count: number;
  seed: number;
  offset?: number;
  zeroInputs?: boolean;
}

export function sineSample({ count, seed, offset = 0, zeroInputs = false }: SineSample): InlineDataset {
  const random = seededRandom(seed);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let index = 0; index < count; index += 1) {
    const x = -3 + 6 * random();
    // Box–Muller normal noise, σ = 0.1.
    const noise = SINE_NOISE * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    inputs.push([zeroInputs ? 0 : x]);
    targets.push([Math.sin(x) + offset + noise]);
  }
  return { kind: 'inline', inputs, targets, seed, split: { train: 0.8, validation: 0.2, test: 0 } };
}

export function meanTarget(dataset: InlineDataset): number {
  const values = (dataset.targets as number[][]).map((row) => row[0] ?? 0);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The overfit check's data: 16 points of sin x on [-3, 3], no noise; half of them are the one training batch. */
export const OVERFIT_POINTS = 16;

/** The training batch exactly as the engine draws it (same generator and seeded split), for the labels plot. */
export function overfitBatch(seed: number): XYPoint[] {
  const raw = generateFunction1D('sine', OVERFIT_POINTS, [-3, 3], 0, seed);
  const { train } = splitData(raw, { train: 0.5, validation: 0.5 }, false, seed, 1);
  return Array.from({ length: train.count }, (_, k) => ({ x: train.inputs[k] as number, y: train.targets[k] as number })).sort((a, b) => a.x - b.x);
}
