/**
 * A diverging member never corrupts the others (issue 11, item 1): once reported it is neutralized (every
 * value finite, frozen for good), and the others train exactly as if it were not there. The WebGPU
 * workaround (products on finite operands, see model/population-matmul.ts) is checked here against
 * tf.matMul by forcing it on the cpu backend; the e2e test tests/e2e/webgpu-divergence.spec.ts runs it on WebGPU.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as tf from '@engine/tf';
import type { RunConfig } from '@engine/config';
import { forceSafeMatMul, memberMatMul, safeMatMul } from '@engine/model/population-matmul';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';
import { allParams, maxDifference, sineNet } from './configs';

const momentum = (members: { learningRate: number }[]): RunConfig =>
  sineNet({
    training: { loss: 'mse', optimizer: { name: 'momentum', learningRate: 0.05, momentum: 0.9 }, batchSize: 20, seed: 1 },
    population: { size: members.length, members },
  });

async function values(session: TrainingSession): Promise<number[][]> {
  const out: number[][] = [];
  for (const tensors of [[...session.params.values()], [...session.optimizerState.values()].flat()]) for (const t of tensors) out.push(Array.from(await t.data()));
  return out;
}

/** Member p's slice of every parameter, concatenated. */
async function memberValues(session: TrainingSession, p: number): Promise<number[]> {
  const out: number[] = [];
  for (const t of session.params.values()) {
    const size = t.size / session.members;
    out.push(...Array.from(await t.data()).slice(p * size, (p + 1) * size));
  }
  return out;
}

describe('a diverged member is neutralized', () => {
  for (const backend of ['cpu', 'wasm'] as const)
    it(`its parameters and optimizer state become finite and stay frozen; the others train as without it (${backend})`, async () => {
      await useBackend(backend);
      const session = await TrainingSession.create(momentum([{ learningRate: 0.05 }, { learningRate: 60 }, { learningRate: 0.02 }]));
      let reported: number[] = [];
      for (let k = 0; k < 5 && reported.length === 0; k++) {
        session.runSteps(10, true);
        reported = (await progress(session, backend, 0)).diverged.map((d) => d.member);
      }
      expect(reported).toEqual([1]);
      for (const row of await values(session)) expect(row.every(Number.isFinite)).toBe(true);
      const frozen = await memberValues(session, 1);
      const stepsSoFar = session.step;
      session.runSteps(30, true);
      const { event, diverged } = await progress(session, backend, 0);
      expect(diverged).toEqual([]);
      expect(await memberValues(session, 1)).toEqual(frozen);
      for (const row of await values(session)) expect(row.every(Number.isFinite)).toBe(true);
      expect(event.members.every((m, p) => p === 1 || Number.isFinite(m.trainLoss))).toBe(true);

      // Members 0 and 2 equal the same two nets trained without the diverging one.
      const alone = await TrainingSession.create(momentum([{ learningRate: 0.05 }, { learningRate: 0.02 }]));
      alone.runSteps(stepsSoFar + 30, false);
      for (const [p, q] of [[0, 0], [2, 1]] as const) expect(maxDifference(await memberValues(session, p), await memberValues(alone, q))).toBeLessThan(1e-6);
      session.dispose();
      alone.dispose();
    });
});

describe('safe batched products (the WebGPU workaround), forced on cpu', () => {
  afterEach(() => forceSafeMatMul(false));

  it('equal tf.matMul for healthy members with every transpose, and keep a NaN member finite', async () => {
    await useBackend('cpu');
    const a = tf.tensor3d([1, 2, 3, NaN, 5, Infinity], [2, 3, 1]);
    const b = tf.tensor3d([0.5, -1, 2, NaN], [2, 1, 2]);
    for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const left = ta ? tf.transpose(a, [0, 2, 1]) : a;
      const right = tb ? tf.transpose(b, [0, 2, 1]) : b;
      const expected = Array.from(await tf.matMul(left, right, ta, tb).data());
      const got = Array.from(await safeMatMul(left, right, ta, tb).data());
      expect(got.slice(0, 6)).toEqual(expected.slice(0, 6)); // member 0, exact
      expect(got.every(Number.isFinite)).toBe(true); // member 1: garbage, but finite garbage
    }
  });

  it('memberMatMul has the gradients of tf.matMul (inner dimension 1, and output width 1)', async () => {
    await useBackend('cpu');
    forceSafeMatMul(true);
    for (const [m, k, n] of [[4, 1, 3], [4, 3, 1], [1, 5, 3], [2, 1, 1]] as const) {
      const a = tf.randomNormal([2, m, k], 0, 1, 'float32', 7) as tf.Tensor3D;
      const b = tf.randomNormal([2, k, n], 0, 1, 'float32', 8) as tf.Tensor3D;
      const weights = tf.randomNormal([2, m, n], 0, 1, 'float32', 9);
      const loss = (f: (x: tf.Tensor, y: tf.Tensor) => tf.Tensor) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(f(x, y), weights)) as tf.Scalar;
      const safe = tf.grads(loss(memberMatMul))([a, b]);
      const plain = tf.grads(loss((x, y) => tf.matMul(x as tf.Tensor3D, y as tf.Tensor3D)))([a, b]);
      for (let i = 0; i < 2; i++) expect(maxDifference(Array.from(await safe[i]!.data()), Array.from(await plain[i]!.data()))).toBeLessThan(1e-6);
    }
  });

  it('a member whose parameters hold NaN is neutralized even when its loss reads finite', async () => {
    await useBackend('cpu');
    forceSafeMatMul(true); // as on webgpu: NaN operands become 0, so the loss of the NaN member stays finite
    const session = await TrainingSession.create(sineNet({ population: { size: 2, members: [{ learningRate: 0.05 }, { learningRate: 0.05 }] } }));
    const kernel = Array.from(await session.params.get('dense_1/kernel')!.data());
    kernel[kernel.length - 1] = NaN; // member 1's last weight
    session.setParam('dense_1/kernel', Float32Array.from(kernel));
    session.runSteps(10, true);
    const { event, diverged } = await progress(session, 'cpu', 0);
    expect(diverged.map((d) => d.member)).toEqual([1]);
    expect(event.members[0]!.diverged).toBe(false);
    expect(Number.isFinite(event.members[0]!.trainLoss)).toBe(true);
    for (const row of await values(session)) expect(row.every(Number.isFinite)).toBe(true);
    session.dispose();
  });

  for (const fastPath of [true, false])
    it(`training with the safe products gives the same weights (${fastPath ? 'dense backward pass' : 'autodiff'})`, async () => {
      await useBackend('cpu');
      const config = sineNet({ population: { size: 2, members: [{ learningRate: 0.05 }, { learningRate: 0.1 }] } });
      const trained: number[][] = [];
      for (const safe of [false, true]) {
        forceSafeMatMul(safe);
        const session = await TrainingSession.create(config);
        session.fastPath = fastPath;
        session.runSteps(40, false);
        trained.push(await allParams(session));
        session.dispose();
      }
      expect(maxDifference(trained[0]!, trained[1]!)).toBeLessThan(1e-5);
    });
});
