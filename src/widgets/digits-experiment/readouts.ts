/** The readout numbers of a DigitsExperiment run (pure): final accuracies per arm, the output-width comparison. */
import { fill } from '../shell/text';
import { mean, spread, type DigitsResults } from './results';

/** "Validation accuracy after 40 steps (mean of 5 seeds): pretrained: 86 % · random: 55 %": `strings.finals` filled with each arm's mean final accuracy, every pair written as `strings.armValue` («arm: value»). */
export function describeFinals(results: DigitsResults, label: (arm: string) => string, strings: { finals: string; armValue: string }, percent: Intl.NumberFormat, steps: number): string {
  const values = [...results.arms.keys()].map((arm) => {
    const value = results.meanAccuracy(arm);
    return fill(strings.armValue, { arm: label(arm), value: Number.isFinite(value) ? percent.format(value) : '—' });
  });
  return fill(strings.finals, { steps, seeds: results.arms.values().next().value?.accuracy.length ?? 0, values: values.join(' · ') });
}

export interface OutputComparison {
  outputs: number;
  /** Mean over seeds of accuracy(K outputs) − accuracy(10 outputs). */
  meanDifference: number;
  /** Standard deviation of the 10-output accuracies across seeds. */
  spread: number;
  /** Seeds on which K outputs came out ahead. */
  wins: number;
  seeds: number;
}

/** T6's comparison, as tests/claims/seven-tips.test.ts computes it; null until both arms have finals. */
export function outputComparison(results: DigitsResults): OutputComparison | null {
  const [base, wide] = [...results.arms.keys()];
  if (!base || !wide) return null;
  const a = results.accuracyAt(base);
  const b = results.accuracyAt(wide);
  if (!a.length || a.length !== b.length || [...a, ...b].some((v) => v === null)) return null;
  const differences = a.map((v, s) => (b[s] as number) - (v as number));
  return {
    outputs: Number(wide.replace(/-repeat$/, '')),
    meanDifference: mean(differences),
    spread: spread(a as number[]),
    wins: differences.filter((d) => d > 0).length,
    seeds: a.length,
  };
}

/** E8: per optimizer, ‖W_L2 − W_decay‖ / ‖W_L2‖ of each seed's final hidden kernel (as the claims test computes
 * it); null until every arm's final kernels have arrived. */
export function relativeDifferences(results: DigitsResults): Record<string, number[]> | null {
  const out: Record<string, number[]> = {};
  for (const arm of results.arms.keys()) {
    if (!arm.endsWith('/l2')) continue;
    const optimizer = arm.slice(0, -'/l2'.length);
    const penalty = results.hiddenKernels.get(arm);
    const decay = results.hiddenKernels.get(`${optimizer}/decay`);
    if (!penalty || !decay || penalty.length !== decay.length) return null;
    out[optimizer] = penalty.map((a, s) => {
      const b = decay[s]!;
      let difference = 0;
      let norm = 0;
      a.forEach((value, i) => {
        difference += (value - b[i]!) ** 2;
        norm += value ** 2;
      });
      return Math.sqrt(difference / norm);
    });
  }
  return Object.keys(out).length ? out : null;
}
