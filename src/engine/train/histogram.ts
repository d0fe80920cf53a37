/** Fixed-bin histograms computed in JavaScript from values already read back. */
import type { Histogram } from '../telemetry';

export function histogram(values: ArrayLike<number>, bins: number): Histogram {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      if (v < low) low = v;
      if (v > high) high = v;
    }
  }
  if (!Number.isFinite(low)) {
    low = 0;
    high = 1;
  }
  if (high === low) high = low + 1e-6;
  const width = (high - low) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const bin = Math.min(bins - 1, Math.floor((v - low) / width));
    counts[bin] = (counts[bin] as number) + 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => low + i * width);
  return { edges, counts };
}
