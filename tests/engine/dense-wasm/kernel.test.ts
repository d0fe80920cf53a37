/**
 * The kernel itself, below the engine config: every optimizer and decoupled weight decay against a float64
 * oracle, divergence masking, padding, and the evaluation forward pass.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { DenseKernel, type DenseKernelSpec, type KernelOptimizer } from '@engine/kernels/dense-wasm/host';
import { denseWasmModule } from '@engine/kernels/dense-wasm/load';
import { Random } from '@engine/random';
import { predict } from '@engine/train/inputs';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from '../backend';
import { wasmTrainer } from './helpers';

// A linear model z = x·w + b (2 inputs), mse, full batch: ∂L/∂w = (2/N) Σ x (z - y), ∂L/∂b = (2/N) Σ (z - y).
const N = 16;
const random = new Random(11);
const xs = Array.from({ length: N }, () => [random.range(-1, 1), random.range(-1, 1)]);
const ys = xs.map(([a, b]) => 0.7 * a! - 1.3 * b! + 0.2);
const P = 5; // one full group of four lanes and one padded group
const rates = [0.05, 0.1, 0.02, 0.2, 0.07];
const decay = [0, 0.1, 0.5, 0, 0.01];

/** RMSProp and Adam step by about η whatever |g|: at the optimum (g ≈ 0) the sign of a step hangs on float32
 * rounding and any two implementations part. Small rates keep these 60 steps short of it. */
const rateScale = (name: KernelOptimizer) => (name === 'rmsprop' ? 0.03 : name === 'adam' ? 0.1 : 1);

function oracle(name: KernelOptimizer, steps: number, p: number): number[] {
  const theta = [0.1 * (p + 1), -0.2, 0.05]; // w0, w1, b
  const s1 = [0, 0, 0];
  const s2 = [0, 0, 0];
  const [mu, b1, b2, eps] = [0.9, 0.9, 0.999, 1e-7];
  for (let t = 1; t <= steps; t++) {
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    xs.forEach(([a, b], i) => {
      const e = theta[0]! * a! + theta[1]! * b! + theta[2]! - ys[i]!;
      g0 += (2 / N) * e * a!;
      g1 += (2 / N) * e * b!;
      g2 += (2 / N) * e;
    });
    const g = [g0, g1, g2];
    const eta = rates[p]! * rateScale(name);
    for (let k = 0; k < 3; k++) {
      const old = theta[k]!;
      let step = g[k]!;
      if (name === 'momentum' || name === 'nesterov') {
        s1[k] = mu * s1[k]! + g[k]!;
        step = name === 'momentum' ? s1[k]! : g[k]! + mu * s1[k]!;
      } else if (name === 'rmsprop') {
        s1[k] = b1 * s1[k]! + (1 - b1) * g[k]! ** 2;
        step = g[k]! / Math.sqrt(s1[k]! + eps);
      } else if (name === 'adam') {
        s1[k] = b1 * s1[k]! + (1 - b1) * g[k]!;
        s2[k] = b2 * s2[k]! + (1 - b2) * g[k]! ** 2;
        step = s1[k]! / (1 - b1 ** t) / (Math.sqrt(s2[k]! / (1 - b2 ** t)) + eps);
      }
      theta[k] = old - eta * step - (k < 2 ? eta * decay[p]! * old : 0); // decay on weights only
    }
  }
  return theta;
}

function linearSpec(name: KernelOptimizer): DenseKernelSpec {
  const inputs = new Float32Array(P * N * 2);
  const targets = new Float32Array(P * N);
  for (let p = 0; p < P; p++) xs.forEach((x, i) => (inputs.set(x, (p * N + i) * 2), (targets[p * N + i] = ys[i]!)));
  return {
    members: P, widths: [2, 1], activations: ['linear'], useBias: [true], trainable: [true], maxNorm: [0], loss: 'mse',
    optimizer: { name, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, clipNorm: 0, clipValue: 0 },
    l1: new Array(P).fill(0), l2: new Array(P).fill(0), weightDecay: decay, rows: N, batchSize: N, inputs, targets,
  };
}

