/**
 * Claims of chapter 3's `pruning` and `adversarial` experiments (docs/deep-learning-myth/outline.md), checked on six
 * digits MLPs: the shipped pretrained net the widgets show and five trained here from seeds 1–5 with the base setup
 * (784-32-10 ReLU/softmax, he_normal, Adam 0.003, batch 32, 30 epochs on the 700 training digits; one population
 * on the path the page's CPU backend takes: dense-wasm). Every net is then only evaluated, with the widgets' own
 * levels, ε, digits and the engine calls they use (`pruneCheckpoint`, `evaluate`, `inputGradient`, `fgsm`,
 * `randomSignNoise`). The outline quotes the logged `[claim]` lines.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fgsm, randomSignNoise } from '@engine/adversarial';
import { activate } from '@engine/backends';
import type { Checkpoint, RunConfig } from '@engine/types';
import { digitsSplit } from '@engine/datasets/digits-split';
import { loadPretrained } from '@engine/pretrained';
import { DIGITS_MLP_CONFIG } from '@engine/pretrained/configs';
import { restoreCheckpoint, saveCheckpoint } from '@engine/train/checkpoint';
import { createKernel } from '@engine/train/compute-paths';
import { evaluate } from '@engine/train/evaluate-request';
import { pruneCheckpoint } from '@engine/train/prune';
import { SHOWN_LABELS, SHOWN_ROWS } from '@widgets/adversarial-digit/digits';
import { CURVE_EPSILONS, DIGIT_EPSILONS } from '@widgets/adversarial-digit/plan';
import { flipEpsilon } from '@widgets/adversarial-digit/island';
import { PRUNE_LEVELS } from '@widgets/prune-network/definition';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const SEEDS = [1, 2, 3, 4, 5] as const;
const NETS = ['pretrained', ...SEEDS.map((seed) => `seed ${seed}`)];
const round = (v: number) => Math.round(v * 1000) / 1000;

/** One member of a checkpoint as a one-member checkpoint. */
const single = (checkpoint: Checkpoint, member: number): Checkpoint => ({ ...checkpoint, members: [checkpoint.members[member]!] });

async function kernelWith(checkpoint: Checkpoint, size: number) {
  const config: RunConfig = { ...DIGITS_MLP_CONFIG, population: { size }, telemetry: { every: 1000, validation: false } };
  const kernel = await createKernel(config, 'cpu');
  restoreCheckpoint(kernel, checkpoint);
  return kernel;
}

let nets: Checkpoint[] = [];

beforeAll(async () => {
  if (!(await activate('cpu'))) throw new Error('cpu backend did not initialize');
  const config: RunConfig = {
    ...DIGITS_MLP_CONFIG,
    training: { ...DIGITS_MLP_CONFIG.training, epochs: 30 },
    population: { size: SEEDS.length, members: SEEDS.map((seed) => ({ seed })) },
    telemetry: { every: 1000, validation: false },
  };
  const kernel = await createKernel(config, 'cpu');
  try {
    expect(kernel.path).toBe('dense-wasm');
    kernel.runSteps(30 * kernel.stepsPerEpoch, false);
    const trained = await saveCheckpoint(kernel);
    nets = [await loadPretrained('digits-mlp'), ...SEEDS.map((_, p) => single(trained, p))];
  } finally {
    kernel.dispose();
  }
}, 600_000);

