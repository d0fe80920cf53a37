/**
 * The debugging lab's hooks (src/engine/faults.ts) act where the bug lives, on every compute path that claims
 * them, and the batch fingerprint / batch loss (G7) and per-split input statistics (G10) report them. Small
 * networks: the lab's own signatures on the project model are checked in tests/claims/project-lifecycle-lab.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@engine/tf';
import type { RunConfig } from '@engine/config';
import { buildDataset } from '@engine/datasets';
import { datasetSummary } from '@engine/datasets/summary';
import type { FaultKey } from '@engine/faults';
import { memberLoss } from '@engine/model/losses';
import { COMPUTE_PATHS, createKernel } from '@engine/train/compute-paths';
import { setLive } from '@engine/train/live-change';
import { progress } from '@engine/train/progress';
import { planModel, type LayerPlan } from '@engine/model/shapes';
import { validateConfig } from '@engine/validate';
import type { DenseWasmKernel } from '@engine/kernels/dense-wasm/kernel';
import { useBackend } from './backend';
import { kernelOn, kernelParams, type PathName } from './paths';

const spiral = (faults: FaultKey[] = [], dropout = 0): RunConfig => ({
  model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'relu', dropout }, { type: 'dense', units: 3, activation: 'softmax' }] },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 10, seed: 1 },
  dataset: { kind: 'classification2d', shape: 'spiral', classes: 3, count: 100 },
  population: { size: 2, members: [{ seed: 1 }, { seed: 2 }] },
  telemetry: { every: 5 },
  runtime: { lab: true },
  faults,
});
const digits = (faults: FaultKey[] = [], dataset: Record<string, unknown> = {}): RunConfig => ({
  ...spiral(faults),
  model: { inputShape: [784], layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
  dataset: { kind: 'digits', seed: 1, ...dataset } as RunConfig['dataset'],
});

/** Fingerprints of member p at four events of 5 steps each. */
async function fingerprints(path: PathName, config: RunConfig): Promise<number[][]> {
  const kernel = await kernelOn(path, config);
  const out: number[][] = [[], []];
  for (let e = 0; e < 4; e++) {
    kernel.runSteps(5, true);
    const { event } = await progress(kernel, 'cpu', 0);
    event.members.forEach((m, p) => {
      expect(Number.isFinite(m.batchLoss)).toBe(true);
      out[p]!.push(m.batchFingerprint!);
    });
  }
  kernel.dispose();
  return out;
}

describe('repeated-batch (sampler hook) and the batch fingerprint (G7)', () => {
  it.each(['dense-wasm', 'tfjs-cpu'] as const)('%s: the fingerprint never changes with the fault, changes at every event without it, and agrees across paths', async (path) => {
    const healthy = await fingerprints(path, spiral());
    for (const member of healthy) expect(new Set(member).size).toBe(4);
    expect(healthy[0]).not.toEqual(healthy[1]); // members shuffle with their own seeds
    const repeated = await fingerprints(path, spiral(['repeated-batch']));
    for (const member of repeated) expect(new Set(member).size).toBe(1);
    expect(healthy).toEqual(await fingerprints(path === 'dense-wasm' ? 'tfjs-cpu' : 'dense-wasm', spiral()));
  });
});

describe('dropout-at-inference (evaluation-forward hook)', () => {
  it('dense-wasm declines it, so the run goes to tfjs, where two predictions of the same rows at the same weights differ', async () => {
    await useBackend('cpu');
    const config = validateConfig(spiral(['dropout-at-inference']));
    expect(COMPUTE_PATHS['dense-wasm'].supports(config, planModel(config.model.inputShape, config.model.layers) as LayerPlan[], 'cpu')).toBe(false);
    const kernel = await createKernel(config, 'cpu');
    expect(kernel.path).toBe('tfjs');
    kernel.runSteps(20, false);
    const rows = [[0.1, 0.2], [-0.5, 0.4], [0.3, -0.7]];
    const [a, b] = [await kernel.predict(rows), await kernel.predict(rows)];
    expect(Math.max(...a.flat(2).map((v, i) => Math.abs(v - b.flat(2)[i]!)))).toBeGreaterThan(0.05);
    kernel.dispose();
    // The same dropout without the fault: evaluation is deterministic (dropout off).
    const clean = await createKernel(spiral([], 0.5), 'cpu');
    clean.runSteps(20, false);
    expect(await clean.predict(rows)).toEqual(await clean.predict(rows));
    clean.dispose();
  });
});

