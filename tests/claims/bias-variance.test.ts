/**
 * Lesson "bias and variance" (chapter 2): what the prose says about the `capacity` and `epochs` presets,
 * checked over five seeds on the engine's decomposition (the numbers the widget plots).
 */
import { describe, expect, it } from 'vitest';
import type { BiasVarianceReport } from '@engine/telemetry';
import { decompositions } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';

const report = (events: { biasVariance?: BiasVarianceReport }[], index: number) => events.at(index)!.biasVariance!;

describe('capacity: widths 1 … 32, 150 epochs', () => {
  it('bias² falls with every doubling of the width; variance does not grow; total error falls (no U)', async () => {
    const results: Record<string, boolean>[] = [];
    for (const seed of CLAIM_SEEDS) {
      const rows = (await decompositions('capacity', seed)).map((events) => report(events, -1));
      const first = rows[0]!;
      const last = rows.at(-1)!;
      results.push({
        biasFalls: rows.every((row, index) => index === 0 || row.biasSquared < rows[index - 1]!.biasSquared),
        varianceFlat: last.variance < 1.5 * first.variance,
        totalFalls: last.sum < first.sum,
      });
    }
    for (const key of ['biasFalls', 'varianceFlat', 'totalFalls'] as const) expect(tally(results.map((r) => r[key])), key).toBe('5/5');
  });
});

describe('epochs: 64 tanh units, 20 points each, 800 epochs, every member from the same initial weights', () => {
  it('bias² dominates early and falls; variance falls, then creeps back up; the total ends above its minimum', async () => {
    const results: Record<string, boolean>[] = [];
    for (const seed of CLAIM_SEEDS) {
      const [events] = await decompositions('epochs', seed);
      const rows = events!.map((event) => ({ epoch: event.epoch, ...event.biasVariance! }));
      const first = rows[0]!;
      const last = rows.at(-1)!;
      const lowestVariance = Math.min(...rows.map((row) => row.variance));
      const lowestTotal = Math.min(...rows.map((row) => row.sum));
      results.push({
        biasFirst: first.biasSquared > first.variance,
        biasFalls: last.biasSquared < first.biasSquared / 10,
        varianceLast: last.variance > last.biasSquared,
        // The early jump (each network reacts to its own 20 points first) is above the later low point.
        varianceDips: rows[0]!.variance > 1.2 * lowestVariance,
        varianceRises: last.variance > 1.2 * lowestVariance,
        totalRises: last.sum > lowestTotal,
      });
    }
    for (const key of ['biasFirst', 'biasFalls', 'varianceLast', 'varianceDips', 'varianceRises', 'totalRises'] as const)
      expect(tally(results.map((r) => r[key])), key).toBe('5/5');
  });
});
