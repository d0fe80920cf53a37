/** Activations and their derivatives, as the engine defines them. */
export interface Activation {
  value(z: number): number;
  derivative(z: number): number;
}

/** Slope of leaky ReLU for z < 0, as in the engine (src/engine/model/activations.ts). */
const ALPHA = 0.01;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export const activationFormulas: Record<'linear' | 'relu' | 'leaky_relu' | 'tanh' | 'sigmoid', Activation> = {
  linear: { value: (z) => z, derivative: () => 1 },
  /** ReLU is not differentiable at 0; like every framework we use 0 there. */
  relu: { value: (z) => Math.max(0, z), derivative: (z) => (z > 0 ? 1 : 0) },
  leaky_relu: { value: (z) => (z > 0 ? z : ALPHA * z), derivative: (z) => (z > 0 ? 1 : ALPHA) },
  /** tanh′(z) = 1 − tanh²(z): at most 1, and tiny once |z| > 3 (saturation). */
  tanh: { value: Math.tanh, derivative: (z) => 1 - Math.tanh(z) ** 2 },
  /** σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4: every sigmoid layer shrinks the gradient at least 4×. */
  sigmoid: { value: sigmoid, derivative: (z) => sigmoid(z) * (1 - sigmoid(z)) },
};

export type ActivationKey = keyof typeof activationFormulas;
export const activationKeys = Object.keys(activationFormulas) as ActivationKey[];
