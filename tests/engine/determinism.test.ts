/** Same seed → identical numbers on one compute path; the paths agree within float32 tolerance; seeds matter. */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { maxDifference, spiralNet } from './configs';
import { PATHS, kernelOn, kernelParams, type PathName } from './paths';

async function train(path: PathName, config: RunConfig, steps: number): Promise<number[]> {
  const kernel = await kernelOn(path, config);
  kernel.runSteps(steps, false);
  const values = await kernelParams(kernel);
  kernel.dispose();
  return values;
}

// Dropout, Adam and a population exercise every seeded stream (init, shuffle, masks).
const config = spiralNet({
  model: { inputShape: [2], inputDropout: 0.1, layers: [{ type: 'dense', units: 8, activation: 'relu', dropout: 0.2 }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
  training: { loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 10, seed: 7 },
  population: { size: 3, members: [{ seed: 7 }, { seed: 8 }, { seed: 9, initializer: { name: 'he_uniform' } }] },
});

describe('determinism', () => {
  for (const path of PATHS)
    it(`same seed gives identical weights on ${path}`, async () => {
      const a = await train(path, config, 60);
      const b = await train(path, config, 60);
      expect(maxDifference(a, b)).toBe(0);
    });

  for (const path of ['tfjs-wasm', 'dense-wasm'] as const)
    it(`tfjs-cpu and ${path} agree within 1e-5 after 60 steps`, async () => {
      const cpu = await train('tfjs-cpu', config, 60);
      const other = await train(path, config, 60);
      expect(maxDifference(cpu, other)).toBeLessThan(1e-5);
    });

  it('another seed gives other weights', async () => {
    const a = await train('tfjs-cpu', config, 10);
    const b = await train('tfjs-cpu', { ...config, training: { ...config.training, seed: 70 }, population: { size: 3, members: [{ seed: 70 }, { seed: 80 }, { seed: 90 }] } }, 10);
    expect(maxDifference(a, b)).toBeGreaterThan(1e-3);
  });
});
