/**
 * Data the recipe checks build themselves (inline datasets), seeded: noisy samples of sin x on [-3, 3],
 * optionally shifted (a target mean far from 0 makes the "hockey stick") or with the inputs zeroed
 * (the input-independent baseline can only learn the mean).
 */
import type { InlineDataset } from '@engine/types';
import { seededRandom } from '../common/random';

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
    const noise = 0.1 * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    inputs.push([zeroInputs ? 0 : x]);
    targets.push([Math.sin(x) + offset + noise]);
  }
  return { kind: 'inline', inputs, targets, seed, split: { train: 0.8, validation: 0.2, test: 0 } };
}

export function meanTarget(dataset: InlineDataset): number {
  const values = (dataset.targets as number[][]).map((row) => row[0] ?? 0);
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
