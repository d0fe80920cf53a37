/**
 * Claims of chapter 5, «Seven tips» (docs/seven-tips/outline.md), checked on the runs the reader sees: each test
 * trains a DigitsExperiment preset with the widget's own plan and default state (so on the seeds the widget
 * shows: 2–6 for the transfer presets, 1–5 for the others), on the path the page takes with the CPU backend
 * (digits-presets.ts), and asserts each number and direction the lessons state about it. The outline quotes the
 * logged `[claim]` lines.
 */
import { describe, expect, it } from 'vitest';
import { DIGITS_MLP_CONFIG, DIGITS_MLP_VALIDATION_ACCURACY } from '@engine/pretrained/configs';
import { EARLY_STEP, FINETUNE_RATES } from '@widgets/digits-experiment/plan';
import { outputComparison } from '@widgets/digits-experiment/readouts';
import { mean } from '@widgets/digits-experiment/results';
import { tally } from './digits-lab';
import { firstStep, trainPreset } from './digits-presets';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
/** Accuracies of one arm, every seed finite (a diverged seed fails the claim it is part of). */
const finite = (values: (number | null)[]): number[] => values.map((v) => v ?? Number.NaN);
/** The range a lesson states, in percent to the half point: every value within [low, high]. */
const within = (values: number[], low: number, high: number) => values.every((v) => v >= low - 1e-9 && v <= high + 1e-9);
const MAX_NORM_LAYERS = ['relu128', 'tanh128'] as const;

