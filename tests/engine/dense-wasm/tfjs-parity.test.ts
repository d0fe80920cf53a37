/**
 * dense-wasm against the tfjs path on tfjs-cpu, same config and seed: same initial weights, data order,
 * dropout masks and schedule, so after 100 steps the parameters agree within float32 tolerance (relative
 * 2e-4), for every optimizer (Nesterov and decoupled weight decay included) and every feature the kernel
 * implements, and on both standard bench workloads.
 * (Adam near a ReLU kink is left out: its step η·m/√v turns a 1e-7 gradient difference at g ≈ 0 into an
 * O(η) step difference on any two float32 implementations.)
 * Populations of 5 or 6 members also exercise the padding of the last group of four lanes.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, RunConfig } from '@engine/config';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from '../backend';
import { compareParams, wasmTrainer } from './helpers';

const rates = [0.01, 0.03, 0.1, 0.2, 0.05];
const spiral = (optimizer: OptimizerConfig, extra: Partial<RunConfig> = {}): RunConfig => ({
  model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
  training: { loss: 'binary_crossentropy', optimizer, batchSize: 10, seed: 7 },
  dataset: { kind: 'classification2d', shape: 'spiral', count: 120 },
  population: { size: 5, members: rates.map((learningRate, i) => ({ learningRate: learningRate * (['sgd', 'momentum', 'nesterov'].includes(optimizer.name) ? 1 : 0.1), seed: i + 3 })) },
  ...extra,
});
const digitsLike: RunConfig = {
  model: { inputShape: [2], layers: [{ type: 'dense', units: 10, activation: 'tanh' }, { type: 'dense', units: 4, activation: 'softmax' }] },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 16, seed: 2 },
  dataset: { kind: 'classification2d', shape: 'gaussians', classes: 4, count: 160 },
  population: { size: 6, members: Array.from({ length: 6 }, (_, i) => ({ seed: i + 1, learningRate: 0.003 * (i + 1) })) },
};
const regression = (layers: RunConfig['model']['layers'], extra: Partial<RunConfig['training']> = {}, model: Partial<RunConfig['model']> = {}): RunConfig => ({
  model: { inputShape: [1], layers, ...model },
  training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 12, seed: 5, ...extra },
  dataset: { kind: 'function1d', fn: 'sine', count: 60, noise: 0.1 },
  population: { size: 5, members: [{ seed: 1 }, { seed: 2, l1: 0.001 }, { seed: 3, l2: 0.01 }, { seed: 4, dropout: 0.3 }, { seed: 5, learningRate: 0.02 }] },
});
const hidden = (extra: object = {}) => [{ type: 'dense' as const, units: 12, activation: 'tanh' as const, ...extra }, { type: 'dense' as const, units: 1 }];
/** Members 0–1 take the run's weightDecay, the others their own (one of them 0). */
const decayed = (name: 'adam' | 'sgd', learningRate: number, schedule?: OptimizerConfig['schedule'], layer: object = {}): RunConfig => ({
  ...regression(hidden(layer), { optimizer: { name, learningRate, ...(schedule ? { schedule } : {}) }, regularization: { weightDecay: 0.05 } }),
  population: { size: 5, members: [{ seed: 1 }, { seed: 2, learningRate: learningRate * 2 }, { seed: 3, weightDecay: 0 }, { seed: 4, weightDecay: 0.3 }, { seed: 5, weightDecay: 0.1, l2: 0.01 }] },
});

