/**
 * The digits experiments' data (datasets/digit-subset.ts): a digits dataset that trains on the held-out digits
 * or on the first k per class, labeled by digit or parity, gives exactly the rows the claims harness trains on
 * (tests/claims/digits-lab.ts: inline rows behind a 100 % training split); validation stays the 200 validation
 * digits; `training.steps` ends a run after n steps; the shipped pretrained net scores what configs.ts says.
 */
import { describe, expect, it } from 'vitest';
import { createTrainer } from '@engine/client';
import type { RunConfig } from '@engine/config';
import { buildDataset } from '@engine/datasets';
import { loadDigits } from '@engine/datasets/digits';
import { augmentRows } from '@engine/datasets/augment';
import { firstPerClassRows, selectRows } from '@engine/datasets/digit-subset';
import { splitData } from '@engine/datasets/split';
import { DIGITS_MLP_VALIDATION_ACCURACY, loadPretrained } from '@engine/pretrained';
import type { EngineEvent, ProgressEvent } from '@engine/telemetry';
import { validateConfig } from '@engine/validate';
import { EngineError } from '@engine/errors';

const base = (dataset: Record<string, unknown>, layers = 10): RunConfig => ({
  model: { inputShape: [784], layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: layers, activation: 'softmax' }] },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits', ...dataset } as RunConfig['dataset'],
});

const problems = (config: RunConfig): string[] => {
  try {
    validateConfig(config);
    return [];
  } catch (error) {
    return (error as EngineError).issues.map((issue) => issue.field ?? '');
  }
};

/** The harness's path: split, pick rows, then an inline dataset with a 100 % training split shuffles them. */
async function harnessTrain(pick: 'test' | 'perClass', parity: boolean) {
  const raw = await loadDigits();
  const split = splitData(raw, { train: 0.7, validation: 0.2 }, false, 1, 1);
  const rows = pick === 'test' ? split.test : selectRows(split.train, firstPerClassRows(split.train.targets, 10));
  const labels = Array.from(rows.targets, (v) => (parity ? Math.round(v) % 2 : Math.round(v)));
  const inputs = Array.from({ length: rows.count }, (_, i) => Array.from(rows.inputs.subarray(i * 784, (i + 1) * 784)));
  return splitData({ inputs, targets: labels }, { train: 1, validation: 0 }, false, 1, 1).train;
}

