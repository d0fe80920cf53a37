/**
 * Claims of chapter 1, «Practical tricks», on the runs and seeds each widget shows: every DigitsExperiment preset
 * of the chapter is trained once as the reader's page trains it by default (digits-presets.ts: the widget's own
 * plan and results), and the outline's claims (docs/practical-tricks/outline.md, E1, E3, E5, E6, E8) and the
 * exercises' answers are asserted on those numbers: the ones the widget shows and the pre-render draws.
 * tests/claims/practical-tricks.test.ts checks the same designs through the harness on seeds 1–5.
 */
import { describe, expect, it } from 'vitest';
import { EXERCISE_DATA_SIZES } from '@widgets/digits-experiment/plans-practical-tricks';
import { relativeDifferences } from '@widgets/digits-experiment/readouts';
import type { DigitsResults } from '@widgets/digits-experiment/results';
import { mean, tally } from './digits-lab';
import { trainPreset } from './digits-presets';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
/** Final validation (or training) accuracy per seed of an arm; a diverged seed fails the claim as NaN. */
const finals = (results: DigitsResults, arm: string, which: 'accuracy' | 'train' = 'accuracy'): number[] => results.accuracyAt(arm, undefined, which).map((v) => v ?? Number.NaN);

describe('practical-tricks claims (the runs and seeds each widget shows)', () => {
  // The exercise's widget (data-size-400) trains the lesson's sizes plus 400: one run checks both.
  it('data-size: validation accuracy rises at every size from 50 to 700 digits (400 lies between 200 and 700: the exercise) while training accuracy falls', async () => {
    const { seeds, results } = await trainPreset('data-size-400');
    const validation = EXERCISE_DATA_SIZES.map((size) => finals(results, String(size)));
    const train = EXERCISE_DATA_SIZES.map((size) => finals(results, String(size), 'train'));
    log('data-size', { seeds, sizes: EXERCISE_DATA_SIZES, validation, train });
    const held = seeds.map((_, s) => validation.every((v, i) => i === 0 || v[s]! > validation[i - 1]![s]!) && train[0]![s]! > train.at(-1)![s]!);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
    expect(mean(validation.at(-1)!) - mean(validation[0]!)).toBeGreaterThan(0.15);
  });

  it('capacity: the 2-unit net underfits (low train accuracy, small gap, no dead net on the shown seeds); 32 units lift validation; 32 and 128 overfit and 128 adds nothing', async () => {
    const { seeds, results } = await trainPreset('capacity');
    const [small, medium, large] = ['2', '32', '128'].map((arm) => ({ train: finals(results, arm, 'train'), validation: finals(results, arm) }));
    log('capacity', { seeds, small, medium, large });
    const held = seeds.map((_, s) => {
      const smallGap = small!.train[s]! - small!.validation[s]!;
      const largeGap = large!.train[s]! - large!.validation[s]!;
      return small!.train[s]! < 0.4 && small!.train[s]! > 0.15 && smallGap <= 0.06 && large!.train[s]! >= 0.99 && medium!.train[s]! >= 0.99
        && largeGap > Math.max(0.1, 2 * smallGap) && medium!.validation[s]! > small!.validation[s]! + 0.1 && Math.abs(large!.validation[s]! - medium!.validation[s]!) < 0.04;
    });
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });

  it('dropout-rates: on 100 digits the 128-unit net overfits at every rate; dropout 0.2 or 0.5 moves validation accuracy by at most 3 points (the exercise: about the same)', async () => {
    const { seeds, results } = await trainPreset('dropout-rates');
    const [none, low, high] = ['0', '0.2', '0.5'].map((arm) => ({ train: finals(results, arm, 'train'), validation: finals(results, arm) }));
    log('dropout-rates', { seeds, none, low, high });
    const held = seeds.map((_, s) => [none, low, high].every((arm) => arm!.train[s]! >= 0.99) && none!.validation[s]! < 0.85
      && [low, high].every((arm) => Math.abs(arm!.validation[s]! - none!.validation[s]!) <= 0.03));
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });

  it('augmentation: shifts, small rotations and noise raise validation accuracy over no augmentation; a horizontal flip lowers it', async () => {
    const { seeds, results } = await trainPreset('augmentation');
    const [none, mild, flip] = ['none', 'mild', 'hflip'].map((arm) => finals(results, arm));
    log('augmentation', { seeds, none, mild, flip });
    const held = seeds.map((_, s) => mild![s]! > none![s]! && flip![s]! < none![s]!);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });

  it('decay-vs-l2: weight decay gives the L2 penalty\'s weights under SGD (to rounding) and different ones under Adam', async () => {
    const { seeds, results } = await trainPreset('decay-vs-l2');
    const differences = relativeDifferences(results)!;
    log('decay-vs-l2', { seeds, differences });
    const held = seeds.map((_, s) => differences.sgd![s]! < 1e-4 && differences.adam![s]! > 0.5);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });
});
