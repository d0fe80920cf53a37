/**
 * Per-layer, per-member statistics of one step, kept as a small tensor until the next readback:
 *   gradient norm ‖g‖, weight norm ‖θ‖, update ratio ‖Δθ‖ / ‖θ‖ (all over the layer's kernel and bias).
 * Output: [P, 3·L] = [gradient norms | weight norms | update ratios].
 */
import * as tf from '../tf';

/** Σ over all non-member axes of x², shape [P]. */
export function memberSumSquares(x: tf.Tensor): tf.Tensor {
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
  return tf.sum(tf.square(x), axes);
}

export function layerStats(layers: string[][], gradients: Map<string, tf.Tensor>, before: Map<string, tf.Tensor>, after: Map<string, tf.Tensor>): tf.Tensor {
  const members = (after.values().next().value as tf.Tensor).shape[0] as number;
  // A frozen layer has no gradients: its gradient norm is reported as 0.
  const norm = (names: string[], source: (name: string) => tf.Tensor | undefined) => {
    const present = names.map((n) => source(n)).filter((t): t is tf.Tensor => t !== undefined);
    return present.length > 0 ? tf.sqrt(tf.addN(present.map(memberSumSquares))) : tf.zeros([members]);
  };
  const gradientNorms = layers.map((names) => norm(names, (n) => gradients.get(n)));
  const weightNorms = layers.map((names) => norm(names, (n) => after.get(n)));
  const updateRatios = layers.map((names, i) => {
    const deltas = names.map((n) => tf.sub(after.get(n) as tf.Tensor, before.get(n) as tf.Tensor));
    return tf.div(tf.sqrt(tf.addN(deltas.map(memberSumSquares))), tf.add(weightNorms[i] as tf.Tensor, 1e-12));
  });
  return tf.stack([...gradientNorms, ...weightNorms, ...updateRatios], 1);
}
