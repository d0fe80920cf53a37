/**
 * Conv and pool layers on dense-wasm against the tfjs path on tfjs-cpu (its population conv kernels,
 * model/population-conv.ts), same config and seed: the same initial weights bit for bit, then after Adam, SGD
 * and momentum steps the parameters within the dense parity tolerance (relative 2e-4), the window's mean batch
 * loss (every step's, with the L2 penalty, on both paths) and the last step's layer statistics too. Five
 * members (one padded group of four lanes). Configs: chapter 3's convnet (conv 3×3 'same' with a fused ReLU → max pool → dense softmax, Adam); two conv
 * layers ('same' ReLU → avg pool → 'valid' 5×5 tanh → max pool with a remainder); a 2-channel input with
 * stride 2; a conv1d/pool1d net without bias, with L2. Then divergence isolation with conv layers, and
 * predictions and input gradients (∂loss/∂x back through pool and conv layers) against tfjs-cpu.
 */
import { describe, expect, it } from 'vitest';
import type { LayerSpec, RunConfig } from '@engine/config';
import { Random } from '@engine/random';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from '../backend';
import { kernelOn } from '../paths';
import { compareParams, wasmTrainer } from './helpers';

const members = (rates: number[]) => ({ size: rates.length, members: rates.map((learningRate, i) => ({ learningRate, seed: i + 1 })) });
const digits = (layers: LayerSpec[], optimizer: RunConfig['training']['optimizer'], rates: number[]): RunConfig => ({
  model: { inputShape: [28, 28, 1], initializer: { name: 'he_normal' }, layers },
  training: { loss: 'categorical_crossentropy', optimizer, batchSize: 8, seed: 3 },
  dataset: { kind: 'digits', layout: 'image', count: 48 },
  population: members(rates),
});
/** Inline images of [7, 7, 2] with 3 classes (the class shifts one channel's mean). */
const random = new Random(5);
const labels = Array.from({ length: 36 }, (_, i) => i % 3);
const images = labels.map((label) => Array.from({ length: 98 }, (_, e) => random.range(-1, 1) + (e % 2 === 0 ? 0.3 * label : 0)));

const cases: [string, RunConfig, number][] = [
  ['chapter 3\'s convnet: conv 4×3×3 same, fused ReLU → max pool 2 → dense 10 softmax, Adam', digits([
    { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
    { type: 'pool2d', pool: 'max', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ], { name: 'adam', learningRate: 0.003 }, [0.003, 0.001, 0.002, 0.003, 0.0015]), 40],
  ['two conv layers: 3×3 same ReLU → avg pool 2 → 5×5 valid tanh → max pool 3 (a remainder) → dense, SGD', digits([
    { type: 'conv2d', filters: 3, kernelSize: 3, activation: 'relu' },
    { type: 'pool2d', pool: 'avg', size: 2 },
    { type: 'conv2d', filters: 5, kernelSize: 5, padding: 'valid', activation: 'tanh' },
    { type: 'pool2d', pool: 'max', size: 3 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ], { name: 'sgd', learningRate: 0.05 }, [0.05, 0.02, 0.1, 0.03, 0.08]), 40],
  ['2-channel input: conv 6×3×3 stride 2 same, sigmoid → avg pool 2 → dense 8 ReLU → softmax, momentum', {
    model: { inputShape: [7, 7, 2], layers: [
      { type: 'conv2d', filters: 6, kernelSize: 3, stride: 2, activation: 'sigmoid' },
      { type: 'pool2d', pool: 'avg', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 8, activation: 'relu' },
      { type: 'dense', units: 3, activation: 'softmax' },
    ] },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'momentum', learningRate: 0.05, momentum: 0.9 }, batchSize: 6, seed: 4 },
    dataset: { kind: 'inline', inputs: images, targets: labels, classes: 3 },
    population: members([0.05, 0.02, 0.1, 0.03, 0.07]),
  }, 100],
  ['conv1d 3×5 valid leaky ReLU, no bias → max pool1d 2 → conv1d 2×3 same ReLU → dense 1, MSE with L2, SGD', {
    model: { inputShape: [12, 1], layers: [
      { type: 'conv1d', filters: 3, kernelSize: 5, padding: 'valid', activation: 'leaky_relu', useBias: false },
      { type: 'pool1d', pool: 'max', size: 2 },
      { type: 'conv1d', filters: 2, kernelSize: 3 },
      { type: 'flatten' },
      { type: 'dense', units: 1 },
    ] },
    training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.02 }, batchSize: 6, seed: 2, regularization: { l2: 0.001 } },
    dataset: { kind: 'inline', inputs: images.map((row) => row.slice(0, 12)), targets: images.map((row) => [row[0]! - row[5]!]) },
    population: members([0.02, 0.01, 0.03, 0.015, 0.025]),
  }, 100],
];