describe('seven-tips claims (the runs and seeds each widget shows)', () => {
  it('pretraining: on the seeds the widget shows, the pretrained digits MLP fine-tuned on 100 new digits beats the same net from random init', async () => {
    const { seeds, results } = await trainPreset('pretrained-vs-random');
    const pretrained = finite(results.accuracyAt('pretrained'));
    const random = finite(results.accuracyAt('random'));
    const first = results.arms.get('random')!.steps[0]!;
    const atFirst = { step: first, pretrained: finite(results.accuracyAt('pretrained', first)), random: finite(results.accuracyAt('random', first)) };
    log('pretrained-vs-random', { seeds, pretrained, random, atFirst });
    // "The pretrained curve starts high (86.5 %); the one from scratch starts near chance (10 %)": the first point drawn.
    expect(Math.min(...atFirst.pretrained)).toBeGreaterThanOrEqual(0.85);
    expect(mean(atFirst.random)).toBeLessThan(0.2);
    // Lesson 1: "reaches 85–86 %, from scratch 50–59 %: about 30 points less"; on every seed reuse wins by 10+.
    const held = seeds.map((_, s) => pretrained[s]! > random[s]! + 0.1);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
    expect(within(pretrained, 0.85, 0.86)).toBe(true);
    expect(within(random, 0.5, 0.59)).toBe(true);
    expect(Math.abs(mean(pretrained) - mean(random) - 0.3)).toBeLessThan(0.025);
  });

  it('frozen vs free vs scratch on a new easy task (even/odd, 100 labels): reusing the pretrained hidden layer gives no reliable gain', async () => {
    const { seeds, results } = await trainPreset('frozen-layers');
    const arms = Object.fromEntries(['scratch', 'frozen', 'free'].map((arm) => [arm, finite(results.accuracyAt(arm))])) as Record<'scratch' | 'frozen' | 'free', number[]>;
    const means = Object.fromEntries(Object.entries(arms).map(([arm, values]) => [arm, mean(values)]));
    log('transfer', { seeds, ...arms, means });
    // Lesson 3: every arm within a few points of the others, neither reuse arm better than scratch on average.
    const all = [...arms.scratch, ...arms.frozen, ...arms.free];
    expect(Math.max(...all) - Math.min(...all)).toBeLessThan(0.12);
    expect(Math.abs(means.frozen! - means.scratch!)).toBeLessThan(0.03);
    expect(Math.abs(means.free! - means.scratch!)).toBeLessThan(0.03);
    // Its numbers: scratch 87–89 %, frozen 81–90.5 %, free 85.5–89 % (means 88.2, 86.7, 87.3 %).
    expect(within(arms.scratch, 0.87, 0.89) && within(arms.frozen, 0.81, 0.905) && within(arms.free, 0.855, 0.89)).toBe(true);
    expect([means.scratch!, means.frozen!, means.free!].map((v) => Math.round(v * 1000) / 10)).toEqual([88.2, 86.7, 87.3]);
    // "The pretrained weights stay put in the frozen arm" (the tiles), and move in the free one.
    const moved = (arm: string) => {
      const before = results.before.get(arm)!.members[0]!;
      return Math.max(...results.after.get(arm)!.members[0]!.map((v, i) => Math.abs(v - Math.fround(before[i]!))));
    };
    expect(moved('frozen')).toBe(0);
    expect(moved('free')).toBeGreaterThan(0.01);
  });

  it('fine-tuning rates: at 1e-1 the accuracy of the pretrained net first drops; at 1e-4 and 1e-3 it does not', async () => {
    const { seeds, results } = await trainPreset('finetune-rates');
    const start = DIGITS_MLP_VALIDATION_ACCURACY;
    const early = FINETUNE_RATES.map((rate) => finite(results.accuracyAt(String(rate), EARLY_STEP)));
    const late = FINETUNE_RATES.map((rate) => finite(results.accuracyAt(String(rate))));
    log('fine-tune-rates', { seeds, rates: FINETUNE_RATES, start, early, late });
    const [e4, e3, e2, e1] = early as [number[], number[], number[], number[]];
    const [l4, l3, l2, l1] = late as [number[], number[], number[], number[]];
    const held = seeds.map((_, s) => e1[s]! < start - 0.1 && e4[s]! >= start - 0.02 && e3[s]! >= start - 0.02 && l1[s]! < l3[s]!);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
    // Lesson 1: from 86.5 % to 26.5–44 % in three steps at 10⁻¹, ending at 30–68 % (never back to the start);
    // 10⁻⁴ and 10⁻³ stay where pretraining left them; 10⁻² loses 4.5–12 points early and ends at 77.5–84.5 %.
    expect(start).toBe(0.865);
    expect(within(e1, 0.265, 0.44) && within(l1, 0.3, 0.68) && l1.every((v) => v < start)).toBe(true);
    expect(within([...e4, ...l4, ...e3, ...l3], start - 0.01, start + 0.005)).toBe(true);
    expect(within(e2.map((v) => start - v), 0.045, 0.12) && within(l2, 0.775, 0.845)).toBe(true);
    // No rate improves on the pretrained net in 30 steps.
    expect(Math.max(...late.flat())).toBeLessThanOrEqual(start + 0.005);
  });

  it('why 10⁻¹ breaks the pretrained net: Adam\'s first step moves each parameter by about η, the size of a typical pretrained hidden weight (|w| ≈ 0.07); the pretraining rate was Adam 0.003', async () => {
    expect(DIGITS_MLP_CONFIG.training.optimizer).toEqual({ name: 'adam', learningRate: 0.003 });
    const { loadPretrained } = await import('@engine/pretrained');
    const hidden = (await loadPretrained('digits-mlp')).members[0]!['hidden/kernel']!.data;
    const typical = mean(hidden.map(Math.abs));
    const { stepSizes } = await firstStep('finetune-rates', 0.1);
    const sorted = [...stepSizes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    log('adam-first-step', { meanAbsHiddenWeight: typical, eta: 0.1, medianStep: median, moved: stepSizes.length });
    expect(Math.round(typical * 100) / 100).toBe(0.07);
    expect(median).toBeGreaterThan(0.099);
    expect(median).toBeLessThan(0.1001);
  });

  it('dropout × size: dropout 0.5 costs the 16-unit net 5–17 points and the 128-unit net at most 3 (100 digits)', async () => {
    const { seeds, results } = await trainPreset('dropout-by-size');
    const acc = (arm: string) => finite(results.accuracyAt(arm));
    const gain = { 16: acc('16/0.5').map((v, s) => v - acc('16/0')[s]!), 128: acc('128/0.5').map((v, s) => v - acc('128/0')[s]!) };
    log('dropout-size', { seeds, '16/0': acc('16/0'), '16/0.5': acc('16/0.5'), '128/0': acc('128/0'), '128/0.5': acc('128/0.5'), gain });
    const held = seeds.map((_, s) => gain[16][s]! < -0.04 && gain[128][s]! > -0.03 && gain[128][s]! > gain[16][s]!);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
    // Lesson 2: 16 units lose 5–17 points (68.5 → 57.5 % on seed 1; 59 → 42 % at worst); 128 units lose at most 3 and
    // gain half a point on one seed; no gain above one point for either size.
    expect(within(gain[16].map((v) => -v), 0.05, 0.17)).toBe(true);
    expect([acc('16/0')[0], acc('16/0.5')[0]]).toEqual([0.685, 0.575]);
    const worst = gain[16].indexOf(Math.min(...gain[16]));
    expect([acc('16/0')[worst], acc('16/0.5')[worst]]).toEqual([0.59, 0.42]);
    expect(Math.min(...gain[128])).toBeGreaterThanOrEqual(-0.03 - 1e-9);
    expect(Math.max(...gain[128])).toBeCloseTo(0.005, 9);
    expect(Math.max(...gain[16], ...gain[128])).toBeLessThanOrEqual(0.01);
  });

  it('max-norm: with SGD at a rate too large for the source\'s net, max-norm 5 keeps every unit\'s weight norm ≤ 5 while the unconstrained weights grow past it, and neither arm trains', async () => {
    const { seeds, results } = await trainPreset('max-norm', {}, MAX_NORM_LAYERS);
    const accuracy = { 0: finite(results.accuracyAt('0')), 5: finite(results.accuracyAt('5')) };
    const finalNorms = { 0: results.unitNorms.get('0')!, 5: results.unitNorms.get('5')! };
    // What the norm plot draws: per arm and hidden layer, the largest unit norm over the seeds at each event.
    const curves = Object.fromEntries(['0', '5'].map((arm) => [arm, Object.fromEntries(MAX_NORM_LAYERS.map((layer) => [layer, results.arms.get(arm)!.norms.get(layer)!]))]));
    log('max-norm', { seeds, accuracy, finalNorms, curves });
    const held = seeds.map((_, s) => finalNorms[5][s]! <= 5 + 1e-3 && finalNorms[0][s]! > 5 && accuracy[0][s]! < 0.3 && accuracy[5][s]! < 0.3);
    expect(held.every(Boolean), tally(held, seeds)).toBe(true);
    // The plot: the capped arm at most 5 at every event in both layers (and at the cap by the end), the free arm past it.
    for (const layer of MAX_NORM_LAYERS) {
      expect(Math.max(...curves['5']![layer]!)).toBeLessThanOrEqual(5 + 1e-3);
      expect(curves['5']![layer]!.at(-1)).toBeGreaterThan(4.99);
      expect(curves['0']![layer]!.at(-1)).toBeGreaterThan(5);
    }
    // Lesson 2: the largest unit norm without max-norm is 1,280–4,990 (to the ten); both arms end at 8–16.5 %.
    expect(within(finalNorms[0].map((v) => Math.round(v / 10) * 10), 1280, 4990)).toBe(true);
    expect(within([...accuracy[0], ...accuracy[5]], 0.08, 0.165)).toBe(true);
  });

  it('max-norm exercise: at η = 0.3 neither arm trains; at η = 0.1 both train alike (about 74 %) and max-norm never acts', async () => {
    const high = (await trainPreset('max-norm', { lr: 0.3 })).results;
    const atHigh = { 0: finite(high.accuracyAt('0')), 5: finite(high.accuracyAt('5')) };
    log('max-norm-0.3', atHigh);
    // "At rates 1 and 0.3 both arms stay near chance."
    expect(Math.max(...atHigh[0], ...atHigh[5])).toBeLessThan(0.3);
    const { seeds, results } = await trainPreset('max-norm', { lr: 0.1 }, MAX_NORM_LAYERS);
    const accuracy = { 0: finite(results.accuracyAt('0')), 5: finite(results.accuracyAt('5')) };
    const finalNorms = { 0: results.unitNorms.get('0')!, 5: results.unitNorms.get('5')! };
    log('max-norm-0.1', { seeds, accuracy, means: { 0: mean(accuracy[0]), 5: mean(accuracy[5]) }, finalNorms });
    // The exercise asks for ≥ 60 % in both arms; its answer: "around 74 % in 60 steps, the same in both, the largest
    // unit norm below 5, so the constraint never acts".
    expect(Math.min(...accuracy[0], ...accuracy[5])).toBeGreaterThanOrEqual(0.6);
    expect(accuracy[5]).toEqual(accuracy[0]);
    expect(Math.abs(mean(accuracy[0]) - 0.74)).toBeLessThan(0.015);
    expect(Math.max(...finalNorms[0])).toBeLessThan(5);
  });

  it('output layer: 14 softmax outputs instead of 10 give no reliable gain (difference within the seed-to-seed spread)', async () => {
    const { seeds, results } = await trainPreset('output-width');
    const ten = finite(results.accuracyAt('10'));
    const fourteen = finite(results.accuracyAt('14'));
    const comparison = outputComparison(results)!;
    const differences = fourteen.map((v, s) => Math.round((v - ten[s]!) * 1000) / 1000);
    log('outputs-10-vs-14', { ...comparison, seeds, 10: ten, 14: fourteen, differences });
    // Honest check, not a win for either side: the mean difference is smaller than one standard deviation of the
    // 10-output accuracies across seeds, and 14 outputs do not win on every seed.
    expect(Math.abs(comparison.meanDifference)).toBeLessThan(Math.max(comparison.spread, 0.01));
    expect(comparison.wins).toBeLessThan(seeds.length);
    // Lesson 3: 10 outputs 85.5–87 %, 14 outputs 83.5–89 %; 14 win on 3 of 5 by 0.5 point on average; spread 0.6
    // point; differences +3.5, +1.0, −2.0, −1.0, +1.0 points.
    expect(within(ten, 0.855, 0.87) && within(fourteen, 0.835, 0.89)).toBe(true);
    expect(comparison.wins).toBe(3);
    expect(Math.round(comparison.meanDifference * 1000) / 10).toBe(0.5);
    expect(Math.round(comparison.spread * 1000) / 10).toBe(0.6);
    expect(differences).toEqual([0.035, 0.01, -0.02, -0.01, 0.01]);
  });
});