describe('data hooks, seen by the per-split statistics (G10)', () => {
  it('validation-own-statistics: every validation pixel has mean 0 and (if not constant) std 1; with training statistics it does not', async () => {
    const own = await datasetSummary(digits(['validation-own-statistics']));
    expect(Math.max(...own.validation.mean.map(Math.abs))).toBeLessThan(1e-6);
    expect(own.validation.std.filter((s) => s > 0).every((s) => Math.abs(s - 1) < 1e-5)).toBe(true);
    const right = await datasetSummary(digits([], { scaleInputs: true }));
    expect(Math.max(...right.validation.mean.map(Math.abs))).toBeGreaterThan(0.1);
    expect(own.train).toEqual(right.train); // the training split is scaled alike
  });

  it('unnormalized-inputs: every split ×255, and predict() on [0, 1] rows feeds the network what training fed it', async () => {
    const summary = await datasetSummary(digits(['unnormalized-inputs']));
    expect([summary.train.min, summary.train.max, summary.validation.max, summary.test.max]).toEqual([0, 255, 255, 255]);
    expect((await datasetSummary(digits())).train.max).toBe(1);
    expect(summary.train.histogram.edges.at(-1)).toBeCloseTo(255, 3);
    const kernel = (await kernelOn('dense-wasm', digits(['unnormalized-inputs']))) as DenseWasmKernel;
    expect(kernel.data.inputs.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
    const fed = kernel.data.inputs.slice(0, 784); // the first training row as training feeds it
    const [viaPredict] = await kernel.predict([Array.from(fed, (v) => v / 255)]);
    const direct = kernel.kernel.evaluate(fed, 1, false);
    viaPredict![0]!.forEach((v, k) => expect(v).toBeCloseTo(direct[k]!, 6)); // member 0
    kernel.dispose();
  });

  it('shuffled-labels: training labels permuted among the training rows (counts kept), validation untouched', async () => {
    const clean = validateConfig(digits());
    const shuffled = validateConfig(digits(['shuffled-labels']));
    const [a, b] = [await buildDataset(clean.dataset, 1, clean.faults), await buildDataset(shuffled.dataset, 1, shuffled.faults)];
    expect(Array.from(b.train.targets).sort()).toEqual(Array.from(a.train.targets).sort());
    expect(b.train.inputs).toEqual(a.train.inputs);
    expect(Array.from(b.train.targets).filter((t, i) => t !== a.train.targets[i]).length).toBeGreaterThan(0.8 * a.train.count);
    expect(b.validation).toEqual(a.validation);
  });
});

describe('rewrites and the rate factor on every path', () => {
  it.each(['dense-wasm', 'tfjs-cpu'] as const)('%s: zero-init starts at zero; the ×100 rate applies once, and again after a live change', async (path) => {
    const zero = await kernelOn(path, spiral(['zero-init']));
    expect((await kernelParams(zero)).every((v) => v === 0)).toBe(true);
    zero.dispose();
    const fast = await kernelOn(path, spiral(['learning-rate-x100']));
    expect(fast.currentLearningRates()).toEqual([1, 1]);
    setLive(fast, 'learningRate', 0.002);
    expect(fast.currentLearningRates().map((r) => Math.round(r * 1e6) / 1e6)).toEqual([0.2, 0.2]);
    fast.dispose();
  });

  it('log-zero-nan: its loss is the cross-entropy while every probability is positive, NaN once one underflows; only tfjs trains it', async () => {
    await useBackend('cpu');
    const config = validateConfig(spiral(['log-zero-nan']));
    expect(config.training.loss).toBe('naive_crossentropy');
    const kernel = await createKernel(config, 'cpu');
    expect(kernel.path).toBe('tfjs');
    kernel.dispose();
    const [naive, stable, underflow] = tf.tidy(() => {
      const logits = tf.tensor3d([[[2, -1, 0.5], [0, 3, -2]]]);
      const targets = tf.tensor3d([[[1, 0, 0], [0, 1, 0]]]);
      const extreme = tf.tensor3d([[[200, 0, 90], [0, 3, -2]]]);
      return [
        memberLoss('naive_crossentropy', logits, tf.softmax(logits), targets).dataSync()[0]!,
        memberLoss('categorical_crossentropy', logits, tf.softmax(logits), targets).dataSync()[0]!,
        memberLoss('naive_crossentropy', extreme, tf.softmax(extreme), targets).dataSync()[0]!,
      ];
    });
    expect(naive).toBeCloseTo(stable, 5);
    expect(Number.isFinite(underflow)).toBe(false);
  });
});

describe('training-split transforms of digits (G1, G2)', () => {
  it('keep-class-fraction thins one class of the training split only; label-noise flips a seeded share; validation untouched', async () => {
    const build = async (trainTransforms: unknown[]) => {
      const c = validateConfig(digits([], { trainTransforms }));
      return buildDataset(c.dataset, c.dataset.seed, c.faults);
    };
    const plain = await build([]);
    const count = (targets: Float32Array, k: number) => targets.filter((t) => t === k).length;
    const rare = await build([{ type: 'keep-class-fraction', classId: 5, fraction: 0.1 }]);
    expect(count(rare.train.targets, 5)).toBe(Math.max(1, Math.round(0.1 * count(plain.train.targets, 5))));
    for (const k of [0, 4, 6, 9]) expect(count(rare.train.targets, k)).toBe(count(plain.train.targets, k));
    expect(rare.validation).toEqual(plain.validation);
    const noisy = await build([{ type: 'label-noise', fraction: 0.3, mode: 'flip' }]);
    expect(Array.from(noisy.train.targets).filter((t, i) => t !== plain.train.targets[i]).length).toBe(Math.round(0.3 * plain.train.count));
    expect(noisy.validation).toEqual(plain.validation);
    expect((await build([{ type: 'label-noise', fraction: 0.3, mode: 'flip' }])).train).toEqual(noisy.train); // seeded
    expect((await build([{ type: 'label-noise', fraction: 0.3, mode: 'flip', seed: 9 }])).train.targets).not.toEqual(noisy.train.targets);
  });

  it('after the every-split class subset: classId names the class as the subset relabels it', async () => {
    const five = (dataset: Record<string, unknown>): RunConfig => ({ ...digits([], dataset), model: { inputShape: [784], layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 5, activation: 'softmax' }] } });
    const c = validateConfig(five({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }], trainTransforms: [{ type: 'keep-class-fraction', classId: 0, fraction: 0.2 }] }));
    const subset = validateConfig(five({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }] }));
    const [both, only] = [await buildDataset(c.dataset, 1, c.faults), await buildDataset(subset.dataset, 1, subset.faults)];
    const count = (targets: Float32Array, k: number) => targets.filter((t) => t === k).length;
    expect(count(both.train.targets, 0)).toBe(Math.round(0.2 * count(only.train.targets, 0))); // the fives, now class 0
    expect(count(both.train.targets, 4)).toBe(count(only.train.targets, 4));
    expect(both.validation).toEqual(only.validation);
  });
});
