/**
 * The epoch sampler's host layout (CPU backends) against tfjs' gather and split, which a GPU backend uses:
 * the same rows in the same order, cut into the same [P, size, ...] minibatches, the short last one included.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '@engine/tf';
import { cutBatch, gatherRows } from '@engine/train/epoch-sampler';
import { Random } from '@engine/random';
import { useBackend } from './backend';

describe('epoch sampler host layout', () => {
  it('matches tf.gather then tf.split along the member axis', async () => {
    await useBackend('cpu');
    const members = 3;
    const n = 7;
    const shape = [2, 3];
    const width = 6;
    const r = new Random(5);
    const values = Float32Array.from({ length: members * n * width }, () => r.uniform());
    const order = new Int32Array(members * n);
    for (let p = 0; p < members; p++) {
      const permutation = new Random(11 + p).permutation(n);
      for (let i = 0; i < n; i++) order[p * n + i] = p * n + permutation[i]!;
    }
    const epoch = gatherRows(values, order, width);
    const expected = tf.reshape(tf.gather(tf.tensor(values, [members * n, ...shape]), tf.tensor1d(order, 'int32')), [members, n, ...shape]);
    expect(Array.from(epoch)).toEqual(Array.from(expected.dataSync()));
    const sizes = [3, 3, 1];
    const batches = tf.split(expected, sizes, 1);
    let start = 0;
    sizes.forEach((size, j) => {
      expect(Array.from(cutBatch(epoch, members, n, start, size, width)), `batch ${j}`).toEqual(Array.from(batches[j]!.dataSync()));
      start += size;
    });
    tf.dispose([expected, ...batches]);
  });
});
