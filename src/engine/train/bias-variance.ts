/**
 * Bias–variance decomposition at probe points x_j for an ensemble f_1..f_P trained on independent samples:
 *   f̄(x) = mean_p f_p(x),  bias²(x) = (f̄(x) - h(x))²,  variance(x) = mean_p (f_p(x) - f̄(x))²,  noise = σ².
 * For y = h(x) + ε with E ε = 0, Var ε = σ²:  E_p,ε (f_p(x) - y)² = bias²(x) + variance(x) + σ².
 * The "measured" error draws fresh noisy targets y (seeded) and averages (f_p(x) - y)² directly, so the
 * sum can be checked against it (they agree up to Monte-Carlo error ~ σ²·√(2 / draws)).
 */
import { Random } from '../random';
import type { BiasVarianceReport } from '../telemetry';

export const NOISE_DRAWS_PER_PREDICTION = 64;

/** predictions: [member][point]; truth: h at each point. Members that diverged are left out. */
export function biasVariance(predictions: number[][], truth: number[], noiseVariance: number, seed: number): BiasVarianceReport {
  const members = predictions.length;
  const points = truth.length;
  const sigma = Math.sqrt(noiseVariance);
  const random = new Random(seed);
  const meanPrediction: number[] = [];
  const biasSquaredByPoint: number[] = [];
  const varianceByPoint: number[] = [];
  let measured = 0;
  for (let j = 0; j < points; j++) {
    let mean = 0;
    for (let p = 0; p < members; p++) mean += (predictions[p] as number[])[j] as number;
    mean /= members;
    let variance = 0;
    for (let p = 0; p < members; p++) variance += (((predictions[p] as number[])[j] as number) - mean) ** 2;
    variance /= members;
    const h = truth[j] as number;
    meanPrediction.push(mean);
    biasSquaredByPoint.push((mean - h) ** 2);
    varianceByPoint.push(variance);
    for (let p = 0; p < members; p++) {
      const f = (predictions[p] as number[])[j] as number;
      for (let s = 0; s < NOISE_DRAWS_PER_PREDICTION; s++) measured += (f - (h + sigma * random.normal())) ** 2;
    }
  }
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const biasSquared = average(biasSquaredByPoint);
  const variance = average(varianceByPoint);
  return {
    biasSquared,
    variance,
    noise: noiseVariance,
    sum: biasSquared + variance + noiseVariance,
    measuredExpectedError: measured / (members * points * NOISE_DRAWS_PER_PREDICTION),
    biasSquaredByPoint,
    varianceByPoint,
    meanPrediction,
  };
}
