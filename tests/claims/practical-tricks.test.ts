/**
 * Claims of chapter 1, «Practical tricks» (docs/practical-tricks/outline.md), checked on the engine over seeds
 * 1–5. Each test trains the experiment the lesson shows (reduced to the steps its claim needs) and asserts what
 * the prose says; the outline records which seeds hold.
 */
import { describe, expect, it } from 'vitest';
import type { DenseLayerSpec } from '@engine/config';
import { augmentRows, type AugmentationSpec } from '@engine/datasets/augment';
import { decoupledWeightDecay } from '@engine/train/weight-decay';
import { ACTIVATIONS, ActivationResults, activationsPlan, seedsOf as activationSeeds } from '@widgets/gradient-flow/activations';
import { gradientFlow } from '@widgets/gradient-flow/definition';
import { presetState } from '@widgets/shell/definition';
import { trainOnPagePath } from './digits-presets';
import { CLAIM_SEEDS, accuracies, copyPretrained, createSession, digitSplits, firstPerClass, mean, seedMembers, tally } from './digits-lab';

const mlp = (units: number, dropout = 0): DenseLayerSpec[] => [
  { type: 'dense', units, activation: 'relu', dropout, name: 'hidden' },
  { type: 'dense', units: 10, activation: 'softmax', name: 'output' },
];
const adam = (learningRate: number) => ({ name: 'adam' as const, learningRate });
const per = <T>(values: T[], members: number, index: number): T[] => values.slice(index * members, (index + 1) * members);
const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);

