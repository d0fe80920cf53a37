/**
 * Neutralizing diverged members of the tfjs kernel: their slices of every population tensor (parameters,
 * optimizer state, running batch-norm statistics) are replaced by finite values (zeros; running variances
 * by ones), so no NaN/Inf stays in a tensor that other members share. With learning rate 0 and the step's
 * freeze (`apply-update.ts`) they never change again.
 */
import * as tf from '../tf';
import { memberAxisShape } from '../model/params';

/** t with member p's slice set to `fill` wherever keep[p] is false (a select: NaN never leaks through). */
export function replaceMembers(t: tf.Tensor, keep: boolean[], fill: number): tf.Tensor {
  return tf.tidy(() => {
    const mask = tf.reshape(tf.tensor1d(keep.map((k) => (k ? 1 : 0)), 'bool'), memberAxisShape(keep.length, t.rank));
    return tf.where(mask, t, tf.fill(t.shape, fill, t.dtype));
  });
}

/** Replaces (and disposes) every tensor of the maps in place. */
export function neutralizeMembers(keep: boolean[], params: Map<string, tf.Tensor>, optimizerState: Map<string, tf.Tensor[]>, running: Map<string, tf.Tensor>): void {
  for (const [name, t] of params) {
    params.set(name, replaceMembers(t, keep, 0));
    t.dispose();
  }
  for (const [name, slots] of optimizerState) {
    optimizerState.set(name, slots.map((t) => replaceMembers(t, keep, 0)));
    tf.dispose(slots);
  }
  for (const [name, t] of running) {
    running.set(name, replaceMembers(t, keep, name.endsWith('/movingVariance') ? 1 : 0));
    t.dispose();
  }
}
