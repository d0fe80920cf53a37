/**
 * LearningRateSweep's rates are controls (issue 8, 3g): the sweep keeps the lesson's six rates by default and
 * can switch to a log-spaced range; the range test's bounds set its exponential schedule. The defaults give the
 * configs the lesson's pre-rendered numbers came from.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/types';
import { learningRateSweep, sweptRates } from '@widgets/learning-rate-sweep/definition';
import { learningRateSweepPlan } from '@widgets/learning-rate-sweep/island';
import { rangeRamp, sweepRates } from '@widgets/learning-rate-sweep/rates';
import { presetState } from '@widgets/shell/definition';
import { checkState } from '@widgets/shell/validate';

const sweep = presetState(learningRateSweep, 'too-small-vs-too-large');
const range = presetState(learningRateSweep, 'range-test');
const config = (state: typeof sweep): RunConfig => {
  const run = learningRateSweepPlan(state).runs[0]!;
  if (run.kind !== 'engine') throw new Error('engine run expected');
  return run.config;
};

describe('sweep rates', () => {
  it("default: the lesson's six rates, one member each", () => {
    expect(sweepRates(sweep)).toEqual([1e-3, 1e-2, 0.1, 0.2, 0.3, 1]);
    expect(config(sweep).population?.members?.map((member) => member.learningRate)).toEqual([...sweptRates]);
  });

  it('log range: count rates evenly spaced in log10, rounded to 3 digits; bounds in either order', () => {
    const state = { ...sweep, rates: 'log-range' as const };
    expect(sweepRates(state)).toEqual([0.001, 0.00316, 0.01, 0.0316, 0.1, 0.316, 1]);
    expect(sweepRates({ ...state, lrFrom: 1, lrTo: 1e-3 })).toEqual(sweepRates(state));
    expect(sweepRates({ ...state, lrFrom: 1e-4, lrTo: 10, lrCount: 6 })).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1, 10]);
    expect(config({ ...state, lrCount: 3 }).population).toMatchObject({ size: 3, members: [{ learningRate: 0.001 }, { learningRate: 0.0316 }, { learningRate: 1 }] });
  });

  it('rates that round to the same value train once (curves are keyed by rate)', () => {
    const rates = sweepRates({ ...sweep, rates: 'log-range', lrFrom: 0.1, lrTo: 0.1, lrCount: 16 });
    expect(rates).toEqual([0.1]);
    expect(config({ ...sweep, rates: 'log-range', lrFrom: 0.1, lrTo: 0.1, lrCount: 16 }).population?.size).toBe(1);
  });
});

describe('range test bounds', () => {
  it("default: from 1e-5, x10 every 40 steps, to 1e3 after the run's 320 steps (the schedule the lesson's numbers came from)", () => {
    const { optimizer } = config(range).training;
    expect(optimizer.learningRate).toBe(1e-5);
    expect(optimizer.schedule).toEqual({ type: 'exponential', decaySteps: 40, rate: 10 });
    expect(learningRateSweepPlan(range).rateRamp).toEqual({ from: 1e-5, to: 1e3, stepsPerDecade: 40 });
  });

  it('the bounds set the start and the growth; reversed bounds mean the same; equal bounds give a constant rate', () => {
    expect(rangeRamp({ ...range, rangeFrom: 1e-4, rangeTo: 1 }, 320)).toMatchObject({ from: 1e-4, to: 1, stepsPerDecade: 80 });
    expect(rangeRamp({ ...range, rangeFrom: 1, rangeTo: 1e-4 }, 320)).toEqual(rangeRamp({ ...range, rangeFrom: 1e-4, rangeTo: 1 }, 320));
    const flat = { ...range, rangeFrom: 0.01, rangeTo: 0.01 };
    expect(config(flat).training.optimizer).toMatchObject({ learningRate: 0.01, schedule: { type: 'constant' } });
    expect(learningRateSweepPlan(flat).rateRamp).toBeUndefined();
  });

  it('every control value the table allows gives a valid state and a finite schedule', () => {
    for (const [from, to] of [[1e-6, 1e3], [1e3, 1e-6], [5e-3, 6e-3]] as const) {
      const state = { ...range, rangeFrom: from, rangeTo: to, epochs: 10 };
      expect(checkState(learningRateSweep.table, state)).toEqual([]);
      const schedule = config(state).training.optimizer.schedule;
      expect(schedule?.type === 'exponential' && schedule.decaySteps >= 1 && Number.isFinite(schedule.decaySteps)).toBe(true);
    }
  });
});
