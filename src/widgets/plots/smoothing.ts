import type { XYPoint } from './types';

/**
 * Exponential moving average, debiased like TensorBoard's smoothing:
 *   m_t = w·m_{t-1} + (1−w)·y_t,  ŷ_t = m_t / (1 − w^t)
 * The division removes the pull towards the 0 the average starts from. Non-finite values (a diverged run)
 * pass through unchanged and do not poison the average.
 */
export function smooth(points: XYPoint[], weight: number): XYPoint[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  if (w === 0) return points;
  const out: XYPoint[] = new Array(points.length);
  let average = 0;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (!Number.isFinite(p.y)) {
      out[i] = p;
      continue;
    }
    average = average * w + (1 - w) * p.y;
    count += 1;
    out[i] = { x: p.x, y: average / (1 - w ** count) };
  }
  return out;
}
