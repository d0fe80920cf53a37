/** Validation of the dataset section: every kind lists the fields it accepts. */
import type { DatasetConfig } from '../config';
import { FUNCTION_1D_NAMES, PROGRAM_NAMES } from '../dataset-config';
import type { ResolvedConfig } from '../resolved';
import { DIGIT_CLASSES } from '../datasets/shape';
import { AUGMENTATION_NAMES, AUGMENTATIONS } from '../datasets/augment';
import { Checker, clone, seedRange } from './checker';
import { checkTrainTransforms } from './train-transforms';
import { checkSplitTransforms } from './split-transforms';
import { classesAfterTransforms } from '../datasets/split-transforms';

export const DATASET_KINDS = ['function1d', 'classification2d', 'surface', 'digits', 'inline', 'program'] as const;
const COMMON = ['kind', 'seed', 'count', 'split', 'scaleInputs'];
const KIND_FIELDS: Record<DatasetConfig['kind'], string[]> = {
  function1d: [...COMMON, 'fn', 'noise', 'domain', 'extrapolationDomain'],
  classification2d: [...COMMON, 'shape', 'classes', 'noise', 'labelNoise', 'imbalance'],
  surface: [...COMMON, 'fn', 'noise'],
  digits: [...COMMON, 'layout', 'trainOn', 'labels', 'classes', 'augment', 'permutePixels', 'transforms', 'trainTransforms'],
  inline: [...COMMON, 'inputs', 'targets', 'classes'],
  program: [...COMMON, 'program'],
};

function interval(c: Checker, field: string, value: unknown, fallback: [number, number]): [number, number] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(value[0] < value[1])) {
    c.fail('bad_domain', field, `must be [low, high] with finite low < high, got ${JSON.stringify(value)}`);
    return fallback;
  }
  return [value[0], value[1]];
}

/** `dataset.augment` of digits: known transforms with amounts in their range, 0–20 copies. */
function checkAugment(c: Checker, value: unknown): NonNullable<Extract<DatasetConfig, { kind: 'digits' }>['augment']> {
  const a = c.object('dataset.augment', value, ['transforms', 'copies', 'seed']) ?? {};
  const list = Array.isArray(a.transforms) ? (a.transforms as unknown[]) : [];
  if (!Array.isArray(a.transforms)) c.fail('not_allowed', 'dataset.augment.transforms', 'must be a list of transforms');
  const transforms = list.map((item, i) => {
    const field = `dataset.augment.transforms.${i}`;
    const t = c.object(field, item, ['name', 'amount']) ?? {};
    const name = c.oneOf(`${field}.name`, t.name, AUGMENTATION_NAMES);
    const amount = t.amount === undefined ? undefined : c.number(`${field}.amount`, t.amount, undefined, { min: 0, max: AUGMENTATIONS[name].max });
    return amount === undefined ? { name } : { name, amount };
  });
  return {
    transforms,
    copies: c.number('dataset.augment.copies', a.copies, undefined, { min: 0, max: 20, integer: true }),
    seed: c.number('dataset.augment.seed', a.seed, 1, seedRange),
  };
}

