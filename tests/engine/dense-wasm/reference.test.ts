/**
 * dense-wasm against the independent float64 reference trainer (reference/mlp-reference.ts): same seed,
 * data, initial weights and shuffles; after 100 SGD steps every weight agrees within 1e-5 (float32 rounding
 * over 100 steps, as the tfjs path is held to).
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { ReferenceMLP } from '@engine/reference/mlp-reference';
import { wasmTrainer } from './helpers';

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
  [
    '1-12-12-1 leaky ReLU then tanh, mse, full batch',
    {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 12, activation: 'leaky_relu' }, { type: 'dense', units: 12, activation: 'tanh' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 1000, seed: 3 },
      dataset: { kind: 'function1d', fn: 'sine', count: 50, noise: 0.1 },
    },
  ],
];

describe('dense-wasm vs the float64 reference trainer', () => {
  for (const [name, config] of cases)
    it(name, async () => {
      const trainer = await wasmTrainer(config);
      const reference = await ReferenceMLP.create(config);
      const lossBefore = reference.meanLoss();
      for (let i = 0; i < 100; i++) {
        trainer.trainStep(false);
        reference.trainStep();
      }
      expect(reference.meanLoss()).toBeLessThan(lossBefore); // a real trajectory, not a standstill
      const params = trainer.paramValues();
      let worst = 0;
      for (const [l, layer] of reference.layers.entries()) {
        const kernel = params.get(`dense_${l}/kernel`)!;
        const bias = params.get(`dense_${l}/bias`)!;
        layer.weights.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - kernel[i]!))));
        layer.bias.forEach((b, i) => (worst = Math.max(worst, Math.abs(b - bias[i]!))));
      }
      expect(worst).toBeLessThan(1e-5);
    });
});
