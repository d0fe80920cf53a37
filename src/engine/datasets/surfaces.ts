/** Regression surfaces z = h(x, y) on [-1, 1]², with Gaussian noise on z. */
import type { SurfaceName } from '../config';
import { Random } from '../random';
import type { RawData } from './types';

export const SURFACES: Record<SurfaceName, (x: number, y: number) => number> = {
  plane: (x, y) => 0.6 * x - 0.4 * y + 0.2,
  bowl: (x, y) => x * x + y * y - 0.5,
  saddle: (x, y) => x * x - y * y,
  /** A radial ripple: cos(3πr) / (1 + 3r), r = ‖(x, y)‖. */
  ripple: (x, y) => {
    const radius = Math.hypot(x, y);
    return Math.cos(3 * Math.PI * radius) / (1 + 3 * radius);
  },
};

export function generateSurface(fn: SurfaceName, count: number, noise: number, seed: number): RawData {
  const r = new Random(seed);
  const h = SURFACES[fn];
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < count; i++) {
    const x = r.range(-1, 1);
    const y = r.range(-1, 1);
    inputs.push([x, y]);
    targets.push([h(x, y) + noise * r.normal()]);
  }
  return { inputs, targets };
}
