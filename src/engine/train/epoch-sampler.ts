/**
 * The epoch sampler: lays out each epoch's training rows per member (member p's rows in its own seeded
 * order; full batch keeps the order) and cuts the epoch into its minibatches once, so a step takes one
 * ready-made [P, B, ...] slice instead of two slices per step.
 *
 * On the CPU backends (cpu, wasm) the rows are gathered and cut in plain typed arrays: tfjs-cpu's gather and
 * its slice along axis 1 walk every element through index arithmetic, which took half the time of a small
 * convnet's training step (profiled: 45 % of a 5-member conv run on tfjs-cpu). A GPU backend gathers on the
 * device. Both lay out the same values in the same order.
 *
 * Ownership: the sampler owns the epoch tensors and the batch tensors; `dispose()` frees them (the
 * training tensors it reads from belong to the session).
 */
import * as tf from '../tf';
import { Random, deriveSeed } from '../random';
import { SALT_SHUFFLE } from './salts';
import { memberFingerprints } from './batch-fingerprint';

export interface SamplerSource {
  /** [P·N, ...inputShape] and [P·N, width]. */
  inputs: tf.Tensor;
  targets: tf.Tensor;
  /** The same values on the host (what the tensors were made from), for the CPU backends' layout. */
  hostInputs: Float32Array;
  hostTargets: Float32Array;
  members: number;
  /** Rows per member. */
  count: number;
  inputShape: number[];
  targetWidth: number;
  /** One seed per member (the shuffle is drawn from it and the epoch number). */
  seeds: number[];
  /** The debugging lab's `repeated-batch` fault (faults.ts): every step gets epoch 0's first minibatch. */
  repeated?: boolean;
}

export interface Batch {
  x: tf.Tensor;
  y: tf.Tensor;
}

export class EpochSampler {
  private epochInputs: tf.Tensor | null = null; // [P, N, ...inputShape]
  private epochTargets: tf.Tensor | null = null;
  private epochIndex = -1;
  private batchInputs: tf.Tensor[] = [];
  private batchTargets: tf.Tensor[] = [];
  private batch: number;
  /** The laid-out epoch's order, member-relative rows [P·N] (batch fingerprints). */
  private order = new Int32Array(0);

  constructor(
    private readonly source: SamplerSource,
    batchSize: number,
  ) {
    this.batch = Math.min(batchSize, source.count);
  }

  get batchSize(): number {
    return this.batch;
  }

  get stepsPerEpoch(): number {
    return Math.ceil(this.source.count / this.batch);
  }

  /** A new batch size: the next step lays its epoch out again. */
  setBatchSize(batchSize: number): void {
    this.batch = Math.min(batchSize, this.source.count);
    this.epochIndex = -1;
  }

  /** The whole current epoch, [P, N, ...] (gradient checks, batch loss). */
  epoch(step: number): Batch {
    this.ensure(step);
    return { x: this.epochInputs as tf.Tensor, y: this.epochTargets as tf.Tensor };
  }

  /** The minibatch of optimizer step `step` (0-based), [P, B, ...]. */
  at(step: number): Batch {
    this.ensure(step);
    const index = this.indexOf(step);
    if (this.batchInputs.length === 0) return { x: this.epochInputs as tf.Tensor, y: this.epochTargets as tf.Tensor };
    return { x: this.batchInputs[index] as tf.Tensor, y: this.batchTargets[index] as tf.Tensor };
  }

  /** Rows in step `step`'s minibatch (the last one of an epoch may be short). */
  sizeAt(step: number): number {
    const offset = this.indexOf(step) * this.batch;
    return Math.min(this.batch, this.source.count - offset);
  }

  /** Per member, the fingerprint of step `step`'s minibatch (the last step laid out: its epoch is current). */
  fingerprints(step: number): number[][] {
    const n = this.source.count;
    const order = this.order.length > 0 ? this.order : Int32Array.from({ length: this.source.members * n }, (_, i) => i % n);
    return memberFingerprints(order, this.source.members, n, this.indexOf(step) * this.batch, this.sizeAt(step), false);
  }

  private indexOf(step: number): number {
    return this.source.repeated ? 0 : step % this.stepsPerEpoch;
  }

