/**
 * The epoch sampler: lays out each epoch's training rows per member (member p's rows in its own seeded
 * order; full batch keeps the order) and cuts the epoch into its minibatches once, so a step takes one
 * ready-made [P, B, ...] slice instead of two slices per step.
 *
 * Ownership: the sampler owns the epoch tensors and the batch tensors; `dispose()` frees them (the
 * training tensors it reads from belong to the session).
 */
import * as tf from '../tf';
import { Random, deriveSeed } from '../random';
import { SALT_SHUFFLE } from './salts';

export interface SamplerSource {
  /** [P·N, ...inputShape] and [P·N, width]. */
  inputs: tf.Tensor;
  targets: tf.Tensor;
  members: number;
  /** Rows per member. */
  count: number;
  inputShape: number[];
  targetWidth: number;
  /** One seed per member (the shuffle is drawn from it and the epoch number). */
  seeds: number[];
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
    const index = step % this.stepsPerEpoch;
    if (this.batchInputs.length === 0) return { x: this.epochInputs as tf.Tensor, y: this.epochTargets as tf.Tensor };
    return { x: this.batchInputs[index] as tf.Tensor, y: this.batchTargets[index] as tf.Tensor };
  }

  /** Rows in step `step`'s minibatch (the last one of an epoch may be short). */
  sizeAt(step: number): number {
    const offset = (step % this.stepsPerEpoch) * this.batch;
    return Math.min(this.batch, this.source.count - offset);
  }

  private ensure(step: number): void {
    const epoch = Math.floor(step / this.stepsPerEpoch);
    if (epoch === this.epochIndex && this.epochInputs) return;
    this.release();
    const { inputs, targets, members, count: n, inputShape: shape, targetWidth } = this.source;
    if (this.batch >= n) {
      this.epochInputs = tf.reshape(inputs, [members, n, ...shape]);
      this.epochTargets = tf.reshape(targets, [members, n, targetWidth]);
    } else {
      const order = new Int32Array(members * n);
      this.source.seeds.forEach((seed, p) => {
        const permutation = new Random(deriveSeed(seed, SALT_SHUFFLE, epoch)).permutation(n);
        for (let i = 0; i < n; i++) order[p * n + i] = p * n + (permutation[i] as number);
      });
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
