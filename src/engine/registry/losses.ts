/**
 * Losses, declared once by stable key, with what each needs of the output layer. Scalar forms per output
 * element (the reference trainer and the dense-wasm kernel use them); a member's loss is the mean over its
 * batch (and outputs, for the elementwise ones). The tensor forms live in `model/losses.ts`.
 *
 *   mse:                      (ŷ - y)²                          ∂/∂ŷ = 2 (ŷ - y)
 *   binary_crossentropy:      max(z, 0) - z·y + log(1 + e^-|z|)  ∂/∂z = σ(z) - y     (sigmoid output, logits z)
 *   categorical_crossentropy: -Σ_c y_c log softmax(z)_c          ∂/∂z = softmax(z) - y (softmax output)
 *   hinge:                    max(0, 1 - y·ŷ)                    ∂/∂ŷ = -y [y·ŷ < 1]  (y ∈ {-1, +1})
 *   naive_crossentropy:       -Σ_c y_c log(softmax(z)_c)         the same value, computed literally from the
 *                             probabilities with no ε: once a probability underflows to 0, y·log p is 0·(-∞) =
 *                             NaN (or +∞). Lab-only: the debugging lab's `log-zero-nan` bug (faults.ts).
 */
import type { ActivationName } from './activations';

export interface LossEntry {
  /** The output activation the loss requires (its gradient is folded into the loss), or null for any. */
  output: ActivationName | null;
  /** Regression targets allowed (else: class labels only). */
  regression: boolean;
  /** Per output element: loss and its derivative with respect to the output (mse, hinge) or logit (cross-entropies, per element of a one-hot row for categorical). */
  value(output: number, target: number): number;
  derivative(output: number, target: number): number;
  /** Only a debugging-lab run (`runtime.lab`) may use it: a planted bug, not a choice. */
  labOnly?: boolean;
}

export const LOSSES = {
  mse: { output: null, regression: true, value: (o, y) => (o - y) ** 2, derivative: (o, y) => 2 * (o - y) },
  binary_crossentropy: {
    output: 'sigmoid',
    regression: false,
    value: (z, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
    derivative: (z, y) => 1 / (1 + Math.exp(-z)) - y,
  },
  // Per element of the row: -y log p with p the softmax probability passed as `output`; ∂/∂z_c = p_c - y_c.
  categorical_crossentropy: { output: 'softmax', regression: false, value: (p, y) => (y > 0 ? -y * Math.log(p) : 0), derivative: (p, y) => p - y },
  hinge: { output: null, regression: false, value: (o, y) => Math.max(0, 1 - y * o), derivative: (o, y) => (y * o < 1 ? -y : 0) },
  naive_crossentropy: { output: 'softmax', regression: false, labOnly: true, value: (p, y) => -y * Math.log(p), derivative: (p, y) => p - y },
} as const satisfies Record<string, LossEntry>;

export type LossName = keyof typeof LOSSES;
export const LOSS_NAMES = Object.keys(LOSSES) as LossName[];
/** The losses a lesson may choose (the lab-only ones left out). */
export const CHOOSABLE_LOSSES = LOSS_NAMES.filter((name) => !(LOSSES[name] as LossEntry).labOnly);
