/**
 * Weight penalties, declared once by stable key (the config field of the same name, per run and per
 * member), applied to kernels only: the loss gains Σ coefficient · penalty(w), the gradient
 * coefficient · gradient(w). The tfjs path writes them as tensor ops in `train/regularizer.ts`.
 *
 *   l1: |w|, sign(w)          l2: w², 2w
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
