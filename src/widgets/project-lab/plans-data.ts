/**
 * The runs of lesson 2's data experiments (docs/project-lifecycle/outline.md): the project model trained on a
 * training split made worse in one way, validated on the 200 untouched validation digits. One run per level
 * (the training sets differ, so the levels cannot share a population), each a population of the seeds.
 *
 * - `class-imbalance`: only a fraction k of the training fives remain (k = 1, 0.3, 0.1, 0.03: about 64, 19, 6, 2
 *   of ≈ 64), every other class untouched; the validation confusion matrix at every event (recall of the fives).
 * - `label-noise`: a fraction q of the training labels flipped to another class (q = 0, 0.1, 0.3, 0.5), with
 *   accuracy on the (noisy) training labels at every event, and longer training, so memorization shows.
 */
import type { OptimizerConfig, RunConfig } from '@engine/types';
import type { ProjectRun } from './plan';

/** The class made rare. */
export const RARE_CLASS = 5;
export const KEEP_FRACTIONS = [1, 0.3, 0.1, 0.03] as const;
export const NOISE_FRACTIONS = [0, 0.1, 0.3, 0.5] as const;

type RunOf = (o: { optimizer: OptimizerConfig; members: { seed: number }[]; epochs: number }) => RunConfig;

/** One run per fraction of fives kept; arm names are the fractions ("0.03"). */
export function imbalanceRuns(projectRun: RunOf, optimizer: OptimizerConfig, seeds: number[], epochs: number): ProjectRun[] {
  return KEEP_FRACTIONS.map((fraction) => {
    const config = projectRun({ optimizer, members: seeds.map((seed) => ({ seed })), epochs });
    return {
      kind: 'engine' as const,
      config: {
        ...config,
        dataset: { kind: 'digits', seed: 1, ...(fraction < 1 ? { trainTransforms: [{ type: 'keep-class-fraction', classId: RARE_CLASS, fraction }] } : {}) },
        telemetry: { ...config.telemetry, confusion: true },
      },
      arms: seeds.map(() => String(fraction)),
    };
  });
}

/** One run per fraction of flipped labels, training accuracy measured on the labels it trains on. */
export function noiseRuns(projectRun: RunOf, optimizer: OptimizerConfig, seeds: number[], epochs: number): ProjectRun[] {
  return NOISE_FRACTIONS.map((fraction) => {
    const config = projectRun({ optimizer, members: seeds.map((seed) => ({ seed })), epochs });
    return {
      kind: 'engine' as const,
      config: {
        ...config,
        dataset: { kind: 'digits', seed: 1, ...(fraction > 0 ? { trainTransforms: [{ type: 'label-noise', fraction, mode: 'flip' }] } : {}) },
        telemetry: { ...config.telemetry, trainMetrics: true },
      },
      arms: seeds.map(() => String(fraction)),
    };
  });
}
