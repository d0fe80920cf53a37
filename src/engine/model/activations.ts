/**
 * Activations by stable key. Each is the forward map; tfjs supplies the derivatives:
 *   relu' = [z > 0], leaky_relu' = 1 or α (α = 0.01), tanh' = 1 - tanh², sigmoid' = σ(1 - σ),
 *   softmax' is folded into the cross-entropy gradient (softmax(z) - y) by computing the loss on logits.
 */
import * as tf from '../tf';
import type { ActivationName } from '../config';

export const LEAKY_RELU_ALPHA = 0.01;

export function activate(name: ActivationName, z: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'linear':
      return z;
    case 'relu':
      return tf.relu(z);
    case 'leaky_relu':
      return tf.leakyRelu(z, LEAKY_RELU_ALPHA);
    case 'tanh':
      return tf.tanh(z);
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'softmax':
      return tf.softmax(z);
  }
}

/** The activations `tf.fused.matMul` can apply in the same kernel as the matmul and bias (one op, not three). */
export function fusedActivation(name: ActivationName): 'linear' | 'relu' | 'leakyrelu' | 'sigmoid' | null {
  if (name === 'linear' || name === 'relu' || name === 'sigmoid') return name;
  if (name === 'leaky_relu') return 'leakyrelu';
  return null;
}
