/**
 * Lesson "hyperparameters" (chapter 2): the learning-rate sweep `too-small-vs-too-large` (plain SGD, rates
 * 0.001 … 1), checked over five seeds on the numbers the widget plots.
 */
import { describe, expect, it } from 'vitest';
import { sweep } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';

/** Largest rise between two reports in the second half of a curve (1 = never rises). */
function largestRise(losses: number[]): number {
  const half = losses.slice(Math.floor(losses.length / 2));
  return Math.max(1, ...half.slice(1).map((loss, index) => loss / half[index]!));
}

describe('too-small-vs-too-large: the final loss against the rate is a U', () => {
  it('falls up to 0.1, oscillates and ends higher at 0.2, blows up at 0.3 (on 3 of 5 seeds) and 1 (always)', async () => {
    const results: Record<string, boolean>[] = [];
    for (const seed of CLAIM_SEEDS) {
      const { events, finals } = await sweep(seed);
      const at = (rate: number) => finals.get(rate)!;
      const curve = (member: number) => events.map((event) => event.members[member]!.trainLoss);
      results.push({
        leftArm: at(0.001) > at(0.01) && at(0.01) > at(0.1),
        // The exercise: the smallest rate usually ends more than ten times above 0.1.
        slowSmallest: at(0.001) > 10 * at(0.1),
        bestAtTenth: [0.001, 0.01, 0.2, 0.3, 1].every((rate) => at(0.1) < at(rate)),
        // 0.2 (member 3) stays finite but jumps: the loss at least doubles between two reports late in the run.
        oscillates: Number.isFinite(at(0.2)) && largestRise(curve(3)) > 2,
        risesAgain: at(0.2) > at(0.1),
        explodesAt03: !Number.isFinite(at(0.3)),
        explodesAt1: !Number.isFinite(at(1)),
      });
    }
    console.log(`[claim] too-small-vs-too-large, diverges at 0.3: ${JSON.stringify(results.map((result) => result.explodesAt03))}`);
    const holds = (key: string) => tally(results.map((result) => result[key]));
    expect(holds('leftArm')).toBe('5/5');
    expect(holds('slowSmallest')).toMatch(/^[45]\//);
    expect(holds('bestAtTenth')).toBe('5/5');
    expect(holds('explodesAt1')).toBe('5/5');
    expect(holds('oscillates')).toMatch(/^[45]\//);
    expect(holds('risesAgain')).toMatch(/^[45]\//);
    // The prose: "often", "on 3 of the 5 seeds we tested", the default seed among them (asserted below).
    expect(holds('explodesAt03')).toBe('3/5');
    // The default seed (1) shows every part of it.
    expect(Object.values(results[0]!).every(Boolean)).toBe(true);
  });
});
