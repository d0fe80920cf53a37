/** The debugging lab's faults in validation: lab-only, known keys once, needs met, rewrites idempotent. */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { ConfigError } from '@engine/errors';
import { FAULT_KEYS, faultRateFactor, type FaultKey } from '@engine/faults';
import { CHOOSABLE_LOSSES, LOSS_NAMES } from '@engine/registry/losses';
import { changedConfig, toRunConfig } from '@engine/train/live-change';
import { validateConfig } from '@engine/validate';

const project = (extra: Partial<RunConfig> = {}): RunConfig => ({
  model: { inputShape: [784], layers: [{ type: 'dense', units: 32, activation: 'relu', initializer: { name: 'he_normal' } }, { type: 'dense', units: 10, activation: 'softmax' }] },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits' },
  population: { size: 2, members: [{ seed: 1 }, { seed: 2 }] },
  ...extra,
});
const lab = (faults: FaultKey[]): RunConfig => project({ runtime: { lab: true }, faults });

function issues(config: RunConfig): { code: string; field: string }[] {
  try {
    validateConfig(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues.map(({ code, field }) => ({ code, field }));
  }
  return [];
}

describe('faults are for the debugging lab only', () => {
  it.each(FAULT_KEYS)('%s is refused outside a lab run, with a code the widget can translate', (key) => {
    expect(issues(project({ faults: [key] }))).toEqual([{ code: 'lab_only', field: 'faults' }]);
    expect(issues(project({ faults: [key], runtime: { lab: false } }))).toEqual([{ code: 'lab_only', field: 'faults' }]);
    expect(issues(lab([key]))).toEqual([]);
  });

  it('the naive cross-entropy is a lab-only loss: refused as a lesson choice, absent from the choosable list', () => {
    expect(issues(project({ training: { loss: 'naive_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, seed: 1 } }))).toEqual([{ code: 'lab_only', field: 'training.loss' }]);
    expect(LOSS_NAMES).toContain('naive_crossentropy');
    expect(CHOOSABLE_LOSSES).not.toContain('naive_crossentropy');
  });

  it('an unknown key, a repeated key and a non-list are named; no faults resolves to an empty list', () => {
    expect(issues(lab(['off-by-one' as FaultKey]))).toEqual([{ code: 'not_allowed', field: 'faults[0]' }]);
    expect(issues(lab(['zero-init', 'zero-init']))).toEqual([{ code: 'duplicate', field: 'faults[1]' }]);
    expect(issues(project({ runtime: { lab: true }, faults: 'zero-init' as unknown as FaultKey[] }))).toEqual([{ code: 'not_allowed', field: 'faults' }]);
    expect(validateConfig(project()).faults).toEqual([]);
    expect(validateConfig(project()).runtime.lab).toBe(false);
  });

  it("a fault whose needs the config does not meet is refused (labels on regression, log(0) without softmax CE)", () => {
    const regression: RunConfig = {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 8, seed: 1 },
      dataset: { kind: 'function1d', fn: 'sine' },
      runtime: { lab: true },
    };
    expect(issues({ ...regression, faults: ['shuffled-labels'] })).toEqual([{ code: 'not_allowed', field: 'faults[0]' }]);
    expect(issues({ ...regression, faults: ['log-zero-nan'] })).toEqual([{ code: 'not_allowed', field: 'faults[0]' }]);
    const noHidden = lab(['dropout-at-inference']);
    noHidden.model.layers = [{ type: 'dense', units: 10, activation: 'softmax' }];
    expect(issues(noHidden)).toEqual([{ code: 'not_allowed', field: 'faults[0]' }]);
  });
});

describe('fault rewrites', () => {
  it('zero-init zeroes every initializer; dropout-at-inference puts 0.5 on the hidden layer only; log-zero-nan swaps the loss; own statistics turn scaling on', () => {
    const zero = validateConfig(lab(['zero-init']));
    for (const layer of zero.model.layers) expect(layer).toMatchObject({ initializer: { name: 'zeros' }, biasInitializer: { name: 'zeros' } });
    const dropout = validateConfig(lab(['dropout-at-inference']));
    expect(dropout.model.layers.map((layer) => (layer as { dropout?: number }).dropout ?? 0)).toEqual([0.5, 0]);
    expect(validateConfig(lab(['log-zero-nan'])).training.loss).toBe('naive_crossentropy');
    expect(validateConfig(lab(['validation-own-statistics'])).dataset.scaleInputs).toBe(true);
    expect(validateConfig(project()).dataset.scaleInputs).toBe(false);
  });

  it.each(FAULT_KEYS)('%s survives the round trip of a live change unchanged (rewrites are idempotent; the rate is a factor)', (key) => {
    const resolved = validateConfig(lab([key]));
    expect(validateConfig(toRunConfig(resolved))).toEqual(resolved);
    const changed = changedConfig(resolved, 'learningRate', 0.002);
    expect(changed.faults).toEqual([key]);
    expect(changed.members.map((m) => m.learningRate)).toEqual([0.002, 0.002]);
  });

  it('the rate factors: ×100 for learning-rate-x100 and log-zero-nan, 1 otherwise', () => {
    expect(FAULT_KEYS.map((key) => faultRateFactor({ faults: [key] }))).toEqual(FAULT_KEYS.map((key) => (key === 'learning-rate-x100' || key === 'log-zero-nan' ? 100 : 1)));
    expect(faultRateFactor({ faults: [] })).toBe(1);
  });
});

describe('training-split transforms of digits (G1, G2)', () => {
  const digits = (trainTransforms: unknown): RunConfig => project({ dataset: { kind: 'digits', trainTransforms } as RunConfig['dataset'] });

  it('resolve with their defaults and reject what the registry does not allow, by field', () => {
    const resolved = validateConfig(digits([{ type: 'keep-class-fraction', classId: 5, fraction: 0.1 }, { type: 'label-noise', fraction: 0.3 }]));
    expect(resolved.dataset).toMatchObject({ trainTransforms: [{ type: 'keep-class-fraction', classId: 5, fraction: 0.1 }, { type: 'label-noise', fraction: 0.3, mode: 'flip' }] });
    expect(issues(digits([{ type: 'keep-class-fraction', classId: 10, fraction: 0.1 }]))).toEqual([{ code: 'out_of_range', field: 'dataset.trainTransforms[0].classId' }]);
    expect(issues(digits([{ type: 'label-noise', fraction: 1.5, mode: 'swap' }]))).toEqual([
      { code: 'out_of_range', field: 'dataset.trainTransforms[0].fraction' },
      { code: 'not_allowed', field: 'dataset.trainTransforms[0].mode' },
    ]);
    expect(issues(digits([{ type: 'crop' }]))).toEqual([{ code: 'not_allowed', field: 'dataset.trainTransforms[0].type' }]);
    expect(issues(digits([{ type: 'label-noise', fraction: 0.1, classId: 3 }]))).toEqual([{ code: 'unknown_field', field: 'dataset.trainTransforms[0].classId' }]);
  });
});
