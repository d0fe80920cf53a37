/**
 * Lesson "one neuron" (chapter 2): what the prose says about `sgd-vs-momentum` and `relu-neurons`, checked
 * on the engine over five seeds. Where a claim holds on most seeds only, the prose says "usually"; the default
 * seed (1) is always one where it holds.
 */
import { describe, expect, it } from 'vitest';
import { fitFinals } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';

describe('sgd-vs-momentum: SGD at η, momentum at η (μ = 0.9), SGD at η/(1 − μ)', () => {
  it('momentum usually ends below SGD at the same η, and below SGD at the ten-times step', async () => {
    const runs: Record<string, number>[] = [];
    for (const seed of CLAIM_SEEDS) runs.push(await fitFinals('sgd-vs-momentum', seed));
    const belowSgd = runs.map((f) => f.momentum! < f.sgd!);
    const belowLarge = runs.map((f) => f.momentum! < f.sgdLarge!);
    expect(tally(belowSgd), 'momentum < SGD(η)').toMatch(/^[45]\//);
    expect(tally(belowLarge), 'momentum < SGD(10η)').toMatch(/^[45]\//);
    // The prose: the big fixed step sometimes blows up in the first epochs.
    expect(runs.some((f) => !Number.isFinite(f.sgdLarge!)), 'SGD(10η) diverges on some seed').toBe(true);
    // The pt prose names seed 2 as one where the reader sees it diverge.
    expect(Number.isFinite(runs[1]!.sgdLarge!), 'SGD(10η) diverges on seed 2').toBe(false);
    // The default seed shows all of it.
    expect(belowSgd[0] && belowLarge[0]).toBe(true);
  });
});

describe('relu-neurons: one ReLU layer on the sine (he_normal, Adam 0.02, 300 epochs), the width raised from 5 to 10', () => {
  it('the final loss falls when the width goes from 5 to 10', async () => {
    const rows: { w5: number; w10: number }[] = [];
    for (const seed of CLAIM_SEEDS) {
      const [w5, w10] = [await fitFinals('relu-neurons', seed), await fitFinals('relu-neurons', seed, { width: 10 })].map((finals) => Object.values(finals)[0]!);
      rows.push({ w5: w5!, w10: w10! });
    }
    console.log(`[claim] relu-neurons: ${JSON.stringify(rows.map(({ w5, w10 }) => ({ w5: Number(w5.toPrecision(3)), w10: Number(w10.toPrecision(3)) })))}`);
    // The prose names width 10: wider still is not always lower (measured once: 20 units end above 10 on seeds 1 and 4).
    expect(tally(rows.map(({ w5, w10 }) => w10 < w5)), 'loss(10) < loss(5)').toBe('5/5');
  });
});
