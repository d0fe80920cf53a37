/**
 * The runs of lesson 2's data experiments (docs/project-lifecycle/outline.md): the project model trained on a
 * training split made worse in one way, validated on the 200 untouched validation digits. One run per level
 * (the training sets differ, so the levels cannot share a population), each a population of the seeds.
 *
 * - `class-imbalance`: only a fraction k of the training fives remain (k = 1, 0.3, 0.1, 0.03: 71, 21, 7, 2
 *   of the 71 training fives), every other class untouched; the validation confusion matrix at every event (recall of the fives).
 * - `label-noise`: a fraction q of the training labels flipped to another class (q = 0, 0.1, 0.3, 0.5), with
 *   accuracy on the (noisy) training labels at every event, and longer training, so memorization shows.
 */
import type { OptimizerConfig, RunConfig, TelemetryConfig, TrainTransform } from '@engine/types';
import type { ProjectRun } from './plan';

/** The class made rare. */
export const RARE_CLASS = 5;
export const KEEP_FRACTIONS = [1, 0.3, 0.1, 0.03] as const;
export const NOISE_FRACTIONS = [0, 0.1, 0.3, 0.5] as const;

type RunOf = (o: { optimizer: OptimizerConfig; members: { seed: number }[]; epochs: number }) => RunConfig;

/** One run per level, its training split changed by `transform(level)` (none at the undamaged level). */
function levelRuns(levels: readonly number[], transform: (level: number) => TrainTransform | null, telemetry: TelemetryConfig, runOf: RunOf, optimizer: OptimizerConfig, seeds: number[], epochs: number): ProjectRun[] {
  return levels.map((level) => {
    const config = runOf({ optimizer, members: seeds.map((seed) => ({ seed })), epochs });
    const damage = transform(level);
    return {
      kind: 'engine' as const,
      config: { ...config, dataset: { kind: 'digits', seed: 1, ...(damage ? { trainTransforms: [damage] } : {}) }, telemetry: { ...config.telemetry, ...telemetry } },
      arms: seeds.map(() => String(level)),
    };
  });
}

/** One run per fraction of fives kept (arm names are the fractions, "0.03"), with the validation confusion matrix. */
export const imbalanceRuns = (runOf: RunOf, optimizer: OptimizerConfig, seeds: number[], epochs: number): ProjectRun[] =>
  levelRuns(KEEP_FRACTIONS, (fraction) => (fraction < 1 ? { type: 'keep-class-fraction', classId: RARE_CLASS, fraction } : null), { confusion: true }, runOf, optimizer, seeds, epochs);

/** One run per fraction of flipped labels, training accuracy measured on the labels it trains on. */
export const noiseRuns = (runOf: RunOf, optimizer: OptimizerConfig, seeds: number[], epochs: number): ProjectRun[] =>
  levelRuns(NOISE_FRACTIONS, (fraction) => (fraction > 0 ? { type: 'label-noise', fraction, mode: 'flip' } : null), { trainMetrics: true }, runOf, optimizer, seeds, epochs);
