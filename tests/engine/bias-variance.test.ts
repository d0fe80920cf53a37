/**
 * Bias–variance: for an ensemble trained on independent noisy samples, bias² + variance + noise equals the
 * measured expected squared error against fresh noisy targets (Monte Carlo, so within a tolerance).
 */
import { describe, expect, it } from 'vitest';
import { biasVariance } from '@engine/train/bias-variance';
import { progress } from '@engine/train/progress';
import { sineNet } from './configs';
import { PATHS, backendOf, kernelOn } from './paths';

describe('bias–variance decomposition', () => {
  it('matches a hand-computed example', () => {
    // Two members predicting 1 and 3 where h = 1: mean 2, bias² 1, variance 1.
    const report = biasVariance([[1], [3]], [1], 0, 5);
    expect(report.biasSquared).toBeCloseTo(1, 12);
    expect(report.variance).toBeCloseTo(1, 12);
    expect(report.measuredExpectedError).toBeCloseTo(2, 12); // no noise: E(f - h)² exactly
  });

  for (const path of PATHS)
    it(`bias² + variance + noise ≈ measured expected error for a trained ensemble (${path})`, async () => {
      const config = sineNet({
        dataset: { kind: 'function1d', fn: 'sine', count: 30, noise: 0.3, split: { train: 1, validation: 0, test: 0 } },
        training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 30, seed: 1 },
        population: { size: 32, members: Array.from({ length: 32 }, (_, i) => ({ seed: i + 1 })), dataSubset: { type: 'fresh' } },
        telemetry: { every: 300, biasVariance: true, probe: { inputs: Array.from({ length: 25 }, (_, i) => [-3 + i * 0.25]) } },
      });
      const session = await kernelOn(path, config);
      session.runSteps(300, true);
      const { event } = await progress(session, backendOf(path), 0);
      session.dispose();
      const report = event.biasVariance!;
      expect(report.noise).toBeCloseTo(0.09, 6);
      expect(report.biasSquared).toBeGreaterThan(1e-4);
      expect(report.variance).toBeGreaterThan(1e-4);
      expect(report.sum).toBeCloseTo(report.biasSquared + report.variance + report.noise, 10);
      // Monte-Carlo error of the measurement: 25 points × 32 members × 64 draws ≈ 51k squared errors.
      expect(Math.abs(report.sum - report.measuredExpectedError) / report.measuredExpectedError).toBeLessThan(0.03);
      // The per-point decomposition is what the averages are made of.
      const meanBias = report.biasSquaredByPoint.reduce((a, b) => a + b, 0) / 25;
      expect(meanBias).toBeCloseTo(report.biasSquared, 10);
    });
});
