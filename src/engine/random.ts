/**
 * Seeded random numbers owned by the engine. Everything random (initial weights, shuffles, dropout masks,
 * dataset noise) is drawn here in JavaScript, never by a backend, so a seed gives the same numbers on
 * cpu, wasm, WebGL and WebGPU, and a population member gets the same draws as the network trained alone.
 */

/** splitmix32-style integer hash: derives independent sub-seeds from a seed and salts. */
export function deriveSeed(seed: number, ...salts: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const salt of salts) {
    h = Math.imul(h ^ (salt + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h ^= h >>> 16;
  }
  return h === 0 ? 1 : h;
}

/** mulberry32's state transition. */
const advance = (state: number): number => (state + 0x6d2b79f5) >>> 0;

/** mulberry32's output for a state: uniform in [0, 1). */
function output(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** mulberry32: a tiny 32-bit generator with good statistical quality for simulation. */
export class Random {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    this.state = advance(this.state);
    return output(this.state);
  }

  /** Uniform in [low, high). */
  range(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Standard normal by Box–Muller (the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== null) {
      const value = this.spareNormal;
      this.spareNormal = null;
      return value;
    }
    const u = 1 - this.uniform(); // (0, 1]: log(u) is finite
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: number }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i] as number;
      array[i] = array[j] as number;
      array[j] = tmp;
    }
    return array;
  }

  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const order = new Int32Array(n);
    this.permutationInto(order, 0, n);
    return order;
  }

  /** Writes the same permutation as `permutation(n)` (the same draws as `shuffle` of 0..n-1) into
   * out[at .. at+n), allocating nothing. The state is kept in a local for the loop: a class field holding a
   * uint32 is a boxed double in V8, and a training step's epoch orders draw N numbers per member. */
  permutationInto(out: Int32Array, at: number, n: number): void {
    for (let i = 0; i < n; i++) out[at + i] = i;
    let state = this.state;
    for (let i = n - 1; i > 0; i--) {
      state = advance(state);
      const j = at + Math.floor(output(state) * (i + 1));
      const tmp = out[at + i]!;
      out[at + i] = out[j]!;
      out[j] = tmp;
    }
    this.state = state;
  }
}
