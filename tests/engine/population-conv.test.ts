/**
 * The population conv and pool kernels (model/population-conv.ts) on cpu and wasm against tfjs' own conv2d,
 * maxPool and avgPool with autodiff on tfjs-cpu, member by member: outputs and the gradients of every input
 * (x, filter, bias) for strides 1 and 2, 'same' and 'valid', 1×1 and 1×k kernels (conv1d), a fused ReLU;
 * pooling windows that leave a remainder. Then whole training runs: a convnet population on wasm equals each
 * member trained alone on cpu after a few Adam steps.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@engine/tf';
import type { RunConfig } from '@engine/config';
import { populationConv2d, populationConvAvailable, populationPool } from '@engine/model/population-conv';
import { Random } from '@engine/random';
import { kernelOn, kernelParams } from './paths';
import { useBackend } from './backend';

const random = (shape: number[], seed: number, zeros = 0): { shape: number[]; values: Float32Array } => {
  const r = new Random(seed);
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => (r.uniform() < zeros ? 0 : r.uniform() * 2 - 1));
  return { shape, values };
};
const tensor = (t: { shape: number[]; values: Float32Array }) => tf.tensor(t.values, t.shape);

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  expect(actual.length, label).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (Math.abs(actual[i]! - e) > 1e-5 + 1e-4 * Math.abs(e)) throw new Error(`${label}[${i}]: ${actual[i]} vs tfjs ${e}`);
  }
}

interface ConvCase {
  name: string;
  members: number;
  batch: number;
  image: [number, number, number];
  kernel: [number, number];
  filters: number;
  stride: [number, number];
  padding: 'same' | 'valid';
  relu: boolean;
}

const CASES: ConvCase[] = [
  { name: '3×3, stride 1, same, ReLU', members: 3, batch: 2, image: [7, 6, 2], kernel: [3, 3], filters: 4, stride: [1, 1], padding: 'same', relu: true },
  { name: '3×3, stride 2, valid, linear', members: 2, batch: 3, image: [8, 7, 3], kernel: [3, 3], filters: 2, stride: [2, 2], padding: 'valid', relu: false },
  { name: '2×2, stride 2, same (odd size), ReLU', members: 2, batch: 2, image: [5, 5, 1], kernel: [2, 2], filters: 3, stride: [2, 2], padding: 'same', relu: true },
  { name: 'conv1d kernel 1 (1×1)', members: 3, batch: 4, image: [1, 9, 3], kernel: [1, 1], filters: 5, stride: [1, 1], padding: 'same', relu: false },
  { name: 'conv1d kernel 3, stride 2 (1×3)', members: 2, batch: 2, image: [1, 11, 2], kernel: [1, 3], filters: 2, stride: [1, 2], padding: 'same', relu: true },
];

/** Output and gradients (x, filter, bias) of Σ y·r, by tfjs' conv2d per member on the active backend. */
function reference(c: ConvCase, x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, r: tf.Tensor): Float32Array[] {
  const f = (xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => {
    const outs: tf.Tensor[] = [];
    for (let p = 0; p < c.members; p++) {
      const z = tf.add(tf.conv2d(tf.gather(xs, p) as tf.Tensor4D, tf.gather(ws, p) as tf.Tensor4D, c.stride, c.padding), tf.gather(bs, p));
      outs.push(c.relu ? tf.relu(z) : z);
    }
    return tf.stack(outs);
  };
  return tf.tidy(() => {
    const y = f(x, w, b);
    const grads = tf.grads((xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.sum(tf.mul(f(xs, ws, bs), r)))([x, w, b]);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

function engine(c: ConvCase, x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, r: tf.Tensor): Float32Array[] {
  return tf.tidy(() => {
    const y = populationConv2d(x, w, b, c.stride, c.padding, c.relu);
    const grads = tf.grads((xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.sum(tf.mul(populationConv2d(xs, ws, bs, c.stride, c.padding, c.relu), r)))([x, w, b]);
    return [y, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

describe('population conv kernels against tfjs conv2d (autodiff on tfjs-cpu)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const xData = random([c.members, c.batch, ...c.image], 1, 0.3); // zeros, as after a ReLU or on digits
      const wData = random([c.members, ...c.kernel, c.image[2], c.filters], 2);
      const bData = random([c.members, c.filters], 3);
      await useBackend('cpu');
      const probe = tf.conv2d(tf.zeros([1, ...c.image]) as tf.Tensor4D, tf.zeros([...c.kernel, c.image[2], c.filters]) as tf.Tensor4D, c.stride, c.padding);
      const rData = random([c.members, c.batch, ...probe.shape.slice(1)], 4);
      probe.dispose();
      const ins = () => [tensor(xData), tensor(wData), tensor(bData), tensor(rData)] as const;
      let t = ins();
      const expected = reference(c, ...t);
      tf.dispose([...t]);
      for (const backend of ['cpu', 'wasm'] as const) {
        await useBackend(backend);
        expect(populationConvAvailable()).toBe(true);
        t = ins();
        const actual = engine(c, ...t);
        tf.dispose([...t]);
        ['y', 'dx', 'dfilter', 'dbias'].forEach((name, i) => expectClose(actual[i]!, expected[i]!, `${backend} ${name}`));
      }
    });
  }

  for (const [pool, window, shape] of [['max', [2, 2], [4, 5, 7, 3]], ['avg', [2, 2], [3, 6, 5, 2]], ['max', [1, 3], [3, 1, 10, 2]]] as const) {
    it(`${pool} pooling ${window.join('×')} on [${shape}]`, async () => {
      const xData = random([...shape], 5, 0.3);
      await useBackend('cpu');
      const rData = random([shape[0], Math.floor(shape[1] / window[0]), Math.floor(shape[2] / window[1]), shape[3]], 6);
      const run = (op: (x: tf.Tensor) => tf.Tensor) => tf.tidy(() => {
        const x = tensor(xData);
        const r = tensor(rData);
        return [op(x), tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(op(xs), r)))(x)].map((t) => t.dataSync() as Float32Array);
      });
      const w = [...window] as [number, number];
      const expected = run((x) => (pool === 'max' ? tf.maxPool(x as tf.Tensor4D, w, w, 'valid') : tf.avgPool(x as tf.Tensor4D, w, w, 'valid')));
      for (const backend of ['cpu', 'wasm'] as const) {
        await useBackend(backend);
        const actual = run((x) => populationPool(x, pool, w));
        expectClose(actual[0]!, expected[0]!, `${backend} pooled`);
        expectClose(actual[1]!, expected[1]!, `${backend} dx`);
      }
    });
  }
});

describe('a convnet population trains on wasm as each member alone on cpu', () => {
  const config = (seeds: number[]): RunConfig => ({
    model: {
      inputShape: [28, 28, 1],
      initializer: { name: 'he_normal' },
      layers: [
        { type: 'conv2d', filters: 3, kernelSize: 3, activation: 'relu' },
        { type: 'pool2d', pool: 'max', size: 2 },
        { type: 'conv2d', filters: 2, kernelSize: 3, stride: 2, activation: 'tanh' },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 8, seed: 1, steps: 5 },
    dataset: { kind: 'digits', layout: 'image', count: 40 },
    population: { size: seeds.length, members: seeds.map((seed) => ({ seed })) },
  });

  it('after 5 Adam steps, every member of 3 matches its own run within float tolerance', async () => {
    const seeds = [1, 2, 3];
    const population = await kernelOn('tfjs-wasm', config(seeds));
    population.runSteps(5, false);
    const members = await Promise.all(seeds.map((_, p) => kernelParams(population, p)));
    population.dispose();
    for (const [p, seed] of seeds.entries()) {
      const alone = await kernelOn('tfjs-cpu', config([seed]));
      alone.runSteps(5, false);
      // Each seed starts elsewhere, so a mix-up of members cannot pass.
      expectClose(members[p]!, await kernelParams(alone), `member ${p}`);
      alone.dispose();
    }
  });
});
