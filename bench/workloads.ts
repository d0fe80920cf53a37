/**
 * The engine's two standard bench workloads (their definitions are fixed: the targets and the
 * Playground comparison refer to exactly these), plus the ensemble at other population sizes.
 */
import type { RunConfig } from '../src/engine/config';

export interface Workload {
  key: 'sweep' | 'ensemble';
  name: string;
  config: RunConfig;
  steps: number;
}

const tanhNet = (outputs: number, inputs: number, hidden: number[]): RunConfig['model'] => ({
  inputShape: [inputs],
  layers: [...hidden.map((units) => ({ type: 'dense' as const, units, activation: 'tanh' as const })), { type: 'dense', units: outputs, activation: outputs === 1 ? 'sigmoid' : 'softmax' }],
});
const spiral: RunConfig['dataset'] = { kind: 'classification2d', shape: 'spiral', count: 250, split: { train: 1, validation: 0, test: 0 } };
const rates = Array.from({ length: 16 }, (_, i) => 0.001 * 10 ** (i / 5)); // 0.001 … ~1

export const SWEEP: Workload = {
  key: 'sweep',
  name: 'LR sweep: 16 rates × 2-8-8-1 tanh, spiral 250, batch 10, 200 epochs',
  config: {
    model: tanhNet(1, 2, [8, 8]),
    training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.03 }, batchSize: 10, seed: 1 },
    dataset: spiral,
    population: { size: 16, members: rates.map((learningRate) => ({ learningRate })) },
  },
  steps: 200 * 25,
};

/** The bias–variance ensemble with P members (the standard workload has P = 64). */
export function ensemble(P = 64): Workload {
  return {
    key: 'ensemble',
    name: `ensemble: ${P} × 1-16-16-1 tanh, fresh sine samples of 100, full batch, 300 steps`,
    config: {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 100, seed: 1 },
      dataset: { kind: 'function1d', fn: 'sine', count: 100, noise: 0.3, split: { train: 1, validation: 0, test: 0 } },
      population: { size: P, members: Array.from({ length: P }, (_, i) => ({ seed: i + 1 })), dataSubset: { type: 'fresh' } },
    },
    steps: 300,
  };
}
