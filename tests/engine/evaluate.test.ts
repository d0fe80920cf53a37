/**
 * Evaluation without training (`trainer.evaluate`, G3) and the digits split accessor (`digitsSplit`, G8): the
 * shipped digits MLP scores its recorded accuracy on the validation split on every compute path, rows sent by
 * the caller score like the split they came from, no step is counted and the weights stay.
 */
import { describe, expect, it } from 'vitest';
import { createTrainer } from '@engine/client';
import type { RunConfig } from '@engine/config';
import { buildDataset } from '@engine/datasets';
import { digitsSplit } from '@engine/datasets/digits-split';
import { classEncoding } from '@engine/model/encoding';
import { DIGITS_MLP_VALIDATION_ACCURACY, loadPretrained, PRETRAINED_CONFIGS } from '@engine/pretrained';
import type { EngineEvent, EvaluationEvent } from '@engine/telemetry';
import { scorePredictions } from '@engine/train/evaluation';
import { pruneCheckpoint } from '@engine/train/prune';
import { validateConfig } from '@engine/validate';

function session(config: RunConfig) {
  const events: EngineEvent[] = [];
  const waiters: { test: (e: EngineEvent) => boolean; resolve: (e: EngineEvent) => void }[] = [];
  const trainer = createTrainer(config, (event) => {
    events.push(event);
    for (const w of [...waiters]) if (w.test(event)) (waiters.splice(waiters.indexOf(w), 1), w.resolve(event));
  });
  const next = <T extends EngineEvent>(test: (e: EngineEvent) => boolean) =>
    new Promise<T>((resolve, reject) => {
      const found = events.find(test);
      if (found) return resolve(found as T);
      const timer = setTimeout(() => reject(new Error(`timed out; events: ${events.map((e) => e.type).join(',')}`)), 60_000);
      waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e as T)) });
    });
  return { trainer, events, next };
}

describe('scorePredictions', () => {
  it('categorical cross-entropy is −log p of the true class; accuracy counts argmax hits', () => {
    const predictions = [[[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]], [[0.2, 0.5, 0.3], [0.5, 0.25, 0.25]]];
    const [a, b] = scorePredictions(predictions, [0, 1], 'categorical_crossentropy', classEncoding('categorical_crossentropy', 3));
    expect(a!.loss).toBeCloseTo((-Math.log(0.7) - Math.log(0.3)) / 2, 6);
    expect(a!.accuracy).toBe(0.5);
    expect(b!.loss).toBeCloseTo((-Math.log(0.2) - Math.log(0.25)) / 2, 6);
    expect(b!.accuracy).toBe(0);
  });

  it('mse averages over outputs; one-output classifiers use the threshold; regression has no accuracy', () => {
    const [mse] = scorePredictions([[[1, 3]]], [[0, 1]], 'mse', null);
    expect(mse).toEqual({ loss: (1 + 4) / 2, accuracy: null });
    const [binary] = scorePredictions([[[0.9], [0.4], [0.6]]], [1, 1, 0], 'binary_crossentropy', classEncoding('binary_crossentropy', 1));
    expect(binary!.accuracy).toBeCloseTo(1 / 3, 12);
    expect(binary!.loss).toBeCloseTo((-Math.log(0.9) - Math.log(0.4) - Math.log(0.4)) / 3, 5);
  });
});

describe('digitsSplit', () => {
  it('gives the trainer\'s 700 / 200 / 100 rows with labels, and another data seed another split', async () => {
    const split = await digitsSplit(1);
    expect([split.train.inputs.length, split.validation.inputs.length, split.test.inputs.length]).toEqual([700, 200, 100]);
    expect(split.validation.labels).toHaveLength(200);
    expect(split.validation.inputs.every((row) => row.length === 784 && row.every((v) => v >= 0 && v <= 1))).toBe(true);
    const dataset = await buildDataset(validateConfig(PRETRAINED_CONFIGS['digits-mlp']).dataset);
    expect(split.validation.labels).toEqual(Array.from(dataset.validation.targets));
    expect(split.validation.inputs[17]).toEqual(Array.from(dataset.validation.inputs.subarray(17 * 784, 18 * 784)));
    const other = await digitsSplit(2);
    expect(other.validation.labels).not.toEqual(split.validation.labels);
  });
});

describe('trainer.evaluate', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`${backend}: the pruned digits MLP as a population, scored without a step`, async () => {
      const base = PRETRAINED_CONFIGS['digits-mlp'];
      const { trainer, next } = session({ ...base, population: { size: 3 }, runtime: { backend } });
      const { checkpoint } = pruneCheckpoint(await loadPretrained('digits-mlp'), [0, 0.5, 1]);
      trainer.start();
      trainer.pause();
      trainer.restore(checkpoint);
      const id = trainer.evaluate('validation');
      const event = await next<EvaluationEvent>((e) => e.type === 'evaluation' && e.requestId === id);
      expect(event.split).toBe('validation');
      expect(event.count).toBe(200);
      expect(event.members[0]!.accuracy).toBeCloseTo(DIGITS_MLP_VALIDATION_ACCURACY, 6);
      expect(event.members[1]!.accuracy).toBeGreaterThan(0.8);
      expect(event.members[2]!.accuracy).toBeLessThan(0.2); // no kernel weight left: one guess for every digit
      expect(event.members[2]!.loss).toBeGreaterThan(event.members[0]!.loss);
      // The caller's rows score like the split they came from; the weights did not move.
      const { validation } = await digitsSplit(1);
      const rowsId = trainer.evaluate({ inputs: validation.inputs, targets: validation.labels, label: 'again' });
      const rows = await next<EvaluationEvent>((e) => e.type === 'evaluation' && e.requestId === rowsId);
      expect(rows.split).toBe('rows');
      expect(rows.label).toBe('again');
      expect(event.label).toBeUndefined();
      rows.members.forEach((m, p) => {
        expect(m.accuracy).toBe(event.members[p]!.accuracy);
        expect(m.loss).toBeCloseTo(event.members[p]!.loss, 5);
      });
      trainer.save();
      const saved = await next<Extract<EngineEvent, { type: 'checkpoint' }>>((e) => e.type === 'checkpoint');
      expect(saved.checkpoint.step).toBe(0);
      expect(saved.checkpoint.members[1]!['hidden/kernel']!.data.filter((v) => v === 0).length).toBe(Math.round(784 * 32 * 0.5));
      trainer.evaluate({ inputs: validation.inputs.slice(0, 2), targets: [3] });
      const error = await next<Extract<EngineEvent, { type: 'error' }>>((e) => e.type === 'error');
      expect(error.code).toBe('length_mismatch');
      trainer.cancel();
    });
  }
});