describe('deep-learning-myth: pruning and adversarial digits (shipped net + seeds 1–5)', () => {
  it('pruning per layer: half the weights cost a few points, 90 % usually halves accuracy, 98 % leaves a constant guess', async () => {
    const levels: number[] = [...PRUNE_LEVELS];
    const rows: Record<string, number[]> = {};
    // For the outline only (the widget prunes per layer): the same levels ranked over all kernels together, where
    // the small output layer (320 weights, larger ones) keeps more of its weights.
    for (const [n, net] of nets.entries()) {
      const kernel = await kernelWith(pruneCheckpoint(net, levels, { scope: 'global' }).checkpoint, levels.length);
      log(`pruning globally (not shown) ${NETS[n]}`, (await evaluate(kernel, 0, 'validation')).members.map((m) => round(m.accuracy ?? Number.NaN)));
      kernel.dispose();
    }
    for (const [n, net] of nets.entries()) {
      const kernel = await kernelWith(pruneCheckpoint(net, levels).checkpoint, levels.length);
      try {
        rows[NETS[n]!] = (await evaluate(kernel, 0, 'validation')).members.map((m) => round(m.accuracy ?? Number.NaN));
      } finally {
        kernel.dispose();
      }
    }
    log('pruning levels', levels);
    for (const [name, accuracy] of Object.entries(rows)) log(`pruning ${name}`, accuracy);
    const at = (level: number) => levels.indexOf(level);
    const drop = (accuracy: number[], level: number) => accuracy[0]! - accuracy[at(level)]!;
    const all = Object.values(rows);
    // Measured (the outline expected «within 2 points up to 0.8»; per layer, the 320-weight output layer cannot
    // spare that many): half the weights cost at most 6 points (the shipped net: 1), accuracy falls with every
    // level, 0.9 is below 55 % on every net and below 50 % on most, 0.98 and beyond is near a constant guess.
    expect(all.every((a) => drop(a, 0.5) <= 0.06)).toBe(true);
    expect(drop(rows.pretrained!, 0.5)).toBeLessThanOrEqual(0.02);
    expect(all.every((a) => a.every((v, i) => i === 0 || v <= a[i - 1]! + 1e-9))).toBe(true);
    expect(all.every((a) => a[at(0.9)]! < 0.55)).toBe(true);
    const below50 = all.filter((a) => a[at(0.9)]! < 0.5).length;
    log('pruning below 50 % at 0.9', `${below50}/${all.length} nets`);
    expect(below50).toBeGreaterThanOrEqual(4);
    expect(all.every((a) => a[at(0.98)]! < 0.2 && a[at(0.99)]! < 0.2)).toBe(true);
    // The shipped net is what the widget shows by default (s = 0.9): the exercise `prune-90` quotes it.
    log('prune-90 (shipped net, s = 0.9)', { unpruned: rows.pretrained![0], pruned: rows.pretrained![at(0.9)] });
  });

  it('FGSM: at ε = 0.1 accuracy falls below half of clean, random ±0.1 noise moves it by less than 3 points', async () => {
    const { inputs, labels } = (await digitsSplit(1)).validation;
    const curves: Record<string, { fgsm: number[]; noise: number[] }> = {};
    for (const [n, net] of nets.entries()) {
      const kernel = await kernelWith(net, 1);
      try {
        const gradients = (await kernel.inputGradient(inputs, labels)).gradients[0]!;
        const score = async (rows: number[][]) => round((await evaluate(kernel, 0, { inputs: rows, targets: labels })).members[0]!.accuracy!);
        const curve = { fgsm: [] as number[], noise: [] as number[] };
        // The whole curve for the shipped net (the widget's); ε = 0 and 0.1 for the other five (the claim).
        for (const epsilon of n === 0 ? CURVE_EPSILONS : [0, 0.1]) {
          curve.fgsm.push(await score(fgsm(inputs, gradients, epsilon)));
          curve.noise.push(await score(randomSignNoise(inputs, epsilon, 1)));
        }
        curves[NETS[n]!] = curve;
      } finally {
        kernel.dispose();
      }
    }
    log('fgsm epsilons (shipped net)', CURVE_EPSILONS);
    log('fgsm shipped net', curves.pretrained);
    const at = (name: string) => (name === 'pretrained' ? CURVE_EPSILONS.indexOf(0.1) : 1);
    const held = Object.entries(curves).map(([name, c]) => c.fgsm[at(name)]! < c.fgsm[0]! / 2 && Math.abs(c.noise[at(name)]! - c.fgsm[0]!) < 0.03);
    log('fgsm at 0.1 (clean, fgsm, noise)', Object.fromEntries(Object.entries(curves).map(([name, c]) => [name, [c.fgsm[0], c.fgsm[at(name)], c.noise[at(name)]]])));
    expect(held.every(Boolean)).toBe(true);
  });

  it('the 12 digits the widget attacks are read correctly by the shipped net; the default digit flips below ε = 0.1', async () => {
    const { inputs, labels } = (await digitsSplit(1)).validation;
    const kernel = await kernelWith(nets[0]!, 1);
    try {
      const rows = SHOWN_ROWS.map((row) => inputs[row]!);
      const { gradients: [gradients], losses: [losses] } = await kernel.inputGradient(rows, SHOWN_ROWS.map((row) => labels[row]!));
      // A loss below ~1e-7 leaves a gradient lost in float32 rounding (its signs differ between compute paths).
      expect(losses!.every((loss) => loss > 1e-6)).toBe(true);
      const flips: (number | null)[] = [];
      for (const [k, x] of rows.entries()) {
        const predictions = (await kernel.predict(DIGIT_EPSILONS.map((epsilon) => fgsm([x], [gradients![k]!], epsilon)[0]!)))[0]!;
        flips.push(flipEpsilon(predictions, SHOWN_LABELS[k]!));
        const answerAt = (epsilon: number) => { const row = predictions[Math.round(epsilon * 100)]!; return row.indexOf(Math.max(...row)); };
        expect(answerAt(0)).toBe(SHOWN_LABELS[k]);
        if (k === 0) log('default digit (a 7) at ε = 0.1', { answer: answerAt(0.1), probabilities: predictions[10]!.map(round) });
      }
      log('flip ε per shown digit', SHOWN_LABELS.map((label, k) => ({ digit: k, label, flip: flips[k] })));
      expect(flips[0]).not.toBeNull();
      expect(flips[0]!).toBeLessThanOrEqual(0.1);
    } finally {
      kernel.dispose();
    }
  });
});
