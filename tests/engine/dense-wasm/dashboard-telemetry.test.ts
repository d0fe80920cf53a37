/**
 * Chapter 4's dashboard telemetry on both compute paths (dense-wasm and tfjs-cpu), same seed and steps: the
 * validation confusion matrix (G3), pre-activation histograms (G8) and streamed parameters (G9). Each is checked
 * against an independent computation (predict() + the pure confusionMatrix; x·W + b from the streamed weights;
 * readParams()) and the two paths against each other, in the style of readback.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import type { ProgressEvent } from '@engine/telemetry';
import { confusionMatrix } from '@engine/train/class-metrics';
import type { PopulationKernel, Readback } from '@engine/train/kernel';
import { progress } from '@engine/train/progress';
import { kernelOn } from '../paths';

type Path = 'tfjs-cpu' | 'dense-wasm';
const PATHS: Path[] = ['tfjs-cpu', 'dense-wasm'];

/** The project model, small: 784-12-10 on 300 digits (60 validation rows), three members. */
const digits: RunConfig = {
  model: {
    inputShape: [784],
    initializer: { name: 'he_normal' },
    layers: [{ type: 'dense', units: 12, activation: 'relu', name: 'hidden' }, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }],
  },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits', count: 300 },
  population: { size: 3, members: [{ seed: 1 }, { seed: 2 }, { seed: 3 }] },
  telemetry: { every: 10, histogramBins: 20, preActivationHistograms: true, confusion: true, params: ['hidden/kernel', 'output/bias'], paramsEvery: 2 },
};

/** Runs `steps`, then one progress event per entry of `more` (steps before it), keeping the raw read-backs. */
async function events(path: Path, config: RunConfig, steps: number[]): Promise<{ kernel: PopulationKernel; events: ProgressEvent[]; got: Readback[] }> {
  const kernel = await kernelOn(path, config);
  const readBack = kernel.readBack.bind(kernel);
  const got: Readback[] = [];
  kernel.readBack = async (rows, params) => {
    const r = await readBack(rows, params);
    got.push(r);
    return r;
  };
  const out: ProgressEvent[] = [];
  for (const n of steps) {
    kernel.runSteps(n, true);
    const { event, diverged } = await progress(kernel, 'cpu', 0);
    expect(diverged).toEqual([]);
    out.push(event);
  }
  return { kernel, events: out, got };
}

const argmax = (row: number[]) => row.reduce((best, v, k) => (v > row[best]! ? k : best), 0);

describe('confusion matrix (G3)', () => {
  it('is the matrix of predict() on the validation rows, sums to the class counts, matches accuracy, and agrees across paths', async () => {
    const matrices: number[][][][] = [];
    for (const path of PATHS) {
      const { kernel, events: [event] } = await events(path, digits, [30]);
      const split = kernel.data.base.validation;
      expect(split.count).toBe(60);
      const rows = Array.from({ length: split.count }, (_, i) => Array.from(split.inputs.subarray(i * 784, (i + 1) * 784)));
      const predictions = await kernel.predict(rows);
      const confusion = event!.confusion!;
      expect(confusion.length).toBe(3);
      confusion.forEach((matrix, p) => {
        expect(matrix, `${path} member ${p}`).toEqual(confusionMatrix(predictions[p]!.map(argmax), split.targets, 10));
        matrix.forEach((row, c) => expect(row.reduce((a, b) => a + b, 0)).toBe(Array.from(split.targets).filter((t) => t === c).length));
        const right = matrix.reduce((sum, row, c) => sum + row[c]!, 0);
        expect(right / split.count).toBeCloseTo(event!.members[p]!.validationAccuracy!, 6);
        expect(right).toBeLessThan(split.count); // 30 steps: some digits are still confused, the test sees off-diagonal counts
      });
      matrices.push(confusion);
      kernel.dispose();
    }
    expect(matrices[1]).toEqual(matrices[0]);
  });

  it('a one-output classifier (sigmoid, threshold 0.5) gets a 2×2 matrix on both paths', async () => {
    const moons: RunConfig = {
      model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
      training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.3 }, batchSize: 16, seed: 4 },
      dataset: { kind: 'classification2d', shape: 'moons', count: 200 },
      population: { size: 2, members: [{ seed: 1 }, { seed: 2 }] },
      telemetry: { confusion: true },
    };
    const matrices: number[][][][] = [];
    for (const path of PATHS) {
      const { kernel, events: [event] } = await events(path, moons, [20]);
      const split = kernel.data.base.validation;
      const predictions = await kernel.predict(Array.from({ length: split.count }, (_, i) => [split.inputs[2 * i]!, split.inputs[2 * i + 1]!]));
      event!.confusion!.forEach((matrix, p) => expect(matrix).toEqual(confusionMatrix(predictions[p]!.map((o) => (o[0]! > 0.5 ? 1 : 0)), split.targets, 2)));
      matrices.push(event!.confusion!);
      kernel.dispose();
    }
    expect(matrices[1]).toEqual(matrices[0]);
  });
});

