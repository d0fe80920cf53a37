/**
 * Lesson "deeper networks" (chapter 2): what the prose says about `extrapolation`, `deep-sigmoid`,
 * `deep-relu-he` and `width-sweep`, and the `small-width` exercise's goal, checked on the engine over seeds 1–5
 * with the widgets' own plans and readouts.
 */
import { describe, expect, it } from 'vitest';
import { functionFit } from '@widgets/function-fit/definition';
import { functionFitPlan } from '@widgets/function-fit/plan';
import { extrapolationSlopes } from '@widgets/function-fit/units';
import { presetState } from '@widgets/shell/definition';
import { exercises } from '@teach/exercises/registry';
import { gradientFlowRun, perSeed } from './presets';
import { CLAIM_SEEDS, finalLosses, tally, trainPlan } from './run-plan';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const round = (value: number) => Number(value.toPrecision(3));

describe('extrapolation: 8 tanh units fitted on [−3, 3], drawn on [−9, 9]', () => {
  it('far outside (|x| > 6) the fit flattens: its mean slope is about a quarter to a third of the slope inside', async () => {
    const slopes: { inside: number; outside: number }[] = [];
    for (const seed of CLAIM_SEEDS) {
      const state = { ...presetState(functionFit, 'extrapolation'), seed };
      const [events] = await trainPlan(functionFitPlan(state));
      const probe = events!.at(-1)!.probe!;
      slopes.push(extrapolationSlopes(probe.inputs.map((input, index) => ({ x: input[0]!, y: probe.predictions[0]![index]![0]! }))));
    }
    log('extrapolation', slopes.map(({ inside, outside }) => ({ inside: round(inside), outside: round(outside), ratio: round(outside / inside) })));
    // The prose: "about a quarter to a third" (seeds 1–5: 0.23, 0.33, 0.27, 0.30, 0.29); not flat yet, the
    // constant is only the limit.
    expect(tally(slopes.map(({ inside, outside }) => outside > inside / 5 && outside < 0.35 * inside))).toBe('5/5');
  });
});

describe('gradient flow: 8 layers of 16, SGD, 100 epochs on the sine', () => {
  it('deep-sigmoid: the gradient falls by orders of magnitude from the output to the first layer', async () => {
    const runs = [];
    for (const seed of CLAIM_SEEDS) runs.push(await gradientFlowRun('deep-sigmoid', seed));
    log('deep-sigmoid', runs.map(({ ratio }) => round(ratio)));
    expect(tally(runs.map(({ ratio }) => ratio < 1e-3))).toBe('5/5');
  });

  it('deep-relu-he: with ReLU and he_normal the gradient reaches the first layer', async () => {
    const runs = [];
    for (const seed of CLAIM_SEEDS) runs.push(await gradientFlowRun('deep-relu-he', seed));
    log('deep-relu-he', runs.map(({ ratio, spread }) => ({ ratio: round(ratio), spread: round(spread) })));
    // "not by many orders": the first layer's norm stays within one order of magnitude of the output layer's.
    expect(tally(runs.map(({ ratio }) => ratio > 0.1 && ratio < 10))).toBe('5/5');
    // "the norms of all layers are of the same order": largest over smallest below 10.
    expect(tally(runs.map(({ spread }) => spread < 10))).toBe('5/5');
  });
});

describe('width-sweep: one tanh layer of 1 … 64 units on the sine, Adam 0.02, 200 epochs', () => {
  it('wider helps at first, then the curve flattens', async () => {
    const runs = await perSeed('width-sweep', CLAIM_SEEDS);
    log('width-sweep', runs.map((finals) => Object.fromEntries(Object.entries(finals).map(([width, loss]) => [width, round(loss)]))));
    const at = (finals: Record<string, number>, width: number) => finals[String(width)]!;
    // From 1 to 8 units the loss falls more than five times …
    expect(tally(runs.map((f) => at(f, 1) > 5 * at(f, 8)))).toBe('5/5');
    // … and then "usually" flattens: no wider layer is five times better than 8 units (seed 3: 64 units are 7.4 times better).
    const flattens = runs.map((f) => Math.min(at(f, 16), at(f, 32), at(f, 64)) > at(f, 8) / 5);
    expect(tally(flattens)).toMatch(/^[45]\//);
    expect(flattens[0]).toBe(true);
  });
});

describe('small-width exercise: loss < 0.01 on the sine with ≤ 3 tanh units, changing only width, epochs and seed', () => {
  it('3 units at the default 300 epochs reach it on some seeds only; at 1000 epochs on every seed', async () => {
    expect(exercises['small-width'].lesson).toBe('how-networks-learn/deeper-networks');
    const goal = 0.01;
    const rows: { at300: number; at1000: number }[] = [];
    for (const seed of CLAIM_SEEDS) {
      // One run of 1000 epochs: Adam at a fixed rate, so its loss after 300 epochs is what a 300-epoch run ends at.
      const [events] = await trainPlan(functionFitPlan({ ...presetState(functionFit, 'tanh-units'), seed, width: 3, epochs: 1000 }));
      rows.push({ at300: events!.find((event) => event.epoch === 300)!.members[0]!.trainLoss, at1000: finalLosses(events!)[0]! });
    }
    log('small-width', rows.map(({ at300, at1000 }) => ({ at300: round(at300), at1000: round(at1000) })));
    // "with 300 epochs it depends on the seed: on some seeds the loss stays above 0.01"
    expect(tally(rows.map(({ at300 }) => at300 < goal))).toMatch(/^[1-4]\//);
    // "about 1000 epochs are usually enough": on seeds 1–5 they are.
    expect(tally(rows.map(({ at1000 }) => at1000 < goal))).toBe('5/5');
  });
});
