/**
 * What the view reads off the learned function (pure, tested): the probe's program outputs turned into the
 * learned f(x), its mean relative error against the true function over the training range, and its value at
 * one point outside it.
 */
export interface Point {
  x: number;
  y: number;
}

/** The probe feeds [x, …, x] to a program that adds `calls` results: its output ÷ calls is the learned f(x). */
export function learnedCurve(xs: number[], outputs: number[], calls: number): Point[] {
  return xs.map((x, index) => ({ x, y: (outputs[index] ?? Number.NaN) / calls }));
}

/** Mean of |f̂(x) − f(x)| / |f(x)| over the points with x in [low, high] (NaN when none, or f is 0 there). */
export function meanRelativeError(points: Point[], truth: (x: number) => number, [low, high]: [number, number]): number {
  const inside = points.filter((point) => point.x >= low - 1e-9 && point.x <= high + 1e-9);
  if (inside.length === 0) return Number.NaN;
  return inside.reduce((sum, point) => sum + Math.abs(point.y - truth(point.x)) / Math.abs(truth(point.x)), 0) / inside.length;
}

/** The curve's value at x (the nearest probe point). */
export function valueAt(points: Point[], x: number): number {
  let best: Point | undefined;
  for (const point of points) if (!best || Math.abs(point.x - x) < Math.abs(best.x - x)) best = point;
  return best?.y ?? Number.NaN;
}

/** Where the widget and the claims check read the learned function outside the training range. */
export const OUTSIDE_POINT = 4;
