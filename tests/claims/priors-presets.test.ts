/**
 * Claims of chapter 3, lesson `priors` (docs/deep-learning-myth/outline.md, experiments `mlp-vs-convnet` and
 * `permuted-pixels`), on the runs and seeds the widget shows: each DigitsExperiment preset trained once as the
 * reader's page trains it with the CPU backend (digits-presets.ts: dense-wasm for both networks, the convnet's
 * conv and pool layers included). The per-seed numbers are logged as [claim] lines; the
 * outline's «Measured:» lines quote them.
 */
import { describe, expect, it } from 'vitest';
import { PRIOR_SIZES, priorArm, type PriorNetwork } from '@widgets/digits-experiment/plans-priors';
import type { DigitsResults } from '@widgets/digits-experiment/results';
import { mean, tally } from './digits-lab';
import { trainPreset } from './digits-presets';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
/** Final validation accuracy per seed at each size; a diverged seed reads NaN and fails the claims. */
const round = (rows: number[][]) => rows.map((row) => row.map((v) => Math.round(v * 1000) / 1000));
/** Final validation accuracy per seed at each size; a diverged seed reads NaN and fails the claims. */
const finals = (results: DigitsResults, network: PriorNetwork): number[][] =>
  PRIOR_SIZES.map((size) => results.accuracyAt(priorArm(network, size)).map((v) => v ?? Number.NaN));
const gapsOf = (a: number[][], b: number[][]) => PRIOR_SIZES.map((_, i) => Math.round((mean(a[i]!) - mean(b[i]!)) * 1000) / 1000);

describe('priors claims (the runs and seeds the widget shows)', async () => {
  const original = await trainPreset('mlp-vs-convnet');
  const permuted = await trainPreset('permuted-pixels');
  const seeds = original.seeds;
  const mlp = finals(original.results, 'mlp');
  const convnet = finals(original.results, 'convnet');
  const mlpPermuted = finals(permuted.results, 'mlp');
  const convnetPermuted = finals(permuted.results, 'convnet');
  log('mlp-vs-convnet', { seeds, sizes: PRIOR_SIZES, mlp: round(mlp), convnet: round(convnet), 'convnet − mlp (means)': gapsOf(convnet, mlp) });
  log('permuted-pixels', { seeds, sizes: PRIOR_SIZES, mlp: round(mlpPermuted), convnet: round(convnetPermuted), 'convnet − mlp (means)': gapsOf(convnetPermuted, mlpPermuted) });
  log('permuted − original (means)', { mlp: gapsOf(mlpPermuted, mlp), convnet: gapsOf(convnetPermuted, convnet) });

  it('mlp-vs-convnet: the convnet beats the equal-sized MLP at every size on average and usually on each seed (at least 4 of 5); the gap is largest at 100 digits', () => {
    const gaps = gapsOf(convnet, mlp);
    expect(gaps.every((gap) => gap > 0), JSON.stringify(gaps)).toBe(true);
    expect(gaps[0]).toBeGreaterThan(Math.max(...gaps.slice(1)));
    PRIOR_SIZES.forEach((size, i) => {
      const held = seeds.map((_, s) => convnet[i]![s]! > mlp[i]![s]!);
      expect(held.filter(Boolean).length, `${size} digits: ${tally(held, seeds)}`).toBeGreaterThanOrEqual(4);
    });
  });

  it('permuted-pixels: the MLP stays within 3 points of its own accuracy on the originals; the convnet drops on every seed at every size and keeps less than half of its edge', () => {
    const mlpShift = gapsOf(mlpPermuted, mlp);
    expect(mlpShift.every((d) => Math.abs(d) <= 0.03), JSON.stringify(mlpShift)).toBe(true);
    const dropped = seeds.map((_, s) => PRIOR_SIZES.every((_, i) => convnetPermuted[i]![s]! < convnet[i]![s]!));
    expect(dropped.every(Boolean), tally(dropped, seeds)).toBe(true);
    const edge = gapsOf(convnet, mlp);
    const edgePermuted = gapsOf(convnetPermuted, mlpPermuted);
    expect(edgePermuted.every((d, i) => d < edge[i]! / 2), JSON.stringify({ edge, edgePermuted })).toBe(true);
  });
});
