/**
 * Claims of chapter 5, «Seven tips» (docs/seven-tips/outline.md), checked on the engine over seeds 1–5. Each
 * test trains the experiment the lesson shows (reduced to the steps its claim needs) and asserts what the
 * prose says; the outline records which seeds hold.
 */
import { describe, expect, it } from 'vitest';
import type { DenseLayerSpec } from '@engine/config';
import { CLAIM_SEEDS, accuracies, copyPretrained, crossEntropies, createSession, digitSplits, firstPerClass, mean, seedMembers, tally, type Rows } from './digits-lab';

const adam = (learningRate: number) => ({ name: 'adam' as const, learningRate });
const per = <T>(values: T[], members: number, index: number): T[] => values.slice(index * members, (index + 1) * members);
const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
/** SGD + momentum 0.9 at this rate: large on purpose (see the outline's T4). */
const MAX_NORM_RATE = 1;
/** Largest incoming-weight norm over the units of member s of a [in, out] kernel (a unit is a column). */
function largestColumnNorm(kernel: { shape: number[]; values: Float32Array }, s: number): number {
  const [inputs, units] = kernel.shape as [number, number];
  const offset = s * inputs * units;
  let largest = 0;
  for (let j = 0; j < units; j++) {
    let sum = 0;
    for (let i = 0; i < inputs; i++) sum += kernel.values[offset + i * units + j]! ** 2;
    largest = Math.max(largest, Math.sqrt(sum));
  }
  return largest;
}
const parity = (rows: Rows): Rows => ({ inputs: rows.inputs, labels: rows.labels.map((l) => l % 2) });
/** The pretrained net's shape with a new 2-way head (even/odd): `hidden` may be frozen. */
const parityNet = (hiddenTrainable: boolean): DenseLayerSpec[] => [
  { type: 'dense', units: 32, activation: 'relu', name: 'hidden', trainable: hiddenTrainable },
  { type: 'dense', units: 2, activation: 'softmax', name: 'head' },
];