describe('pre-activation histograms (G8)', () => {
  it('are of z = x·W + b (negative values a ReLU hides), the same on both paths', async () => {
    const raw: Readback[] = [];
    for (const path of PATHS) {
      const { kernel, events: [event], got } = await events(path, digits, [20]);
      const z = got[0]!.get('preActivation/0')!;
      const a = got[0]!.get('activation/0')!;
      const params = await kernel.readParams();
      const W = params.get('hidden/kernel')!.values;
      const b = params.get('hidden/bias')!.values;
      const sample = Math.min(256, kernel.data.count); // 210 training rows here
      for (let p = 0; p < 3; p++) {
        expect(z[p]!.length).toBe(sample * 12);
        // Row r of member p's training data: its first rows (up to 256), as the activation histograms use.
        const x = kernel.data.inputs.subarray(p * kernel.data.count * 784, p * kernel.data.count * 784 + sample * 784);
        for (const [r, j] of [[0, 0], [7, 5], [209, 11], [100, 3]] as const) {
          let sum = b[p * 12 + j]!;
          for (let i = 0; i < 784; i++) sum += x[r * 784 + i]! * W[p * 784 * 12 + i * 12 + j]!;
          expect(z[p]![r * 12 + j]!, `${path} member ${p} row ${r} unit ${j}`).toBeCloseTo(sum, 4);
          expect(a[p]![r * 12 + j]).toBeCloseTo(Math.max(0, sum), 4);
        }
        expect(Math.min(...z[p]!)).toBeLessThan(0);
        expect(Math.min(...a[p]!)).toBe(0);
      }
      // The output layer's pre-activation is its logits: softmax of them is the activation histogram's input.
      const logits = got[0]!.get('preActivation/1')![0]!.slice(0, 10);
      const top = Math.max(...logits);
      const e = logits.map((v) => Math.exp(v - top));
      const probabilities = got[0]!.get('activation/1')![0]!.slice(0, 10);
      e.forEach((v, k) => expect(probabilities[k]).toBeCloseTo(v / e.reduce((s, t) => s + t, 0), 5));
      const h = event!.histograms!;
      expect(h.preActivations!.length).toBe(3);
      expect(h.preActivations![0]!.length).toBe(2);
      expect(h.preActivations![0]![0]!.counts.reduce((s, c) => s + c, 0)).toBe(sample * 12);
      expect(h.preActivations![0]![0]!.edges[0]).toBeLessThan(0);
      expect(h.activations[0]![0]!.edges[0]).toBe(0);
      raw.push(got[0]!);
      kernel.dispose();
    }
    // A pre-activation is a 784-term sum after 20 Adam steps whose float32 roundings differ between the paths
    // (measured: up to 2.6e-5 apart), so it gets the room readback.test.ts gives gradients.
    for (const key of ['preActivation/0', 'preActivation/1'])
      raw[1]!.get(key)!.forEach((row, p) => row.forEach((v, i) => expect(Math.abs(v - raw[0]!.get(key)![p]![i]!)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(v)))));
  });

  it('conv layers: the convolution before its ReLU, the same on both paths', async () => {
    const convnet: RunConfig = {
      model: {
        inputShape: [28, 28, 1],
        layers: [{ type: 'conv2d', filters: 3, kernelSize: 3, activation: 'relu' }, { type: 'pool2d', pool: 'max', size: 2 }, { type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }],
      },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 8, seed: 3 },
      dataset: { kind: 'digits', layout: 'image', count: 40 },
      population: { size: 2, members: [{ seed: 1 }, { seed: 2 }] },
      telemetry: { histogramBins: 10, preActivationHistograms: true },
    };
    const raw: Readback[] = [];
    for (const path of PATHS) {
      const { kernel, got } = await events(path, convnet, [6]);
      const z = got[0]!.get('preActivation/0')!;
      const a = got[0]!.get('activation/0')!;
      z.forEach((row, p) => row.forEach((v, i) => expect(a[p]![i]).toBeCloseTo(Math.max(0, v), 5)));
      expect(Math.min(...z[0]!)).toBeLessThan(0);
      raw.push(got[0]!);
      kernel.dispose();
    }
    raw[1]!.get('preActivation/0')!.forEach((row, p) => row.forEach((v, i) => expect(Math.abs(v - raw[0]!.get('preActivation/0')![p]![i]!)).toBeLessThanOrEqual(2e-5 * (1 + Math.abs(v)))));
  });
});

describe('streamed parameters (G9)', () => {
  it('every paramsEvery-th event carries the named parameters as readParams() holds them, with their shapes', async () => {
    for (const path of PATHS) {
      const kernel = await kernelOn(path, digits);
      const carried: boolean[] = [];
      for (let n = 0; n < 5; n++) {
        kernel.runSteps(3, true);
        const { event } = await progress(kernel, 'cpu', 0);
        carried.push(event.params !== undefined);
        if (!event.params) continue;
        expect(Object.keys(event.params).sort()).toEqual(['hidden/kernel', 'output/bias']);
        const now = await kernel.readParams();
        for (const name of ['hidden/kernel', 'output/bias']) {
          const streamed = event.params[name]!;
          expect(streamed.shape).toEqual(name === 'hidden/kernel' ? [784, 12] : [1, 10]);
          expect(streamed.values.length).toBe(3);
          const size = streamed.shape[0]! * streamed.shape[1]!;
          streamed.values.forEach((row, p) => expect(row, `${path} ${name} member ${p}`).toEqual(Array.from(now.get(name)!.values.subarray(p * size, (p + 1) * size))));
        }
      }
      expect(carried, path).toEqual([true, false, true, false, true]);
      kernel.dispose();
    }
  });
});
