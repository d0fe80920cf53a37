/** Decoupled weight decay: kernels shrink by η·λ·θ_before per member; biases untouched. */
import { describe, expect, it } from 'vitest';
import { decoupledWeightDecay } from '@engine/train/weight-decay';

describe('decoupledWeightDecay', () => {
  const before = new Map([
    ['dense_0/kernel', { shape: [2], values: Float32Array.from([1, -2, 4, 8]) }],
    ['dense_0/bias', { shape: [1], values: Float32Array.from([5, 5]) }],
  ]);
  const after = new Map([
    ['dense_0/kernel', { shape: [2], values: Float32Array.from([0.5, -1, 3, 7]) }],
    ['dense_0/bias', { shape: [1], values: Float32Array.from([4, 4]) }],
  ]);

  it('subtracts each member\'s rate times the value before the step, kernels only', () => {
    const out = decoupledWeightDecay(before, after, [0.1, 0.5]);
    expect([...out.keys()]).toEqual(['dense_0/kernel']);
    const k = Array.from(out.get('dense_0/kernel')!);
    [0.5 - 0.1, -1 + 0.2, 3 - 2, 7 - 4].forEach((v, i) => expect(k[i]).toBeCloseTo(v, 6));
  });

  it('a zero rate leaves the weights as the optimizer left them', () => {
    expect(Array.from(decoupledWeightDecay(before, after, [0, 0]).get('dense_0/kernel')!)).toEqual([0.5, -1, 3, 7]);
  });

  it('rejects mismatched shapes and member counts', () => {
    expect(() => decoupledWeightDecay(before, after, [0.1, 0.1, 0.1])).toThrow('members');
    expect(() => decoupledWeightDecay(new Map(), after, [0.1, 0.1])).toThrow('dense_0/kernel');
  });
});