describe('digits subsets', () => {
  it('the held-out digits labeled by parity are the harness\'s rows, in the harness\'s order', async () => {
    const data = await buildDataset(validateConfig(base({ trainOn: { split: 'test' }, labels: 'parity' }, 2)).dataset);
    const expected = await harnessTrain('test', true);
    expect(data.train.count).toBe(100);
    expect(data.classes).toBe(2);
    expect(Array.from(data.train.targets)).toEqual(Array.from(expected.targets));
    expect(data.train.inputs).toEqual(expected.inputs);
    expect(data.validation.count).toBe(200);
    expect(new Set(data.validation.targets)).toEqual(new Set([0, 1]));
  });

  it('the first 10 training digits per class are balanced and match the harness', async () => {
    const data = await buildDataset(validateConfig(base({ trainOn: { split: 'train', perClass: 10 } })).dataset);
    const expected = await harnessTrain('perClass', false);
    expect(Array.from(data.train.targets)).toEqual(Array.from(expected.targets));
    expect(data.train.inputs).toEqual(expected.inputs);
    const counts = new Map<number, number>();
    data.train.targets.forEach((label) => counts.set(label, (counts.get(label) ?? 0) + 1));
    expect([...counts.values()]).toEqual(new Array(10).fill(10));
  });

  it('augmented training rows are the harness\'s augmentRows of the first k per class, shuffled the same way; validation untouched', async () => {
    const transforms = [{ name: 'shift' as const, amount: 1 }, { name: 'hflip' as const }];
    const data = await buildDataset(validateConfig(base({ trainOn: { split: 'train', perClass: 10 }, augment: { transforms, copies: 4, seed: 7 } })).dataset);
    const raw = await loadDigits();
    const split = splitData(raw, { train: 0.7, validation: 0.2 }, false, 1, 1);
    const rows = selectRows(split.train, firstPerClassRows(split.train.targets, 10));
    const inputs = Array.from({ length: rows.count }, (_, i) => Array.from(rows.inputs.subarray(i * 784, (i + 1) * 784)));
    const copies = augmentRows(inputs, Array.from(rows.targets), transforms, 4, 7);
    const expected = splitData({ inputs: copies.inputs, targets: copies.labels }, { train: 1, validation: 0 }, false, 1, 1).train;
    expect(data.train.count).toBe(500);
    expect(Array.from(data.train.targets)).toEqual(Array.from(expected.targets));
    expect(data.train.inputs).toEqual(expected.inputs);
    expect(data.validation.inputs).toEqual(split.validation.inputs);
    expect(problems(base({ augment: { transforms: [{ name: 'vflip' }], copies: 4 } }))).toContain('dataset.augment.transforms.0.name');
    expect(problems(base({ augment: { transforms: [{ name: 'shift', amount: 9 }], copies: 4 } }))).toContain('dataset.augment.transforms.0.amount');
    expect(problems(base({ augment: { transforms: [], copies: 50 } }))).toContain('dataset.augment.copies');
  });

  it('declares more classes than labels, and rejects what cannot be', () => {
    expect(problems(base({ classes: 14 }, 14))).toEqual([]);
    expect(problems(base({ classes: 9 }, 9))).toContain('dataset.classes');
    expect(problems(base({ labels: 'parity', classes: 1 }, 1))).toContain('dataset.classes');
    expect(problems(base({ labels: 'colour' }))).toContain('dataset.labels');
    expect(problems(base({ trainOn: { split: 'validation' } }))).toContain('dataset.trainOn.split');
    expect(problems(base({ trainOn: { split: 'test', perClass: 0 } }))).toContain('dataset.trainOn.perClass');
    expect(problems(base({ trainOn: { split: 'test', rows: 3 } }))).toContain('dataset.trainOn.rows');
    expect(problems({ ...base({}), training: { ...base({}).training, steps: -1 } })).toContain('training.steps');
  });

  it('the shipped pretrained MLP scores DIGITS_MLP_VALIDATION_ACCURACY on the validation digits', async () => {
    const data = await buildDataset(validateConfig(base({})).dataset);
    const member = (await loadPretrained('digits-mlp')).members[0]!;
    const [w1, b1, w2, b2] = ['hidden/kernel', 'hidden/bias', 'output/kernel', 'output/bias'].map((name) => member[name]!.data);
    let correct = 0;
    for (let r = 0; r < data.validation.count; r++) {
      const hidden = Array.from({ length: 32 }, (_, j) => {
        let sum = b1![j]!;
        for (let i = 0; i < 784; i++) sum += data.validation.inputs[r * 784 + i]! * w1![i * 32 + j]!;
        return Math.max(0, sum);
      });
      const outputs = Array.from({ length: 10 }, (_, k) => hidden.reduce((sum, h, j) => sum + h * w2![j * 10 + k]!, b2![k]!));
      if (outputs.indexOf(Math.max(...outputs)) === data.validation.targets[r]) correct++;
    }
    expect(correct / data.validation.count).toBe(DIGITS_MLP_VALIDATION_ACCURACY);
  });

  it('training.steps ends the run after that many steps, between epochs', async () => {
    const events: EngineEvent[] = [];
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const config: RunConfig = { ...base({ trainOn: { split: 'test' } }), training: { ...base({}).training, steps: 7 }, telemetry: { every: 5, trainMetrics: false }, runtime: { backend: 'cpu' } };
    const trainer = createTrainer(config, (event) => {
      events.push(event);
      if (event.type === 'done' || event.type === 'error') done();
    });
    trainer.start();
    await finished;
    trainer.cancel();
    expect(events.filter((e): e is ProgressEvent => e.type === 'progress').map((e) => e.step)).toEqual([5, 7]);
    expect(events.find((e) => e.type === 'done')).toMatchObject({ step: 7 });
    // Without train metrics the train loss is the batch mean, train accuracy is not measured, validation still is.
    const last = events.filter((e): e is ProgressEvent => e.type === 'progress').at(-1)!.members[0]!;
    expect(last.trainAccuracy).toBeNull();
    expect(Number.isFinite(last.trainLoss)).toBe(true);
    expect(last.validationAccuracy).toBeGreaterThan(0);
  });
});
