/** Same seed → identical numbers on one backend; cpu and wasm agree within float32 tolerance; seeds matter. */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';
import { allParams, maxDifference, spiralNet } from './configs';

async function train(backend: 'cpu' | 'wasm', config: RunConfig, steps: number): Promise<number[]> {
  await useBackend(backend);
  const session = await TrainingSession.create(config);
  session.runSteps(steps, false);
  const values = await allParams(session);
  session.dispose();
  return values;
}

// Dropout, Adam and a population exercise every seeded stream (init, shuffle, masks).
const config = spiralNet({
  model: { inputShape: [2], inputDropout: 0.1, layers: [{ type: 'dense', units: 8, activation: 'relu', dropout: 0.2 }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
  training: { loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 10, seed: 7 },
  population: { size: 3, members: [{ seed: 7 }, { seed: 8 }, { seed: 9, initializer: { name: 'he_uniform' } }] },
});

describe('determinism', () => {
  for (const backend of ['cpu', 'wasm'] as const)
    it(`same seed gives identical weights on ${backend}`, async () => {
      const a = await train(backend, config, 60);
      const b = await train(backend, config, 60);
      expect(maxDifference(a, b)).toBe(0);
    });

  it('cpu and wasm agree within 1e-5 after 60 steps', async () => {
    const cpu = await train('cpu', config, 60);
    const wasm = await train('wasm', config, 60);
    expect(maxDifference(cpu, wasm)).toBeLessThan(1e-5);
  });

  it('another seed gives other weights', async () => {
    const a = await train('cpu', config, 10);
    const b = await train('cpu', { ...config, training: { ...config.training, seed: 70 }, population: { size: 3, members: [{ seed: 70 }, { seed: 80 }, { seed: 90 }] } }, 10);
    expect(maxDifference(a, b)).toBeGreaterThan(1e-3);
  });
});