export function checkDataset(c: Checker, d: unknown): ResolvedConfig['dataset'] {
  const raw = d !== null && typeof d === 'object' ? (d as { kind?: unknown }) : {};
  const kind = c.oneOf('dataset.kind', raw.kind, DATASET_KINDS);
  const fields = c.object('dataset', d, KIND_FIELDS[kind]);
  const copy = clone((fields ?? { kind }) as unknown as DatasetConfig) as ResolvedConfig['dataset'];
  copy.seed = c.number('dataset.seed', copy.seed, 1, seedRange);
  const split = c.object('dataset.split', copy.split ?? { train: 0.7, validation: 0.2, test: 0.1 }, ['train', 'validation', 'test']) ?? {};
  const train = c.number('dataset.split.train', split.train, undefined, { min: 0.01, max: 1 });
  const validation = c.number('dataset.split.validation', split.validation, undefined, { min: 0, max: 1 });
  const test = c.number('dataset.split.test', split.test, undefined, { min: 0, max: 1 });
  if (Math.abs(train + validation + test - 1) > 1e-6) c.fail('split_sum', 'dataset.split', `fractions must sum to 1, got ${train + validation + test}`, { min: 1, max: 1 });
  copy.split = { train, validation, test };
  copy.scaleInputs = c.boolean('dataset.scaleInputs', copy.scaleInputs, false);
  if (copy.count !== undefined) copy.count = c.number('dataset.count', copy.count, undefined, { min: 4, max: 20000, integer: true });
  if (kind === 'function1d' && copy.kind === 'function1d') {
    copy.fn = c.oneOf('dataset.fn', copy.fn, FUNCTION_1D_NAMES);
    copy.noise = c.number('dataset.noise', copy.noise, 0, { min: 0, max: 10 });
    copy.domain = interval(c, 'dataset.domain', copy.domain, [-3, 3]);
    copy.extrapolationDomain = interval(c, 'dataset.extrapolationDomain', copy.extrapolationDomain, [2 * copy.domain[0], 2 * copy.domain[1]]);
  } else if (kind === 'classification2d' && copy.kind === 'classification2d') {
    copy.shape = c.oneOf('dataset.shape', copy.shape, ['spiral', 'circles', 'xor', 'gaussians', 'moons'] as const);
    const fixedTwo = copy.shape === 'xor' || copy.shape === 'moons';
    copy.classes = c.number('dataset.classes', copy.classes, 2, { min: 2, max: fixedTwo ? 2 : 10, integer: true });
    copy.noise = c.number('dataset.noise', copy.noise, 0.1, { min: 0, max: 2 });
    copy.labelNoise = c.number('dataset.labelNoise', copy.labelNoise, 0, { min: 0, max: 0.5 });
    copy.imbalance = c.number('dataset.imbalance', copy.imbalance, 0.5, { min: 0.05, max: 0.95 });
  } else if (kind === 'surface' && copy.kind === 'surface') {
    copy.fn = c.oneOf('dataset.fn', copy.fn, ['plane', 'bowl', 'saddle', 'ripple'] as const);
    copy.noise = c.number('dataset.noise', copy.noise, 0, { min: 0, max: 10 });
  } else if (kind === 'digits' && copy.kind === 'digits') {
    copy.layout = c.oneOf('dataset.layout', copy.layout, ['flat', 'image'] as const, 'flat');
    if (copy.trainOn !== undefined) {
      const on = c.object('dataset.trainOn', copy.trainOn, ['split', 'perClass']) ?? {};
      copy.trainOn = { split: c.oneOf('dataset.trainOn.split', on.split, ['train', 'test'] as const, 'train') };
      if (on.perClass !== undefined) copy.trainOn.perClass = c.number('dataset.trainOn.perClass', on.perClass, undefined, { min: 1, max: 1000, integer: true });
    }
    if (copy.augment !== undefined) copy.augment = checkAugment(c, copy.augment);
    if (copy.permutePixels !== undefined) {
      const permutation = c.object('dataset.permutePixels', copy.permutePixels, ['seed']) ?? {};
      copy.permutePixels = { seed: c.number('dataset.permutePixels.seed', permutation.seed, undefined, seedRange) };
    }
    copy.labels = c.oneOf('dataset.labels', copy.labels, ['digit', 'parity'] as const, 'digit');
    if (copy.transforms !== undefined) copy.transforms = checkSplitTransforms(c, copy.transforms, copy.labels === 'parity' ? 2 : DIGIT_CLASSES);
    const labelClasses = classesAfterTransforms(copy.labels === 'parity' ? 2 : DIGIT_CLASSES, copy.transforms);
    copy.classes = c.number('dataset.classes', copy.classes, labelClasses, { min: labelClasses, max: 64, integer: true });
    if (copy.trainTransforms !== undefined) copy.trainTransforms = checkTrainTransforms(c, copy.trainTransforms, copy.classes);
  } else if (kind === 'program' && copy.kind === 'program') {
    copy.program = c.oneOf('dataset.program', copy.program, PROGRAM_NAMES);
  } else if (kind === 'inline' && copy.kind === 'inline') {
    if (!Array.isArray(copy.inputs) || copy.inputs.length < 2) c.fail('missing', 'dataset.inputs', 'needs at least 2 rows', { min: 2 });
    else if (!Array.isArray(copy.targets) || copy.targets.length !== copy.inputs.length)
      c.fail('length_mismatch', 'dataset.targets', `must have ${copy.inputs.length} rows like dataset.inputs`, { min: copy.inputs.length, max: copy.inputs.length });
    else if (copy.inputs.some((row) => !Array.isArray(row) || row.some((v) => !Number.isFinite(v))))
      c.fail('not_finite', 'dataset.inputs', 'every input must be a finite number');
    else if (copy.targets.some((t) => (Array.isArray(t) ? t.some((v) => !Number.isFinite(v)) : !Number.isFinite(t))))
      c.fail('not_finite', 'dataset.targets', 'every target must be a finite number');
    if (copy.classes !== undefined) copy.classes = c.number('dataset.classes', copy.classes, undefined, { min: 2, max: 1000, integer: true });
  }
  return copy;
}