describe('seven-tips claims (seeds 1–5)', () => {
  it('frozen vs free vs scratch on a new easy task (even/odd, 100 labels): reusing the pretrained hidden layer gives no reliable gain', async () => {
    const { fresh, validation } = await digitSplits();
    const data = parity(fresh);
    const target = parity(validation);
    const result: Record<string, number[]> = {};
    for (const arm of ['scratch', 'frozen', 'free'] as const) {
      const session = await createSession({ layers: parityNet(arm !== 'frozen'), optimizer: adam(0.01), data, members: seedMembers(), classes: 2 });
      if (arm !== 'scratch') expect(await copyPretrained(session)).toEqual(['hidden/kernel', 'hidden/bias']);
      session.runSteps(60, false);
      result[arm] = await accuracies(session, target);
      session.dispose();
    }
    log('transfer', result);
    // Honest finding (outline T5): 100 labels are enough to learn even/odd from scratch, so reuse gains nothing here;
    // every arm lands within a few points of the others, and neither reuse arm beats scratch on average.
    const all = [...result.scratch!, ...result.frozen!, ...result.free!];
    expect(Math.max(...all) - Math.min(...all)).toBeLessThan(0.12);
    expect(Math.abs(mean(result.frozen!) - mean(result.scratch!))).toBeLessThan(0.03);
    expect(Math.abs(mean(result.free!) - mean(result.scratch!))).toBeLessThan(0.03);
  });

  it('fine-tuning rates: at 1e-1 the accuracy of the pretrained net first drops; at 1e-4 and 1e-3 it does not', async () => {
    const { fresh, validation } = await digitSplits();
    const rates = [1e-4, 1e-3, 1e-2, 1e-1];
    const members = rates.flatMap((learningRate) => seedMembers({ learningRate }));
    const session = await createSession({
      layers: [{ type: 'dense', units: 32, activation: 'relu', name: 'hidden' }, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }],
      optimizer: adam(0.001),
      data: fresh,
      members,
    });
    await copyPretrained(session);
    const start = await accuracies(session, validation);
    session.runSteps(3, false);
    const early = await accuracies(session, validation);
    session.runSteps(27, false);
    const late = await accuracies(session, validation);
    session.dispose();
    const n = CLAIM_SEEDS.length;
    log('fine-tune-rates', { rates, start: start[0], early: rates.map((_, i) => per(early, n, i)), late: rates.map((_, i) => per(late, n, i)) });
    const held = CLAIM_SEEDS.map((_, s) => {
      const at = (values: number[], i: number) => values[i * n + s]!;
      return at(early, 3) < start[0]! - 0.1 && at(early, 0) >= start[0]! - 0.02 && at(early, 1) >= start[0]! - 0.02 && at(late, 3) < at(late, 1);
    });
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('dropout × size: dropout 0.5 costs the 16-unit net 5–17 points and the 128-unit net at most 3 (100 digits)', async () => {
    const { train, validation } = await digitSplits();
    const data = firstPerClass(train, 10);
    const gain: Record<string, number[]> = {};
    const lossGain: Record<string, number[]> = {};
    const n = CLAIM_SEEDS.length;
    for (const units of [16, 128]) {
      const members = [0, 0.5].flatMap((dropout) => seedMembers({ dropout }));
      const session = await createSession({
        layers: [{ type: 'dense', units, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }],
        optimizer: adam(0.001),
        data,
        members,
      });
      session.runSteps(100, false);
      const val = await accuracies(session, validation);
      const loss = await crossEntropies(session, validation);
      session.dispose();
      gain[units] = CLAIM_SEEDS.map((_, s) => val[n + s]! - val[s]!);
      lossGain[units] = CLAIM_SEEDS.map((_, s) => loss[s]! - loss[n + s]!);
      log(`dropout-size-${units}`, { without: per(val, n, 0), with: per(val, n, 1), lossWithout: per(loss, n, 0), lossWith: per(loss, n, 1) });
    }
    log('dropout-size', { accuracyGain: gain, lossDrop: lossGain });
    const held = CLAIM_SEEDS.map((_, s) => gain[16]![s]! < -0.04 && gain[128]![s]! > -0.03 && gain[128]![s]! > gain[16]![s]!);
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('max-norm: with SGD at a rate too large for the source\'s net, max-norm 5 keeps every unit\'s weight norm ≤ 5 while the unconstrained weights grow past it, and neither arm trains', async () => {
    const { train, validation } = await digitSplits();
    const sourceNet = (maxNorm: number): DenseLayerSpec[] => [
      { type: 'dense', units: 128, activation: 'relu', maxNorm, dropout: 0.5, name: 'relu128' },
      { type: 'dense', units: 128, activation: 'tanh', maxNorm, dropout: 0.5, name: 'tanh128' },
      { type: 'dense', units: 10, activation: 'softmax', name: 'output' },
    ];
    const result: Record<string, { accuracy: number[]; largestUnitNorm: number[] }> = {};
    for (const maxNorm of [0, 5]) {
      const session = await createSession({
        layers: sourceNet(maxNorm),
        inputDropout: 0.2,
        initializer: { name: 'normal', scale: 0.05 },
        optimizer: { name: 'momentum', learningRate: MAX_NORM_RATE, momentum: 0.9 },
        data: train,
        members: seedMembers(),
      });
      session.runSteps(60, false);
      const params = await session.readParams();
      const largestUnitNorm = CLAIM_SEEDS.map((_, s) => Math.max(...['relu128/kernel', 'tanh128/kernel'].map((name) => largestColumnNorm(params.get(name)!, s))));
      result[maxNorm] = { accuracy: await accuracies(session, validation), largestUnitNorm };
      session.dispose();
    }
    log('max-norm', { rate: MAX_NORM_RATE, ...result });
    const held = CLAIM_SEEDS.map((_, s) => result[5]!.largestUnitNorm[s]! <= 5 + 1e-3 && result[0]!.largestUnitNorm[s]! > 5 && result[0]!.accuracy[s]! < 0.3 && result[5]!.accuracy[s]! < 0.3);
    expect(held.every(Boolean), tally(held)).toBe(true);
  });

  it('output layer: 14 softmax outputs instead of 10 give no reliable gain (difference within the seed-to-seed spread)', async () => {
    const { train, validation } = await digitSplits();
    const result: Record<string, number[]> = {};
    for (const outputs of [10, 14]) {
      const session = await createSession({
        layers: [{ type: 'dense', units: 32, activation: 'relu' }, { type: 'dense', units: outputs, activation: 'softmax' }],
        optimizer: adam(0.003),
        data: train,
        members: seedMembers(),
        // The engine sizes a softmax head to the declared classes: 14 declared, only 0–9 ever labeled (the source's setup).
        classes: outputs,
      });
      session.runSteps(100, false);
      result[outputs] = await accuracies(session, validation);
      session.dispose();
    }
    const differences = CLAIM_SEEDS.map((_, s) => result[14]![s]! - result[10]![s]!);
    const spread = Math.sqrt(mean(result[10]!.map((v) => (v - mean(result[10]!)) ** 2)));
    log('outputs-10-vs-14', { ...result, differences, spread });
    // Honest check, not a win for either side: the mean difference is small and smaller than one standard deviation
    // of the 10-output accuracies across seeds, and 14 outputs do not win on every seed.
    expect(Math.abs(mean(differences))).toBeLessThan(Math.max(spread, 0.01));
    expect(differences.filter((d) => d > 0).length).toBeLessThan(CLAIM_SEEDS.length);
  });
});