const cases: [string, RunConfig, number][] = [
  ['sgd, per-member rates', spiral({ name: 'sgd', learningRate: 0.1 }), 100],
  ['momentum', spiral({ name: 'momentum', learningRate: 0.1, momentum: 0.9 }), 100],
  ['rmsprop', spiral({ name: 'rmsprop', learningRate: 0.01, beta1: 0.9 }), 100],
  ['adam', spiral({ name: 'adam', learningRate: 0.01 }), 100],
  ['nesterov', spiral({ name: 'nesterov', learningRate: 0.1, momentum: 0.9 }), 100],
  ['adam, softmax + categorical CE, 6 members', digitsLike, 100],
  ['L1, L2 and hidden dropout per member', regression(hidden()), 100],
  ['leaky ReLU with momentum', regression(hidden({ activation: 'leaky_relu' }), { optimizer: { name: 'momentum', learningRate: 0.02 } }), 100],
  ['input dropout and layer dropout', regression(hidden({ dropout: 0.2 }), {}, { inputDropout: 0.1 }), 100],
  ['clipNorm and clipValue', regression(hidden(), { optimizer: { name: 'sgd', learningRate: 0.2, clipNorm: 0.5, clipValue: 0.3 } }), 100],
  ['max-norm', regression(hidden({ maxNorm: 0.8 }), { optimizer: { name: 'momentum', learningRate: 0.02 } }, { initializer: { name: 'uniform', scale: 1 } }), 100],
  ['frozen first layer, no output bias', regression([{ type: 'dense', units: 12, activation: 'sigmoid', trainable: false }, { type: 'dense', units: 1, useBias: false }]), 100],
  ['step schedule', regression(hidden(), { optimizer: { name: 'sgd', learningRate: 0.1, schedule: { type: 'step', every: 20, factor: 0.5 } } }), 100],
  ['AdamW: decoupled weight decay per member (training default and overrides) with a step schedule', decayed('adam', 0.01, { type: 'step', every: 30, factor: 0.5 }), 100],
  ['decoupled weight decay with plain SGD (the folded-η path on tfjs) and max-norm', decayed('sgd', 0.05, undefined, { maxNorm: 1 }), 100],
  ['exponential schedule with adam', regression(hidden(), { optimizer: { name: 'adam', learningRate: 0.01, schedule: { type: 'exponential', decaySteps: 50, rate: 0.5 } } }), 100],
  ['residual hidden layers (h + act(Wh + b)) between plain ones, momentum', { ...regression([
    { type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'relu', residual: true },
    { type: 'dense', units: 8, activation: 'tanh', residual: true }, { type: 'dense', units: 8, activation: 'tanh' },
    { type: 'dense', units: 8, activation: 'relu', residual: true }, { type: 'dense', units: 1 },
  ], { optimizer: { name: 'momentum', learningRate: 0.02 } }), population: { size: 5, members: [1, 2, 3, 4, 5].map((seed) => ({ seed })) } }, 100],
  ['18 layers (16 hidden), softmax + categorical CE', { ...digitsLike, model: { inputShape: [2], layers: [
    ...Array.from({ length: 16 }, (_, l) => ({ type: 'dense' as const, units: 6, activation: 'tanh' as const, residual: l > 0 && l % 2 === 0 })),
    { type: 'dense', units: 4, activation: 'softmax' },
  ] } }, 20],
  ['MSE on softmax outputs (through the softmax Jacobian), adam', { ...digitsLike, training: { ...digitsLike.training, loss: 'mse' } }, 100],
];

describe('dense-wasm vs tfjs-cpu, same seed', () => {
  for (const [name, config, steps] of cases)
    it(name, async () => {
      await useBackend('cpu');
      const trainer = await wasmTrainer(config);
      const session = await TrainingSession.create(config);
      expect(await compareParams(trainer, session)).toBe(0); // same initial weights, bit for bit
      trainer.runSteps(steps - 1, false);
      session.runSteps(steps - 1, false);
      // tfjs's autodiff path (MSE on softmax) sums every step's loss into its window: start a fresh one.
      session.statistics.takeWindow().loss?.dispose();
      trainer.runSteps(1, true);
      session.runSteps(1, true);
      expect(await compareParams(trainer, session)).toBeLessThan(2e-4);
      // The collected loss and layer statistics of the last step agree too.
      const theirsLoss = await session.statistics.takeWindow().loss!.data();
      const mineLoss = trainer.takeWindow()!;
      mineLoss.forEach((v, p) => expect(Math.abs(v - theirsLoss[p]!)).toBeLessThan(1e-4 * (1 + Math.abs(v))));
      const theirsStats = await session.statistics.takeStats()!.data();
      trainer.pendingStats!.forEach((v, i) => expect(Math.abs(v - theirsStats[i]!)).toBeLessThan(2e-3 * (1 + Math.abs(v))));
      session.dispose();
    });
});

const sweepRates = Array.from({ length: 16 }, (_, i) => 0.001 * 10 ** (i / 5));
const workloads: [string, RunConfig, number, (p: number) => boolean][] = [
  [
    'the LR sweep workload (16 × 2-8-8-1, batch 10; the two chaotic top rates excluded)',
    {
      model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
      training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.03 }, batchSize: 10, seed: 1 },
      dataset: { kind: 'classification2d', shape: 'spiral', count: 250, split: { train: 1, validation: 0, test: 0 } },
      population: { size: 16, members: sweepRates.map((learningRate) => ({ learningRate })) },
    },
    250,
    (p) => p < 14,
  ],
  [
    'the ensemble workload (64 × 1-16-16-1, fresh samples, full batch)',
    {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 100, seed: 1 },
      dataset: { kind: 'function1d', fn: 'sine', count: 100, noise: 0.3, split: { train: 1, validation: 0, test: 0 } },
      population: { size: 64, members: Array.from({ length: 64 }, (_, i) => ({ seed: i + 1 })), dataSubset: { type: 'fresh' } },
    },
    30,
    () => true,
  ],
];

describe('dense-wasm vs tfjs-cpu on the two standard bench workloads', () => {
  for (const [name, config, steps, keep] of workloads)
    it(name, async () => {
      await useBackend('cpu');
      const trainer = await wasmTrainer(config);
      const session = await TrainingSession.create(config);
      expect(await compareParams(trainer, session)).toBe(0);
      trainer.runSteps(steps, false);
      session.runSteps(steps, false);
      expect(await compareParams(trainer, session, keep)).toBeLessThan(2e-4);
      session.dispose();
    });
});