describe('conv and pool layers: dense-wasm vs tfjs-cpu (population conv kernels), same seed', () => {
  for (const [name, config, steps] of cases)
    it(name, async () => {
      await useBackend('cpu');
      const trainer = await wasmTrainer(config);
      const session = await TrainingSession.create(config);
      expect(await compareParams(trainer, session)).toBe(0); // same initial weights, bit for bit
      trainer.runSteps(steps - 1, false);
      session.runSteps(steps - 1, false);
      trainer.runSteps(1, true);
      session.runSteps(1, true);
      // Measured: 4.6e-5 for the first config (even after 100 Adam steps), ≤ 2e-7 for the others.
      expect(await compareParams(trainer, session)).toBeLessThan(2e-4);
      // The window: every step's loss on both paths for conv models (tfjs trains them by autodiff).
      const theirs = session.statistics.takeWindow();
      const theirsLoss = (await theirs.loss!.data()).map((v) => v / theirs.steps);
      trainer.takeWindow()!.forEach((v, p) => expect(Math.abs(v - theirsLoss[p]!)).toBeLessThan(1e-4 * (1 + Math.abs(v))));
      const theirsStats = await session.statistics.takeStats()!.data();
      expect(trainer.pendingStats!.length).toBe(theirsStats.length);
      trainer.pendingStats!.forEach((v, i) => expect(Math.abs(v - theirsStats[i]!)).toBeLessThan(2e-3 * (1 + Math.abs(v))));
      session.dispose();
    });
});

describe('conv layers: divergence isolation on dense-wasm', () => {
  it('a member whose update goes non-finite is restored and frozen; the others train bit for bit as if alone', async () => {
    const config = (rates: number[]): RunConfig => ({
      ...cases[3]![1],
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.01 }, batchSize: 6, seed: 2 },
      population: { size: rates.length, members: rates.map((learningRate) => ({ learningRate })) },
    });
    const mixed = await wasmTrainer(config([0.01, 100, 0.02]));
    const alone = await wasmTrainer(config([0.01]));
    mixed.runSteps(30, true);
    alone.runSteps(30, false);
    expect(mixed.takeCaught()).toEqual([false, true, false]);
    mixed.neutralize([1]);
    const values = mixed.paramValues();
    for (const v of values.values()) expect(v.every(Number.isFinite)).toBe(true);
    const size = 5 * 1 * 3; // conv1d_0/kernel [5, 1, 3] per member
    const frozen = values.get('conv1d_0/kernel')!.slice(size, 2 * size);
    mixed.runSteps(10, false);
    alone.runSteps(10, false);
    expect(mixed.paramValues().get('conv1d_0/kernel')!.slice(size, 2 * size)).toEqual(frozen);
    const mine = mixed.paramValues();
    for (const [name, theirs] of alone.paramValues()) expect(mine.get(name)!.slice(0, theirs.length), name).toEqual(theirs);
  });
});

describe('conv layers: predictions and input gradients on dense-wasm', () => {
  for (const at of [2, 3])
    it(`agree with tfjs-cpu after training: ${cases[at]![0]}`, async () => {
      const config = cases[at]![1];
      const wasm = await kernelOn('dense-wasm', config);
      wasm.runSteps(20, false);
      const cpu = await kernelOn('tfjs-cpu', config);
      cpu.writeParams(new Map([...(await wasm.readParams())].map(([name, view]) => [name, view.values])));
      const rows = images.slice(0, 4).map((row) => row.slice(0, config.model.inputShape.reduce((a, b) => a * b, 1)));
      const targets = at === 2 ? [2, 0, 1, 2] : rows.map((row) => [row[1]!]);
      const mine = await wasm.predict(rows);
      const theirs = await cpu.predict(rows);
      mine.flat(2).forEach((v, i) => expect(Math.abs(v - theirs.flat(2)[i]!)).toBeLessThan(1e-5));
      const g1 = await wasm.inputGradient(rows, targets);
      const g2 = await cpu.inputGradient(rows, targets);
      const scale = Math.max(...g2.gradients.flat(2).map(Math.abs));
      expect(scale).toBeGreaterThan(0);
      g1.gradients.flat(2).forEach((v, i) => expect(Math.abs(v - g2.gradients.flat(2)[i]!), `gradient ${i}`).toBeLessThan(1e-4 * scale));
      g1.losses.flat().forEach((v, i) => expect(Math.abs(v - g2.losses.flat()[i]!)).toBeLessThan(1e-5 * (1 + Math.abs(v))));
      wasm.dispose();
      cpu.dispose();
    });
});
