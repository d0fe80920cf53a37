/**
 * Gradient check: the engine's gradients (hand-derived dense backprop and tfjs autodiff) against central
 * finite differences (L(θ + h) - L(θ - h)) / 2h, for every layer type, activation, loss and penalty.
 * float32 losses limit the agreement to ~1e-3 relative; a wrong derivative is off by far more.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName, LayerSpec, LossName, RunConfig } from '@engine/config';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';

/** Step of the central difference; max pooling has kinks, so conv checks use a smaller one. */
let H = 1e-2;
const ELEMENTS_PER_PARAM = 4;

function tolerance(fd: number): number {
  return 2e-3 + 2e-2 * Math.abs(fd);
}

async function finiteDifference(session: TrainingSession, name: string, index: number): Promise<number> {
  const base = Float32Array.from(await (session.params.get(name)!).data());
  const shifted = base.slice();
  shifted[index] = base[index]! + H;
  session.setParam(name, shifted);
  const plus = (await session.batchLoss())[0]!;
  shifted[index] = base[index]! - H;
  session.setParam(name, shifted);
  const minus = (await session.batchLoss())[0]!;
  session.setParam(name, base);
  return (plus - minus) / (2 * H);
}

async function check(config: RunConfig, paths: ('dense' | 'autodiff')[]): Promise<number> {
  const session = await TrainingSession.create(config);
  let checked = 0;
  try {
    for (const path of paths) {
      const gradients = await session.inspectGradients(path);
      for (const [name, values] of gradients) {
        const stride = Math.max(1, Math.floor(values.length / ELEMENTS_PER_PARAM));
        for (let i = 0; i < values.length; i += stride) {
          const fd = await finiteDifference(session, name, i);
          const g = values[i]!;
          if (Math.abs(g - fd) > tolerance(fd)) throw new Error(`${path} ${name}[${i}]: gradient ${g} vs finite difference ${fd}`);
          checked++;
        }
      }
    }
  } finally {
    session.dispose();
  }
  return checked;
}

const regression = (layers: LayerSpec[], extra: Partial<RunConfig['training']> = {}): RunConfig => ({
  model: { inputShape: [1], layers, initializer: { name: 'glorot_normal' } },
  training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 1000, seed: 3, ...extra },
  dataset: { kind: 'function1d', fn: 'sine', count: 24, noise: 0.1 },
});

const classifier = (loss: LossName, outputActivation: ActivationName, units: number, classes: number, hidden: LayerSpec[] = [{ type: 'dense', units: 5, activation: 'tanh' }]): RunConfig => ({
  model: { inputShape: [2], layers: [...hidden, { type: 'dense', units, activation: outputActivation }] },
  training: { loss, optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 1000, seed: 5 },
  dataset: { kind: 'classification2d', shape: 'gaussians', classes, count: 30, noise: 0.2 },
});

describe.each(['cpu', 'wasm'] as const)('gradient check on %s', (backend) => {
  for (const activation of ['linear', 'relu', 'leaky_relu', 'tanh', 'sigmoid'] as const)
    it(`dense ${activation} + mse`, async () => {
      await useBackend(backend);
      const n = await check(regression([{ type: 'dense', units: 4, activation }, { type: 'dense', units: 1 }]), ['dense', 'autodiff']);
      expect(n).toBeGreaterThan(8);
    });

  it('softmax + categorical cross-entropy', async () => {
    await useBackend(backend);
    expect(await check(classifier('categorical_crossentropy', 'softmax', 3, 3), ['dense', 'autodiff'])).toBeGreaterThan(8);
  });

  it('sigmoid + binary cross-entropy', async () => {
    await useBackend(backend);
    expect(await check(classifier('binary_crossentropy', 'sigmoid', 1, 2), ['dense', 'autodiff'])).toBeGreaterThan(8);
  });

  it('hinge (linear and tanh outputs, 1 and 3 units)', async () => {
    await useBackend(backend);
    expect(await check(classifier('hinge', 'linear', 1, 2), ['dense', 'autodiff'])).toBeGreaterThan(8);
    expect(await check(classifier('hinge', 'tanh', 3, 3), ['dense', 'autodiff'])).toBeGreaterThan(8);
  });

  it('mse on a sigmoid output and a softmax output (autodiff)', async () => {
    await useBackend(backend);
    expect(await check(classifier('mse', 'sigmoid', 1, 2), ['dense', 'autodiff'])).toBeGreaterThan(8);
    expect(await check(classifier('mse', 'softmax', 3, 3), ['autodiff'])).toBeGreaterThan(8);
  });

  it('residual dense layers', async () => {
    await useBackend(backend);
    const layers: LayerSpec[] = [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 4, activation: 'tanh', residual: true }, { type: 'dense', units: 1 }];
    expect(await check(regression(layers), ['dense', 'autodiff'])).toBeGreaterThan(12);
  });

  it('batch normalization and layer normalization', async () => {
    await useBackend(backend);
    for (const normalization of ['batch', 'layer'] as const) {
      const layers: LayerSpec[] = [{ type: 'dense', units: 4, activation: 'relu', normalization }, { type: 'dense', units: 1 }];
      expect(await check(regression(layers), ['autodiff'])).toBeGreaterThan(12);
    }
  });

  it('L1 and L2 penalties', async () => {
    await useBackend(backend);
    const layers: LayerSpec[] = [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1 }];
    expect(await check(regression(layers, { regularization: { l1: 0.01, l2: 0.05 } }), ['dense', 'autodiff'])).toBeGreaterThan(8);
  });

});

// On cpu and wasm, conv and pool layers run on the engine's population kernels (model/population-conv.ts).
describe.each(['cpu', 'wasm'] as const)('gradient check of conv layers on %s', (backend) => {
  it('conv1d + max/avg pooling + flatten', async () => {
    await useBackend(backend);
    H = 1e-3;
    const inputs = Array.from({ length: 12 }, (_, i) => Array.from({ length: 8 }, (_, j) => Math.sin(i + j * 0.7)));
    const targets = inputs.map((row) => [row.reduce((a, b) => a + b, 0) / 8]);
    for (const pool of ['max', 'avg'] as const) {
      const config: RunConfig = {
        model: { inputShape: [8, 1], layers: [{ type: 'conv1d', filters: 2, kernelSize: 3, activation: 'tanh' }, { type: 'pool1d', pool, size: 2 }, { type: 'flatten' }, { type: 'dense', units: 1 }] },
        training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 1000, seed: 2 },
        dataset: { kind: 'inline', inputs, targets },
      };
      expect(await check(config, ['autodiff'])).toBeGreaterThan(8);
    }
    H = 1e-2;
  });

  it('conv2d + pooling on digits images', async () => {
    await useBackend(backend);
    H = 1e-3;
    const config: RunConfig = {
      model: { inputShape: [28, 28, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3, stride: 2, activation: 'tanh' }, { type: 'pool2d', pool: 'max', size: 2 }, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 1000, seed: 2 },
      dataset: { kind: 'digits', layout: 'image', count: 12 },
    };
    expect(await check(config, ['autodiff'])).toBeGreaterThan(8);
    H = 1e-2;
  });
});
