/**
 * Weight penalties, declared once by stable key (the config field of the same name, per run and per
 * member), applied to kernels only: the loss gains Σ coefficient · penalty(w), the gradient
 * coefficient · gradient(w). The tfjs path writes them as tensor ops in `train/regularizer.ts`.
 *
 *   l1: |w|, sign(w)          l2: w², 2w
 *
 * Decoupled weight decay (`weightDecay`, the "W" of AdamW; per run and per member too) is not a penalty on
 * the loss: after the optimizer's step every kernel shrinks by η·λ times its value before the step,
 * θ ← θ' − η λ θ (`train/weight-decay.ts` says why; the optimizer never sees it).
 */
import type { AllowedRange } from '../telemetry';

export interface RegularizerEntry {
  range: AllowedRange;
  penalty(w: number): number;
  gradient(w: number): number;
}

export const REGULARIZERS = {
  l1: { range: { min: 0, max: 10 }, penalty: Math.abs, gradient: Math.sign },
  l2: { range: { min: 0, max: 10 }, penalty: (w) => w * w, gradient: (w) => 2 * w },
} as const satisfies Record<string, RegularizerEntry>;

export type RegularizerName = keyof typeof REGULARIZERS;
export const REGULARIZER_NAMES = Object.keys(REGULARIZERS) as RegularizerName[];

export interface DecoupledDecayEntry {
  range: AllowedRange;
  /** θ after the decay, from θ' (after the optimizer's step), θ (before it), η (after the schedule) and λ. */
  apply(after: number, before: number, learningRate: number, lambda: number): number;
}

export const WEIGHT_DECAY: DecoupledDecayEntry = {
  range: { min: 0, max: 1 },
  apply: (after, before, learningRate, lambda) => after - learningRate * lambda * before,
};

/** The fields of `training.regularization` (and of a member): the penalties, then the decoupled decay. */
export const REGULARIZATION_FIELDS = [...REGULARIZER_NAMES, 'weightDecay'] as const;
