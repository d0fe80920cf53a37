/**
 * The 1-D functions of source 001 (chapter 2): a line, a smooth curve (sine) and a harder function with
 * flat plateaus (a staircase of three smoothed steps). Training inputs are uniform on the training domain
 * ([-3, 3] by default); the probe grid covers a wider domain to show extrapolation.
 */
import type { Function1DName } from '../config';
import { Random } from '../random';
import type { RawData } from './types';

export const FUNCTIONS_1D: Record<Function1DName, (x: number) => number> = {
  /** y = 0.5 x + 1 */
  line: (x) => 0.5 * x + 1,
  /** y = sin x: no wide plateaus, changes evenly. */
  sine: (x) => Math.sin(x),
  /** Three steps of height 1/3, each a tanh of slope 6: flat between the steps, steep at x = -1.5, 0, 1.5. */
  plateaus: (x) => (Math.tanh(6 * (x + 1.5)) + Math.tanh(6 * x) + Math.tanh(6 * (x - 1.5))) / 3,
};

export function generateFunction1D(fn: Function1DName, count: number, domain: [number, number], noise: number, seed: number): RawData {
  const random = new Random(seed);
  const h = FUNCTIONS_1D[fn];
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < count; i++) {
    const x = random.range(domain[0], domain[1]);
    inputs.push([x]);
    targets.push([h(x) + noise * random.normal()]);
  }
  return { inputs, targets };
}

/** Evenly spaced points from low to high inclusive. */
export function grid1D(low: number, high: number, points: number): number[][] {
  return Array.from({ length: points }, (_, i) => [low + ((high - low) * i) / (points - 1)]);
}
