/**
 * Activations, declared once and keyed by the stable string that appears in configs, URLs and i18n keys.
 * Each entry holds the scalar formula and its derivative (the float64 reference trainer, the dense-wasm
 * kernel and the activation widget use them), the derivative written from the output a = φ(z) (what a
 * backward pass keeps), and what the tensor paths need to know. The tensor op of each key lives in
 * `model/activations.ts`, typed by this registry (no tfjs here: widgets import this file on first paint).
 *
 *   linear φ = z, φ' = 1            relu φ = max(0, z), φ' = [z > 0] (0 at 0, like every framework)
 *   leaky_relu φ = z or αz, α = 0.01   tanh φ' = 1 - tanh²z        sigmoid φ' = σ(1 - σ) ≤ 1/4
 *   softmax: a vector map over the layer's units; only on the output layer, where its derivative is folded
 *   into the cross-entropy gradient softmax(z) - y.
 */
export const LEAKY_RELU_ALPHA = 0.01;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface ActivationEntry {
  /** φ(z) for an elementwise activation; softmax: the identity (the caller normalizes the layer). */
  value(z: number): number;
  derivative(z: number): number;
  /** φ'(z) written from a = φ(z). */
  derivativeFromOutput(a: number): number;
  /** Allowed on hidden layers (and conv layers). */
  hidden: boolean;
  /** Name of the activation tf.fused.matMul applies in the same kernel, or null. */
  fused: 'linear' | 'relu' | 'leakyrelu' | 'sigmoid' | null;
  /** Units can die (output ≤ 0 for every input): telemetry's dead fraction. */
  canDie: boolean;
}

export const ACTIVATIONS = {
  linear: { value: (z) => z, derivative: () => 1, derivativeFromOutput: () => 1, hidden: true, fused: 'linear', canDie: false },
  relu: { value: (z) => (z > 0 ? z : 0), derivative: (z) => (z > 0 ? 1 : 0), derivativeFromOutput: (a) => (a > 0 ? 1 : 0), hidden: true, fused: 'relu', canDie: true },
  leaky_relu: {
    value: (z) => (z > 0 ? z : LEAKY_RELU_ALPHA * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_RELU_ALPHA),
    derivativeFromOutput: (a) => (a > 0 ? 1 : LEAKY_RELU_ALPHA),
    hidden: true,
    fused: 'leakyrelu',
    canDie: true,
  },
  tanh: { value: Math.tanh, derivative: (z) => 1 - Math.tanh(z) ** 2, derivativeFromOutput: (a) => 1 - a * a, hidden: true, fused: null, canDie: false },
  sigmoid: { value: sigmoid, derivative: (z) => sigmoid(z) * (1 - sigmoid(z)), derivativeFromOutput: (a) => a * (1 - a), hidden: true, fused: 'sigmoid', canDie: false },
  softmax: { value: (z) => z, derivative: () => 1, derivativeFromOutput: () => 1, hidden: false, fused: null, canDie: false },
} as const satisfies Record<string, ActivationEntry>;

export type ActivationName = keyof typeof ACTIVATIONS;
export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];
/** Activations allowed on hidden and conv layers (all but softmax). */
export const HIDDEN_ACTIVATIONS = ACTIVATION_NAMES.filter((name) => ACTIVATIONS[name].hidden) as Exclude<ActivationName, 'softmax'>[];
export type HiddenActivationName = Exclude<ActivationName, 'softmax'>;
