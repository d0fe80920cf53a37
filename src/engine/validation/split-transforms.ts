/** Validation of a digits dataset's `transforms` (every split) against the registry (`datasets/split-transforms.ts`). */
import { SPLIT_TRANSFORMS, SPLIT_TRANSFORM_NAMES, classesAfterTransforms, type SplitTransform } from '../datasets/split-transforms';
import type { Checker } from './checker';

/** The transforms, each checked against the classes the one before it leaves (`classes` before the first). */
export function checkSplitTransforms(c: Checker, value: unknown, classes: number): SplitTransform[] {
  if (!Array.isArray(value)) {
    c.fail('not_allowed', 'dataset.transforms', `must be a list of transforms, got ${JSON.stringify(value)}`, { allowed: [...SPLIT_TRANSFORM_NAMES] });
    return [];
  }
  const out: SplitTransform[] = [];
  value.forEach((item, i) => {
    const field = `dataset.transforms[${i}]`;
    const raw = item !== null && typeof item === 'object' ? (item as { type?: unknown }) : {};
    const type = c.oneOf(`${field}.type`, raw.type, SPLIT_TRANSFORM_NAMES);
    const fields = c.object(field, item, ['type', ...SPLIT_TRANSFORMS[type].fields]) ?? {};
    const before = classesAfterTransforms(classes, out);
    const keep = fields.keep;
    const ok = Array.isArray(keep) && keep.length >= 2 && keep.every((k) => Number.isInteger(k) && k >= 0 && k < before) && new Set(keep).size === keep.length;
    if (!ok) c.fail(keep === undefined ? 'missing' : 'not_allowed', `${field}.keep`, `must list 2 to ${before} distinct class ids in [0, ${before - 1}], got ${JSON.stringify(keep)}`, { min: 0, max: before - 1, integer: true });
    out.push({ type, keep: ok ? [...(keep as number[])] : Array.from({ length: before }, (_, k) => k) });
  });
  return out;
}
