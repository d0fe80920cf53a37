/**
 * The LR range test's suggestion (Smith 2017; the fast.ai rule of thumb): smooth the loss with an exponential
 * moving average, find the rate where it is lowest, and suggest a rate ten times smaller, which still sits on
 * the steep, stable part of the curve.
 */
export function suggestLearningRate(points: { x: number; y: number }[], smoothing = 0.8): number | null {
  if (points.length < 10) return null;
  let average = 0;
  let best = { x: Number.NaN, y: Number.POSITIVE_INFINITY };
  points.forEach((point, index) => {
    average = smoothing * average + (1 - smoothing) * point.y;
    const debiased = average / (1 - smoothing ** (index + 1));
    if (debiased < best.y) best = { x: point.x, y: debiased };
  });
  return Number.isFinite(best.x) ? best.x / 10 : null;
}