  private ensure(step: number): void {
    const epoch = this.source.repeated ? 0 : Math.floor(step / this.stepsPerEpoch);
    if (epoch === this.epochIndex && this.epochInputs) return;
    this.release();
    const { inputs, targets, members, count: n, inputShape: shape, targetWidth } = this.source;
    this.order = new Int32Array(0);
    if (this.batch >= n) {
      this.epochInputs = tf.reshape(inputs, [members, n, ...shape]);
      this.epochTargets = tf.reshape(targets, [members, n, targetWidth]);
    } else {
      const order = new Int32Array(members * n);
      this.source.seeds.forEach((seed, p) => {
        const permutation = new Random(deriveSeed(seed, SALT_SHUFFLE, epoch)).permutation(n);
        for (let i = 0; i < n; i++) order[p * n + i] = p * n + (permutation[i] as number);
      });
      this.order = order.map((row, k) => row - Math.floor(k / n) * n);
      if (onHost() && inputs.dtype === 'float32' && targets.dtype === 'float32') {
        this.layOutOnHost(order, epoch);
        return;
      }
      const [x, y] = tf.tidy((): tf.Tensor[] => {
        const indices = tf.tensor1d(order, 'int32');
        return [tf.reshape(tf.gather(inputs, indices), [members, n, ...shape]), tf.reshape(tf.gather(targets, indices), [members, n, targetWidth])];
      });
      this.epochInputs = x as tf.Tensor;
      this.epochTargets = y as tf.Tensor;
    }
    this.epochIndex = epoch;
    if (this.batch < n) {
      const sizes = Array.from({ length: this.stepsPerEpoch }, (_, i) => Math.min(this.batch, n - i * this.batch));
      this.batchInputs = tf.split(this.epochInputs as tf.Tensor, sizes, 1);
      this.batchTargets = tf.split(this.epochTargets as tf.Tensor, sizes, 1);
    }
  }

  /** The epoch and its minibatches from typed arrays: rows in `order`, each batch [P, size, ...] (CPU backends). */
  private layOutOnHost(order: Int32Array, epoch: number): void {
    const { hostInputs, hostTargets, members, count: n, inputShape: shape, targetWidth } = this.source;
    const rowWidth = shape.reduce((a, b) => a * b, 1);
    const x = gatherRows(hostInputs, order, rowWidth);
    const y = gatherRows(hostTargets, order, targetWidth);
    this.epochInputs = tf.tensor(x, [members, n, ...shape]);
    this.epochTargets = tf.tensor(y, [members, n, targetWidth]);
    this.epochIndex = epoch;
    for (let start = 0; start < n; start += this.batch) {
      const size = Math.min(this.batch, n - start);
      this.batchInputs.push(tf.tensor(cutBatch(x, members, n, start, size, rowWidth), [members, size, ...shape]));
      this.batchTargets.push(tf.tensor(cutBatch(y, members, n, start, size, targetWidth), [members, size, targetWidth]));
    }
  }

  private release(): void {
    tf.dispose([this.epochInputs, this.epochTargets, ...this.batchInputs, ...this.batchTargets].filter((t): t is tf.Tensor => t !== null));
    this.epochInputs = null;
    this.epochTargets = null;
    this.batchInputs = [];
    this.batchTargets = [];
  }

  dispose(): void {
    this.release();
    this.epochIndex = -1;
  }
}

const onHost = (): boolean => tf.getBackend() === 'cpu' || tf.getBackend() === 'wasm';

/** Rows `order[0..]` of `values` (rows of `width`), one after another. */
export function gatherRows(values: Float32Array, order: Int32Array, width: number): Float32Array {
  const out = new Float32Array(order.length * width);
  for (let r = 0; r < order.length; r++) {
    const from = (order[r] as number) * width;
    out.set(values.subarray(from, from + width), r * width);
  }
  return out;
}

/** Rows `start .. start + size` of every member of an epoch laid out [P, N, width]: [P, size, width]. */
export function cutBatch(epoch: Float32Array, members: number, n: number, start: number, size: number, width: number): Float32Array {
  const out = new Float32Array(members * size * width);
  for (let p = 0; p < members; p++) out.set(epoch.subarray((p * n + start) * width, (p * n + start + size) * width), p * size * width);
  return out;
}
