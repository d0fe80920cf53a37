/**
 * The tensor op of each activation in the registry (`registry/activations.ts`, which holds the scalar
 * formulas, derivatives and flags). tfjs supplies the derivatives on the autodiff path; softmax's is folded
 * into the cross-entropy gradient (softmax(z) - y) by computing the loss on logits.
 */
import * as tf from '../tf';
import { ACTIVATIONS, LEAKY_RELU_ALPHA, type ActivationName } from '../registry/activations';

export { LEAKY_RELU_ALPHA };

const TENSOR_OPS: Record<ActivationName, (z: tf.Tensor) => tf.Tensor> = {
  linear: (z) => z,
  relu: (z) => tf.relu(z),
  leaky_relu: (z) => tf.leakyRelu(z, LEAKY_RELU_ALPHA),
  tanh: (z) => tf.tanh(z),
  sigmoid: (z) => tf.sigmoid(z),
  softmax: (z) => tf.softmax(z),
};

export function activate(name: ActivationName, z: tf.Tensor): tf.Tensor {
  return TENSOR_OPS[name](z);
}

/** The activation `tf.fused.matMul` can apply in the same kernel as the matmul and bias (one op, not three). */
export function fusedActivation(name: ActivationName): 'linear' | 'relu' | 'leakyrelu' | 'sigmoid' | null {
  return ACTIVATIONS[name].fused;
}
