/**
 * G4: the class subset + relabel transform of the digits, applied to every split (`dataset.transforms`), for
 * chapter 4's transfer experiment (pretrain on 0–4, transfer to 5–9 relabelled 0–4). The kept rows are exactly
 * the full dataset's rows of those classes in each split (nothing moves between splits), relabelled in the order
 * given; validation names the bad field; a network sized to the new classes trains on it.
 */
import { describe, expect, it } from 'vitest';
import type { DigitsDataset, RunConfig } from '@engine/config';
import { buildDataset, type DataSplit } from '@engine/datasets';
import { ConfigError } from '@engine/errors';
import { progress } from '@engine/train/progress';
import { validateConfig } from '@engine/validate';
import { kernelOn } from './paths';

const run = (dataset: Partial<DigitsDataset>, units = 5): RunConfig => ({
  model: { inputShape: [784], layers: [{ type: 'dense', units, activation: 'softmax' }] },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits', ...dataset },
});

const rowsOf = (split: DataSplit) => Array.from({ length: split.count }, (_, i) => Array.from(split.inputs.subarray(i * 784, (i + 1) * 784)).join(','));

function issue(config: RunConfig, field: string): string {
  try {
    validateConfig(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const found = error.issues.find((i) => i.field === field);
    if (found) return found.code;
    throw new Error(`no issue at ${field}: ${error.issues.map((i) => i.field).join(', ')}`);
  }
  throw new Error('config was accepted');
}

describe('dataset.transforms: classes (every split)', () => {
  it('keeps the same rows of 5–9 in each split as the full dataset, relabelled 5 → 0 … 9 → 4', async () => {
    const full = await buildDataset(validateConfig(run({}, 10)).dataset);
    const resolved = validateConfig(run({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }] }));
    expect(resolved.dataset).toMatchObject({ classes: 5 });
    const subset = await buildDataset(resolved.dataset);
    expect(subset.classes).toBe(5);
    for (const name of ['train', 'validation', 'test'] as const) {
      const before = full[name];
      const rows = rowsOf(before);
      const expected = Array.from({ length: before.count }, (_, i) => i).filter((i) => before.targets[i]! >= 5);
      expect(subset[name].count, name).toBe(expected.length);
      expect(rowsOf(subset[name])).toEqual(expected.map((i) => rows[i]));
      expect(Array.from(subset[name].targets)).toEqual(expected.map((i) => before.targets[i]! - 5));
    }
    expect(subset.train.count + subset.validation.count + subset.test.count).toBeGreaterThan(400); // about half of 1,000
  });

  it('relabels in the order given ([9, 3]: nines are class 0, threes class 1) and composes with trainOn.perClass', async () => {
    const d = await buildDataset(validateConfig(run({ transforms: [{ type: 'classes', keep: [9, 3] }] }, 2)).dataset);
    const full = await buildDataset(validateConfig(run({}, 10)).dataset);
    expect(Array.from(d.validation.targets).filter((t) => t === 0).length).toBe(Array.from(full.validation.targets).filter((t) => t === 9).length);
    expect(Array.from(d.validation.targets).filter((t) => t === 1).length).toBe(Array.from(full.validation.targets).filter((t) => t === 3).length);
    // The outline's transfer target: 10 training digits of each of 5–9 = 50 rows, validation all of 5–9.
    const few = await buildDataset(validateConfig(run({ trainOn: { split: 'train', perClass: 10 }, transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }] })).dataset);
    expect(few.train.count).toBe(50);
    expect([0, 1, 2, 3, 4].map((c) => Array.from(few.train.targets).filter((t) => t === c).length)).toEqual([10, 10, 10, 10, 10]);
  });

  it('rejects bad keep lists by field, and a 10-unit softmax on 5 kept classes', () => {
    const keep = (k: unknown) => run({ transforms: [{ type: 'classes', keep: k as number[] }] });
    expect(issue(keep([5, 10]), 'dataset.transforms[0].keep')).toBe('not_allowed');
    expect(issue(keep([5, 5, 6]), 'dataset.transforms[0].keep')).toBe('not_allowed');
    expect(issue(keep([5]), 'dataset.transforms[0].keep')).toBe('not_allowed');
    expect(issue(keep(undefined), 'dataset.transforms[0].keep')).toBe('missing');
    expect(issue(run({ labels: 'parity', transforms: [{ type: 'classes', keep: [0, 2] }] }, 2), 'dataset.transforms[0].keep')).toBe('not_allowed');
    expect(issue(run({ transforms: [{ type: 'shuffle' } as never] }), 'dataset.transforms[0].type')).toBe('not_allowed');
    expect(issue(run({ transforms: [{ type: 'classes', keep: [1, 2], relabel: false } as never] }, 2), 'dataset.transforms[0].relabel')).toBe('unknown_field');
    expect(issue(run({ transforms: { type: 'classes', keep: [1, 2] } as never }, 2), 'dataset.transforms')).toBe('not_allowed');
    expect(issue(run({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }] }, 10), 'model.layers[0].units')).toBe('output_mismatch');
    // A second transform indexes the classes the first one left.
    expect(validateConfig(run({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }, { type: 'classes', keep: [4, 0] }] }, 2)).dataset).toMatchObject({ classes: 2 });
    expect(issue(run({ transforms: [{ type: 'classes', keep: [5, 6, 7] }, { type: 'classes', keep: [3, 0] }] }, 2), 'dataset.transforms[1].keep')).toBe('not_allowed');
  });

  it('a 5-class network trains on the kept digits (dense-wasm): loss at init ≈ ln 5, confusion is 5×5', async () => {
    const config = run({ transforms: [{ type: 'classes', keep: [5, 6, 7, 8, 9] }] });
    config.telemetry = { confusion: true };
    const kernel = await kernelOn('dense-wasm', config);
    kernel.runSteps(1, true);
    const first = (await progress(kernel, 'cpu', 0)).event;
    expect(Math.abs(first.members[0]!.validationLoss! - Math.log(5))).toBeLessThan(0.3);
    kernel.runSteps(30, true);
    const event = (await progress(kernel, 'cpu', 0)).event;
    expect(event.confusion![0]!.length).toBe(5);
    expect(event.members[0]!.validationAccuracy!).toBeGreaterThan(0.5);
    kernel.dispose();
  });
});
