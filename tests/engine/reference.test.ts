/**
 * The engine against an independent plain-TypeScript float64 trainer: same seed, same data, same initial
 * weights, same shuffles; after 100 SGD steps every weight agrees within 1e-5.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { ReferenceMLP } from '@engine/reference/mlp-reference';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';

const cases: [string, RunConfig][] = [
  [
    '2-8-8-1 tanh, sigmoid + binary cross-entropy, spiral, batch 10',
    {
      model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
      training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 10, seed: 4 },
      dataset: { kind: 'classification2d', shape: 'spiral', count: 250 },
    },
  ],
  [
    '1-16-1 relu regression on the plateaus function, batch 8',
    {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: 1 }], initializer: { name: 'he_normal' } },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.01 }, batchSize: 8, seed: 9 },
      dataset: { kind: 'function1d', fn: 'plateaus', count: 60, noise: 0.05 },
    },
  ],
  [
    '2-6-3 sigmoid, softmax + categorical cross-entropy, 3 gaussians, batch 16',
    {
      model: { inputShape: [2], layers: [{ type: 'dense', units: 6, activation: 'sigmoid' }, { type: 'dense', units: 3, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.5 }, batchSize: 16, seed: 2 },
      dataset: { kind: 'classification2d', shape: 'gaussians', classes: 3, count: 120 },
    },
  ],
];

describe.each(['cpu', 'wasm'] as const)('engine vs plain TypeScript reference on %s', (backend) => {
  for (const [name, config] of cases)
    for (const path of ['dense backprop', 'autodiff'] as const)
    it(`${name} (${path})`, async () => {
      await useBackend(backend);
      const session = await TrainingSession.create(config);
      session.fastPath = path === 'dense backprop';
      const reference = await ReferenceMLP.create(config);
      const lossBefore = reference.meanLoss();
      for (let i = 0; i < 100; i++) {
        session.trainStep(false);
        reference.trainStep();
      }
      expect(reference.meanLoss()).toBeLessThan(lossBefore); // the trajectory is a real one
      let worst = 0;
      for (const [l, layer] of reference.layers.entries()) {
        const name = session.plans[l]!.name;
        const kernel = await session.params.get(`${name}/kernel`)!.data();
        const bias = await session.params.get(`${name}/bias`)!.data();
        layer.weights.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - kernel[i]!))));
        layer.bias.forEach((b, i) => (worst = Math.max(worst, Math.abs(b - bias[i]!))));
      }
      session.dispose();
      expect(worst).toBeLessThan(1e-5);
    });
});