describe('dense-wasm kernel', () => {
  for (const name of ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'] as const)
    it(`${name} with decoupled weight decay matches a float64 oracle over 60 steps (5 members, padded)`, async () => {
      const kernel = new DenseKernel(await denseWasmModule(), linearSpec(name));
      kernel.write({ kernels: [Float32Array.from({ length: P * 2 }, (_, i) => (i % 2 === 0 ? 0.1 * ((i >> 1) + 1) : -0.2))], biases: [new Float32Array(P).fill(0.05)] });
      kernel.setRates(rates.map((r) => r * rateScale(name)));
      kernel.setOrder(Int32Array.from({ length: P * N }, (_, i) => i % N));
      const STEPS = 60;
      for (let t = 1; t <= STEPS; t++) kernel.step(0, N, false, t);
      const { kernels, biases } = kernel.read();
      for (let p = 0; p < P; p++) {
        const want = oracle(name, STEPS, p);
        const got = [kernels[0]![p * 2]!, kernels[0]![p * 2 + 1]!, biases[0]![p]!];
        got.forEach((v, k) => expect(Math.abs(v - want[k]!)).toBeLessThan(2e-5 * (1 + Math.abs(want[k]!))));
      }
    });

  it('a diverging member is frozen with finite weights and leaves the others bit-for-bit unchanged', async () => {
    const config = (members: { learningRate: number }[]): RunConfig => ({
      model: { inputShape: [1], layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.01 }, batchSize: 10, seed: 3 },
      dataset: { kind: 'function1d', fn: 'line', count: 40, noise: 0.1 },
      population: { size: members.length, members },
    });
    const mixed = await wasmTrainer(config([{ learningRate: 0.01 }, { learningRate: 100 }, { learningRate: 0.02 }]));
    const alone = await wasmTrainer(config([{ learningRate: 0.01 }]));
    mixed.runSteps(40, true);
    alone.runSteps(40, false);
    // The kernel caught the non-finite update itself and froze the member at once (before any read-back).
    expect(mixed.takeCaught()).toEqual([false, true, false]);
    mixed.neutralize([1]);
    expect(mixed.diverged).toEqual([false, true, false]);
    const values = mixed.paramValues();
    for (const v of values.values()) expect(v.every(Number.isFinite)).toBe(true);
    const frozen = values.get('dense_0/kernel')!.slice(8, 16);
    mixed.runSteps(10, false);
    expect(mixed.paramValues().get('dense_0/kernel')!.slice(8, 16)).toEqual(frozen);
    alone.runSteps(10, false);
    expect(mixed.paramValues().get('dense_0/kernel')!.slice(0, 8)).toEqual(alone.paramValues().get('dense_0/kernel'));
    expect(mixed.currentLearningRates()[1]).toBe(0);
  });

  it('evaluate() gives the tfjs forward pass on shared rows', async () => {
    await useBackend('cpu');
    const config: RunConfig = {
      model: { inputShape: [2], layers: [{ type: 'dense', units: 6, activation: 'sigmoid' }, { type: 'dense', units: 3, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.5 }, batchSize: 16, seed: 2 },
      dataset: { kind: 'classification2d', shape: 'gaussians', classes: 3, count: 120 },
      population: { size: 3, members: [{ seed: 1 }, { seed: 2 }, { seed: 3 }] },
    };
    const trainer = await wasmTrainer(config);
    trainer.runSteps(30, false);
    const session = await TrainingSession.create(config);
    for (const [name, values] of trainer.paramValues()) session.setParam(name, values);
    const rows = Array.from({ length: 37 }, (_, i) => [Math.cos(i), Math.sin(2 * i)]);
    const theirs = await predict(session, rows);
    const mine = trainer.kernel.evaluate(Float32Array.from(rows.flat()), rows.length, false);
    theirs.forEach((member, p) => member.forEach((row, j) => row.forEach((v, k) => expect(Math.abs(mine[(p * rows.length + j) * 3 + k]! - v)).toBeLessThan(1e-6))));
    session.dispose();
  });
});
