/**
 * Lesson "bias and variance" (chapter 2): what the prose says about the `capacity` and `epochs` presets,
 * checked over five seeds on the engine's decomposition (the numbers the widget plots).
 */
import { describe, expect, it } from 'vitest';
import type { BiasVarianceReport } from '@engine/telemetry';
import { decompositions } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const round = (value: number) => Number(value.toPrecision(3));
const report = (events: { biasVariance?: BiasVarianceReport }[], index: number) => events.at(index)!.biasVariance!;

describe('capacity: widths 1 … 32, 150 epochs', () => {
  it('bias² falls with every doubling of the width; variance barely grows (never above 1.5 × its width-1 value); total error falls (no U)', async () => {
    const results: Record<string, boolean>[] = [];
    const ratios: { variance: number; highest: number }[] = [];
    for (const seed of CLAIM_SEEDS) {
      const rows = (await decompositions('capacity', seed)).map((events) => report(events, -1));
      const first = rows[0]!;
      const last = rows.at(-1)!;
      const highest = Math.max(...rows.map((row) => row.variance));
      ratios.push({ variance: round(last.variance / first.variance), highest: round(highest / first.variance) });
      results.push({
        biasFalls: rows.every((row, index) => index === 0 || row.biasSquared < rows[index - 1]!.biasSquared),
        // "barely grows": at no width above 1.5 × the width-1 variance (seeds 1–5: largest 1, 1.29, 1.38, 1.09, 1.42).
        varianceFlat: highest < 1.5 * first.variance,
        totalFalls: last.sum < first.sum,
      });
    }
    log('capacity variance, width 32 / width 1 and largest / width 1', ratios);
    for (const key of ['biasFalls', 'varianceFlat', 'totalFalls'] as const) expect(tally(results.map((r) => r[key])), key).toBe('5/5');
  });
});

describe('epochs: 64 tanh units, 20 points each, 800 epochs, every member from the same initial weights', () => {
  it('bias² dominates early and falls (over 25× by the lowest total); variance falls, then creeps back up; the total ends above its minimum', async () => {
    const results: Record<string, boolean>[] = [];
    const settled: { drop: number; stop: number; spread: number }[] = [];
    for (const seed of CLAIM_SEEDS) {
      const [events] = await decompositions('epochs', seed);
      const rows = events!.map((event) => ({ epoch: event.epoch, ...event.biasVariance! }));
      const first = rows[0]!;
      const last = rows.at(-1)!;
      const lowestVariance = Math.min(...rows.map((row) => row.variance));
      const lowestTotal = Math.min(...rows.map((row) => row.sum));
      // "bias² plunges early: at the lowest total (the stopping point) it is more than 25 times below its first
      // value" (seeds 1–5: 36, 29, 27, 40, 63). Logged, not claimed: from there to the end it still changes by a
      // factor 1.3–2.3 (so not "barely moves").
      const stop = rows.findIndex((row) => row.sum === lowestTotal);
      const after = rows.slice(stop).map((row) => row.biasSquared);
      const spread = Math.max(...after) / Math.min(...after);
      settled.push({ drop: round(first.biasSquared / rows[stop]!.biasSquared), stop: rows[stop]!.epoch, spread: round(spread) });
      results.push({
        biasFirst: first.biasSquared > first.variance,
        biasFalls: last.biasSquared < first.biasSquared / 10,
        varianceLast: last.variance > last.biasSquared,
        // The early jump (each network reacts to its own 20 points first) is above the later low point.
        varianceDips: rows[0]!.variance > 1.2 * lowestVariance,
        varianceRises: last.variance > 1.2 * lowestVariance,
        totalRises: last.sum > lowestTotal,
        biasLowAtStop: first.biasSquared > 25 * rows[stop]!.biasSquared,
      });
    }
    log('epochs bias², first / at the lowest total, epoch of the lowest total, largest / smallest from there on', settled);
    for (const key of ['biasFirst', 'biasFalls', 'varianceLast', 'varianceDips', 'varianceRises', 'totalRises', 'biasLowAtStop'] as const)
      expect(tally(results.map((r) => r[key])), key).toBe('5/5');
  });
});
