/**
 * Optimizers, declared once by stable key: their state slots, the settings they read, and the scalar
 * update of one parameter element (for the float64 reference trainer and other compute paths; the tfjs
 * path writes the same formulas as tensor ops in `train/optimizers.ts`, dense-wasm in
 * `kernels/dense-wasm/assembly/optimize.ts`). `t` counts steps from 1; η is the member's rate after the
 * schedule. The settings (shared by every optimizer, so a live change may set momentum whatever the
 * optimizer) are declared once below with their defaults and allowed ranges.
 *
 *   sgd:      θ ← θ - η g
 *   momentum: v ← μ v + g;  θ ← θ - η v                         (tf.train.momentum's form)
 *   nesterov: v ← μ v + g;  θ ← θ - η (g + μ v)                 (tf.train.momentum's useNesterov form)
 *   rmsprop:  s ← ρ s + (1 - ρ) g²;  θ ← θ - η g / √(s + ε)
 *   adam:     m ← β1 m + (1 - β1) g;  v ← β2 v + (1 - β2) g²;  θ ← θ - η m̂ / (√v̂ + ε), m̂ = m/(1 - β1^t), v̂ = v/(1 - β2^t)
 */
import type { AllowedRange } from '../telemetry';

export interface OptimizerSettingsScalar {
  momentum: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Each optimizer setting's default and allowed range (validation reads them from here). */
export const OPTIMIZER_SETTINGS: Record<keyof OptimizerSettingsScalar, { fallback: number; range: AllowedRange }> = {
  /** μ of momentum and Nesterov. */
  momentum: { fallback: 0.9, range: { min: 0, max: 1 } },
  /** β1 of Adam, ρ of RMSProp. */
  beta1: { fallback: 0.9, range: { min: 0, max: 1 } },
  beta2: { fallback: 0.999, range: { min: 0, max: 1 } },
  /** Added to denominators. */
  epsilon: { fallback: 1e-7, range: { min: 0, max: 1, exclusive: true } },
};
export const OPTIMIZER_SETTING_NAMES = Object.keys(OPTIMIZER_SETTINGS) as (keyof OptimizerSettingsScalar)[];

export interface OptimizerEntry {
  /** Names of the per-parameter state slots, in order. */
  slots: readonly string[];
  /** The settings this optimizer reads. */
  settings: readonly (keyof OptimizerSettingsScalar)[];
  /** New θ for one element; `state` holds this element's slots and is updated in place. */
  update(theta: number, g: number, state: number[], learningRate: number, t: number, o: OptimizerSettingsScalar): number;
}

export const OPTIMIZERS = {
  sgd: { slots: [], settings: [], update: (theta, g, _s, lr) => theta - lr * g },
  momentum: {
    slots: ['velocity'],
    settings: ['momentum'],
    update: (theta, g, s, lr, _t, o) => {
      s[0] = o.momentum * (s[0] as number) + g;
      return theta - lr * s[0];
    },
  },
  nesterov: {
    slots: ['velocity'],
    settings: ['momentum'],
    update: (theta, g, s, lr, _t, o) => {
      s[0] = o.momentum * (s[0] as number) + g;
      return theta - lr * (g + o.momentum * s[0]);
    },
  },
  rmsprop: {
    slots: ['meanSquare'],
    settings: ['beta1', 'epsilon'],
    update: (theta, g, s, lr, _t, o) => {
      s[0] = o.beta1 * (s[0] as number) + (1 - o.beta1) * g * g;
      return theta - (lr * g) / Math.sqrt(s[0] + o.epsilon);
    },
  },
  adam: {
    slots: ['firstMoment', 'secondMoment'],
    settings: ['beta1', 'beta2', 'epsilon'],
    update: (theta, g, s, lr, t, o) => {
      s[0] = o.beta1 * (s[0] as number) + (1 - o.beta1) * g;
      s[1] = o.beta2 * (s[1] as number) + (1 - o.beta2) * g * g;
      const mHat = s[0] / (1 - o.beta1 ** t);
      const vHat = s[1] / (1 - o.beta2 ** t);
      return theta - (lr * mHat) / (Math.sqrt(vHat) + o.epsilon);
    },
  },
} as const satisfies Record<string, OptimizerEntry>;

export type OptimizerName = keyof typeof OPTIMIZERS;
export const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];