describe('practical-tricks claims (seeds 1–5)', () => {
  it('learning curve: validation accuracy grows with the number of training digits (50 → 700)', async () => {
    const { train, validation } = await digitSplits();
    const sizes = [50, 100, 200, 700];
    const curves: number[][] = [];
    for (const size of sizes) {
      const data = size === 700 ? train : firstPerClass(train, size / 10);
      const session = await createSession({ layers: mlp(32), optimizer: adam(0.003), data, members: seedMembers() });
      session.runSteps(80, false);
      curves.push(await accuracies(session, validation));
      session.dispose();
    }
    log('learning-curve', { sizes, curves });
    const held = CLAIM_SEEDS.map((_, s) => curves.every((c, i) => i === 0 || c[s]! > curves[i - 1]![s]!));
    expect(held.every(Boolean), tally(held)).toBe(true);
    expect(mean(curves.at(-1)!) - mean(curves[0]!)).toBeGreaterThan(0.15);
  });

  it('diagnosis: a 2-unit net underfits (low train accuracy, small gap); 32 units lift validation; 32 and 128 units overfit (train = 1, large gap) and 128 adds nothing over 32', async () => {
    const { train, validation } = await digitSplits();
    const data = firstPerClass(train, 20);
    const result: Record<string, { train: number[]; validation: number[] }> = {};
    for (const units of [2, 32, 128]) {
      const session = await createSession({ layers: mlp(units), optimizer: adam(0.003), data, members: seedMembers() });
      session.runSteps(120, false);
      result[units] = { train: await accuracies(session, data), validation: await accuracies(session, validation) };
      session.dispose();
    }
    log('diagnosis', result);
    const small = result[2]!;
    const large = result[128]!;
    const medium = result[32]!;
    const held = CLAIM_SEEDS.map((_, s) => {
      const smallGap = small.train[s]! - small.validation[s]!;
      const largeGap = large.train[s]! - large.validation[s]!;
      return small.train[s]! < 0.4 && largeGap > 2 * smallGap && large.train[s]! >= 0.99 && largeGap > 0.1 && medium.validation[s]! > small.validation[s]! + 0.1 && Math.abs(large.validation[s]! - medium.validation[s]!) < 0.04;
    });
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('activations: in a 5-hidden-layer net the gradient vanishes towards the input with sigmoid, not with tanh or ReLU; sigmoid barely learns while both others do', async () => {
    // The numbers the reader sees: GradientFlow `digits-activations` at its default state (seeds 1–5 per
    // activation), trained from the widget's own plan on the page's CPU path, read by the widget's own results.
    const state = presetState(gradientFlow, 'digits-activations');
    const results = new ActivationResults();
    (await trainOnPagePath(activationsPlan(state))).forEach((events, run) => events.forEach((event) => results.progress(run, event)));
    const ratio = Object.fromEntries(ACTIVATIONS.map((a) => [a, results.ratios(a, Number(state.depth))]));
    const loss = Object.fromEntries(ACTIVATIONS.map((a) => [a, results.finalLosses(a)]));
    log('activations', { seeds: activationSeeds(state), ratio, loss });
    // (a) sigmoid: the first hidden layer's gradient is about a hundredth of the fifth's; tanh and ReLU: at least
    // as large. (b) after the same steps sigmoid's loss has barely left ln 10 ≈ 2.30 while tanh has learned.
    const held = CLAIM_SEEDS.map((_, s) => ratio.sigmoid![s]! < 0.02 && ratio.tanh![s]! > 1 && ratio.relu![s]! > 1 && loss.sigmoid![s]! > 2.25 && loss.tanh![s]! < loss.sigmoid![s]! - 1);
    expect(held.every(Boolean), tally(held)).toBe(true);
    // ReLU "usually" learns within these steps (same Glorot init; its own best start is He, chapter 2).
    const relu = CLAIM_SEEDS.map((_, s) => loss.relu![s]! < 2.2);
    expect(relu.filter(Boolean).length, tally(relu)).toBeGreaterThanOrEqual(4);
  });

  it('dropout: on 100 digits a 128-unit net overfits (train = 1); dropout 0.2 or 0.5 moves validation accuracy by at most 3 points', async () => {
    const { train, validation } = await digitSplits();
    const data = firstPerClass(train, 10);
    const rates = [0, 0.2, 0.5];
    const members = rates.flatMap((dropout) => seedMembers({ dropout }));
    const session = await createSession({ layers: mlp(128), optimizer: adam(0.001), data, members });
    session.runSteps(100, false);
    const val = await accuracies(session, validation);
    const trn = await accuracies(session, data);
    session.dispose();
    const n = CLAIM_SEEDS.length;
    const byRate = rates.map((_, i) => per(val, n, i));
    log('dropout', { rates, validation: byRate, train: rates.map((_, i) => per(trn, n, i)) });
    // Honest finding (outline E5): the net overfits, and in a run this short dropout does not close the gap.
    const held = CLAIM_SEEDS.map((_, s) => trn[s]! === 1 && byRate[0]![s]! < 0.85 && [1, 2].every((i) => Math.abs(byRate[i]![s]! - byRate[0]![s]!) <= 0.03));
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('augmentation: shifts, small rotations and noise raise validation accuracy; a horizontal flip lowers it', async () => {
    const { train, validation } = await digitSplits();
    const data = firstPerClass(train, 10);
    const variants: Record<string, AugmentationSpec[]> = {
      none: [],
      'shift+rotate+noise': [{ name: 'shift', amount: 1 }, { name: 'rotate', amount: 8 }, { name: 'noise', amount: 0.1 }],
      hflip: [{ name: 'hflip' }],
    };
    const result: Record<string, number[]> = {};
    for (const [name, transforms] of Object.entries(variants)) {
      const augmented = augmentRows(data.inputs, data.labels, transforms, 4, 7);
      const session = await createSession({ layers: mlp(32), optimizer: adam(0.003), data: augmented, members: seedMembers() });
      session.runSteps(100, false);
      result[name] = await accuracies(session, validation);
      session.dispose();
    }
    log('augmentation', result);
    const held = CLAIM_SEEDS.map((_, s) => result['shift+rotate+noise']![s]! > result.none![s]! && result.hflip![s]! < result.none![s]!);
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('pretraining: the pretrained digits MLP fine-tuned on 100 new digits beats the same net from random init', async () => {
    const { fresh, validation } = await digitSplits();
    const result: Record<string, number[]> = {};
    for (const start of ['random', 'pretrained'] as const) {
      const session = await createSession({ layers: mlp(32), optimizer: adam(0.001), data: fresh, members: seedMembers() });
      if (start === 'pretrained') expect(await copyPretrained(session)).toHaveLength(4);
      session.runSteps(40, false);
      result[start] = await accuracies(session, validation);
      session.dispose();
    }
    log('pretraining', result);
    const held = CLAIM_SEEDS.map((_, s) => result.pretrained![s]! > result.random![s]! + 0.1);
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('weight decay equals an L2 penalty under SGD and differs from it under Adam', async () => {
    const { train } = await digitSplits();
    const data = firstPerClass(train, 20);
    const lambda = 0.1; // decay rate λ; the equal L2 penalty is (λ/2)·ΣW²
    const gap: Record<string, number[]> = {};
    for (const optimizer of [{ name: 'sgd' as const, learningRate: 0.1 }, adam(0.003)]) {
      const l2 = await createSession({ layers: mlp(16), optimizer, data, members: seedMembers(), l2: lambda / 2 });
      const wd = await createSession({ layers: mlp(16), optimizer, data, members: seedMembers() });
      l2.runSteps(30, false);
      for (let step = 0; step < 30; step++) {
        const before = await wd.readParams();
        wd.runSteps(1, false);
        wd.writeParams(decoupledWeightDecay(before, await wd.readParams(), CLAIM_SEEDS.map(() => optimizer.learningRate * lambda)));
      }
      const a = (await l2.readParams()).get('hidden/kernel')!.values;
      const b = (await wd.readParams()).get('hidden/kernel')!.values;
      const size = a.length / CLAIM_SEEDS.length;
      gap[optimizer.name] = CLAIM_SEEDS.map((_, s) => {
        let diff = 0;
        let norm = 0;
        for (let i = s * size; i < (s + 1) * size; i++) {
          diff += (a[i]! - b[i]!) ** 2;
          norm += a[i]! ** 2;
        }
        return Math.sqrt(diff / norm);
      });
      l2.dispose();
      wd.dispose();
    }
    log('weight-decay', gap);
    const held = CLAIM_SEEDS.map((_, s) => gap.sgd![s]! < 1e-4 && gap.adam![s]! > 1e-2);
    expect(held.every(Boolean), tally(held)).toBe(true);
  });
});
