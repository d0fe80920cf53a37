/**
 * Losses per member: each returns a [P] tensor, the mean over the member's batch. Cross-entropies are
 * computed from logits, which is both stable and gives the clean gradient softmax(z) - y.
 *
 *   mse:                      mean over batch and outputs of (ŷ - y)²
 *   categorical_crossentropy: -mean_b Σ_c y_c log softmax(z)_c           (y one-hot)
 *   binary_crossentropy:      mean_b [max(z, 0) - z·y + log(1 + e^-|z|)]  (= -y log σ(z) - (1-y) log(1-σ(z)))
 *   hinge:                    mean over batch and outputs of max(0, 1 - y·ŷ)   (y ∈ {-1, +1})
 *   naive_crossentropy:       -mean_b Σ_c y_c log(softmax(z)_c), no ε: the debugging lab's log(0) bug (faults.ts)
 */
import * as tf from '../tf';
import type { LossName } from '../config';

export function memberLoss(loss: LossName, logits: tf.Tensor, output: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.squaredDifference(output, targets), [1, 2]);
    case 'categorical_crossentropy':
      return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 2), 1));
    case 'naive_crossentropy':
      return tf.mean(naiveCrossEntropy(output, targets), 1);
    case 'binary_crossentropy': {
      const perExample = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
      return tf.mean(perExample, [1, 2]);
    }
    case 'hinge':
      return tf.mean(tf.relu(tf.sub(1, tf.mul(targets, output))), [1, 2]);
  }
}

/** Per-example loss [P, B] (input gradients and bias–variance need it unaveraged). */
export function exampleLoss(loss: LossName, logits: tf.Tensor, output: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  switch (loss) {
    case 'mse':
      return tf.mean(tf.squaredDifference(output, targets), 2);
    case 'categorical_crossentropy':
      return tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 2));
    case 'naive_crossentropy':
      return naiveCrossEntropy(output, targets);
    case 'binary_crossentropy':
      return tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))), 2);
    case 'hinge':
      return tf.mean(tf.relu(tf.sub(1, tf.mul(targets, output))), 2);
  }
}

/** −Σ_c y_c log p_c per example [P, B], literally, from the softmax probabilities in float32: once any p_c
 * underflows to 0 (a logit ≈ 104 below the row's largest), y_c·log p_c is 0·(−∞) = NaN, or +∞ for the target. */
function naiveCrossEntropy(output: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  return tf.neg(tf.sum(tf.mul(targets, tf.log(output)), 2));
}

export { classEncoding, type TargetEncoding } from './encoding';
