/**
 * Claims of chapter 3, «The deep learning myth», on the runs and seeds each widget shows: every DigitsExperiment
 * preset of the chapter built here (plain-vs-residual, swap-optimizer, swap-loss, swap-model) is trained once as
 * the reader's page trains it by default (digits-presets.ts: the widget's own plan and results, on the dense-wasm
 * path), and the outline's claims (docs/deep-learning-myth/outline.md, experiments `depth` and `swap-parts`) and
 * the exercises' answers (`depth-16`, `first-epoch`) are asserted on those numbers.
 */
import { describe, expect, it } from 'vitest';
import { STEPS_PER_EPOCH, SWAP_EPOCHS } from '@widgets/digits-experiment/plans-deep-learning-myth';
import type { DigitsResults } from '@widgets/digits-experiment/results';
import { mean, tally } from './digits-lab';
import { trainPreset } from './digits-presets';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const round = (values: number[], digits = 4) => values.map((v) => Number(v.toFixed(digits)));
/** Final training loss per seed of an arm (the whole training split's, at the last event); NaN when diverged. */
const finalLoss = (results: DigitsResults, arm: string): number[] => (results.arms.get(arm)?.loss ?? []).map((seed) => seed.at(-1) ?? Number.NaN);
/** Validation accuracy per seed after `epoch` epochs. */
const accuracyAt = (results: DigitsResults, arm: string, epoch: number): number[] => results.accuracyAt(arm, epoch * STEPS_PER_EPOCH).map((v) => v ?? Number.NaN);
/** First epoch at which a seed's validation accuracy reaches `level` (Infinity if never). */
const epochsTo = (results: DigitsResults, arm: string, level: number): number[] =>
  (results.arms.get(arm)?.accuracy ?? []).map((seed) => {
    const index = seed.findIndex((v) => v >= level);
    return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
  });

describe('deep-learning-myth claims (the runs and seeds each widget shows)', () => {
  // The claim compares depths 4 and 16: only those four of the widget's ten runs are trained here (the deepest cost
  // the most; the other depths' numbers in the outline were logged once by training all ten).
  it('plain-vs-residual: the plain MLP ends 20 epochs with a higher training loss at 16 layers than at 4; the residual one does not (≤ its 4-layer loss × 1.1)', async () => {
    const claimed = ['plain/4', 'plain/16', 'residual/4', 'residual/16'];
    const { seeds, results } = await trainPreset('plain-vs-residual', {}, [], (arms) => arms.some((arm) => claimed.includes(arm)));
    const loss = Object.fromEntries(claimed.map((arm) => [arm, round(finalLoss(results, arm))]));
    log('plain-vs-residual', { seeds, finalTrainingLoss: loss });
    const plain = seeds.map((_, s) => loss['plain/16']![s]! > loss['plain/4']![s]!);
    const residual = seeds.map((_, s) => loss['residual/16']![s]! <= 1.1 * loss['residual/4']![s]!);
    log('plain-vs-residual held', { plain: tally(plain, seeds), residual: tally(residual, seeds) });
    expect(plain.every(Boolean), tally(plain, seeds)).toBe(true);
    expect(residual.every(Boolean), tally(residual, seeds)).toBe(true);
  });

  it('swap-optimizer: every optimizer trains; after one epoch plain SGD is well behind Adam and momentum (by more than 15 points); by epoch 10 its gap to Adam has narrowed', async () => {
    const { seeds, results } = await trainPreset('swap-optimizer');
    const arms = ['sgd', 'momentum', 'rmsprop', 'adam'];
    const first = Object.fromEntries(arms.map((arm) => [arm, round(accuracyAt(results, arm, 1), 3)]));
    const last = Object.fromEntries(arms.map((arm) => [arm, round(accuracyAt(results, arm, SWAP_EPOCHS), 3)]));
    log('swap-optimizer', { seeds, epoch1: first, epoch10: last });
    const held = seeds.map((_, s) => arms.every((arm) => last[arm]![s]! > 0.6 && last[arm]![s]! > first[arm]![s]!)
      && Math.min(first.adam![s]!, first.momentum![s]!) - first.sgd![s]! > 0.15
      && last.adam![s]! - last.sgd![s]! < first.adam![s]! - first.sgd![s]!);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });

  it('swap-loss: both losses train; after one epoch cross-entropy is ahead of MSE on the softmax outputs; by epoch 10 they are level (within 3 points)', async () => {
    const { seeds, results } = await trainPreset('swap-loss');
    const acc = (arm: string) => (results.arms.get(arm)?.accuracy ?? []).map((seed) => round(seed, 3));
    const to = (level: number) => ({ ce: epochsTo(results, 'categorical_crossentropy', level), mse: epochsTo(results, 'mse', level) });
    log('swap-loss', { seeds, accuracyByEpoch: { ce: acc('categorical_crossentropy'), mse: acc('mse') }, epochsTo70: to(0.7), epochsTo80: to(0.8) });
    const [ce1, mse1, ce10, mse10] = [[1, 'categorical_crossentropy'], [1, 'mse'], [SWAP_EPOCHS, 'categorical_crossentropy'], [SWAP_EPOCHS, 'mse']].map(([epoch, arm]) => accuracyAt(results, arm as string, epoch as number));
    const held = seeds.map((_, s) => ce1![s]! > mse1![s]! && Math.abs(ce10![s]! - mse10![s]!) <= 0.03 && mse10![s]! > 0.8);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });

  it('swap-model: both models train with the same loss and optimizer; the deeper, wider one\'s final accuracy (logged) stays within a few points', async () => {
    const { seeds, results } = await trainPreset('swap-model');
    const small = accuracyAt(results, '32', SWAP_EPOCHS);
    const large = accuracyAt(results, '64-32', SWAP_EPOCHS);
    const early = { '32': round(accuracyAt(results, '32', 1), 3), '64-32': round(accuracyAt(results, '64-32', 1), 3) };
    log('swap-model', { seeds, epoch1: early, epoch10: { '32': round(small, 3), '64-32': round(large, 3) }, meanDifference: Number((mean(large) - mean(small)).toFixed(3)) });
    const held = seeds.map((_, s) => small[s]! > 0.8 && large[s]! > 0.8 && Math.abs(large[s]! - small[s]!) < 0.05);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
  });
});
