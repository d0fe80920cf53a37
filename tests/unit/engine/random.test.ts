/**
 * Random's permutations: `permutation` and `permutationInto` (the epoch orders of every compute path and the
 * reference trainer) draw exactly what a Fisher–Yates `shuffle` of 0..n-1 draws, and leave the generator in the
 * same state; `permutationInto` writes only its own slice.
 */
import { describe, expect, it } from 'vitest';
import { Random, deriveSeed } from '@engine/random';

const shuffled = (seed: number, n: number) => new Random(seed).shuffle(Int32Array.from({ length: n }, (_, i) => i));

describe('Random permutations', () => {
  it('permutation(n) is the shuffle of 0..n-1 for the same seed', () => {
    for (const n of [0, 1, 2, 3, 10, 250, 1001])
      for (let s = 0; s < 20; s++) {
        const seed = deriveSeed(s, 7, n);
        expect(Array.from(new Random(seed).permutation(n)), `n=${n} seed=${seed}`).toEqual(Array.from(shuffled(seed, n)));
      }
  });

  it('permutationInto writes the same permutation into its slice only, and advances the state as shuffle does', () => {
    const n = 37;
    const out = new Int32Array(3 * n).fill(-1);
    const a = new Random(123);
    a.permutationInto(out, n, n);
    expect(Array.from(out.subarray(n, 2 * n))).toEqual(Array.from(shuffled(123, n)));
    expect(out.subarray(0, n).every((v) => v === -1) && out.subarray(2 * n).every((v) => v === -1)).toBe(true);
    const b = new Random(123);
    b.shuffle(Int32Array.from({ length: n }, (_, i) => i));
    expect([a.uniform(), a.uniform()]).toEqual([b.uniform(), b.uniform()]);
  });

  it('is a permutation: every index once', () => {
    const order = new Random(9).permutation(500);
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });
});
