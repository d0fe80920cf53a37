/**
 * The learning rates a LearningRateSweep state trains with. The sweep either keeps the lesson's own list
 * (`sweptRates`: decades on the slow side, finer steps near the edge of stability, so it is not log-spaced) or
 * spaces `lrCount` rates evenly on a log scale between `lrFrom` and `lrTo`. The range test's rate grows
 * exponentially from `rangeFrom` to `rangeTo` over the run (the engine's exponential schedule, ×10 per decade).
 * Bounds given in either order mean the same range, so no state the controls can make is invalid.
 */
import type { ScheduleSpec } from '@engine/types';
import { sweptRates, type LearningRateSweepState } from './definition';

/** Rates are rounded to 3 significant digits: curve names and URLs stay short, and 10^-2.5 reads 0,00316. */
const round = (rate: number) => Number(rate.toPrecision(3));

/** The sweep's rates, ascending and distinct (rounding can merge neighbours of a tight range). */
export function sweepRates(state: LearningRateSweepState): number[] {
  if (state.rates !== 'log-range') return [...sweptRates];
  const [low, high] = ordered(state.lrFrom, state.lrTo);
  const count = Math.max(1, Math.round(state.lrCount));
  const span = Math.log10(high) - Math.log10(low);
  const rates = Array.from({ length: count }, (_, index) => round(10 ** (Math.log10(low) + (count === 1 ? 0 : (span * index) / (count - 1)))));
  return [...new Set(rates)];
}

export interface RangeRamp {
  from: number;
  to: number;
  /** Steps per tenfold increase (fractional when the decades do not divide the run); Infinity for a flat rate. */
  stepsPerDecade: number;
  schedule: ScheduleSpec;
}

/** The range test's first rate. */
export function rangeStart(state: LearningRateSweepState): number {
  return ordered(state.rangeFrom, state.rangeTo)[0];
}

/** The range test's rate over a run of `totalSteps` steps: `from` at step 0, `to` at the last step. */
export function rangeRamp(state: LearningRateSweepState, totalSteps: number): RangeRamp {
  const [from, to] = ordered(state.rangeFrom, state.rangeTo);
  const decades = Math.log10(to) - Math.log10(from);
  if (!(decades > 0) || totalSteps < 1) return { from, to: from, stepsPerDecade: Number.POSITIVE_INFINITY, schedule: { type: 'constant' } };
  const stepsPerDecade = totalSteps / decades;
  return { from, to, stepsPerDecade, schedule: { type: 'exponential', decaySteps: stepsPerDecade, rate: 10 } };
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
