/** Validation of a digits dataset's `trainTransforms` against the registry (`datasets/train-transforms.ts`). */
import { TRAIN_TRANSFORMS, TRAIN_TRANSFORM_NAMES, type TrainTransform } from '../datasets/train-transforms';
import { Checker, seedRange } from './checker';

export function checkTrainTransforms(c: Checker, value: unknown, classes: number): TrainTransform[] {
  if (!Array.isArray(value)) {
    c.fail('not_allowed', 'dataset.trainTransforms', `must be a list of transforms, got ${JSON.stringify(value)}`, { allowed: [...TRAIN_TRANSFORM_NAMES] });
    return [];
  }
  return value.map((item, i) => {
    const field = `dataset.trainTransforms[${i}]`;
    const raw = item !== null && typeof item === 'object' ? (item as { type?: unknown }) : {};
    const type = c.oneOf(`${field}.type`, raw.type, TRAIN_TRANSFORM_NAMES);
    if (type !== raw.type) return { type } as TrainTransform; // unknown type: already named; its fields mean nothing
    const entry = TRAIN_TRANSFORMS[type];
    const fields = c.object(field, item, ['type', 'seed', ...Object.keys(entry.numbers), ...Object.keys(entry.choices)]) ?? {};
    const out: Record<string, unknown> = { type };
    for (const [name, range] of Object.entries(entry.numbers))
      out[name] = c.number(`${field}.${name}`, fields[name], undefined, name === 'classId' ? { ...range, max: classes - 1 } : range);
    for (const [name, choices] of Object.entries(entry.choices)) out[name] = c.oneOf(`${field}.${name}`, fields[name], choices, choices[0]);
    if (fields.seed !== undefined) out.seed = c.number(`${field}.seed`, fields.seed, undefined, seedRange);
    return out as unknown as TrainTransform;
  });
}
