/**
 * Population parameters: one tensor per parameter with the member axis first, e.g. a dense kernel is
 * [P, in, out] and its bias [P, 1, out], so one rank-3 matMul runs every member at once.
 * Member p's values come from its own seed, so they equal the values of that network built alone.
 */
import * as tf from '../tf';
import type { InitializerSpec } from '../config';
import type { ResolvedMember } from '../resolved';
import type { LayerPlan } from './shapes';
import { initialMemberValues } from './initial-values';

export { initialMemberValues, paramSize } from './initial-values';

export type ParamMap = Map<string, tf.Tensor>;

/** Stacks members' values into one [P, ...shape] tensor. */
export function stackMembers(values: Float32Array[], shape: number[]): tf.Tensor {
  const size = values[0]?.length ?? 0;
  const all = new Float32Array(values.length * size);
  values.forEach((v, p) => all.set(v, p * size));
  return tf.tensor(all, [values.length, ...shape]);
}

export function initialParams(plans: LayerPlan[], members: ResolvedMember[], modelInitializer: InitializerSpec): ParamMap {
  const params: ParamMap = new Map();
  for (const plan of plans)
    plan.params.forEach((spec, i) => {
      params.set(spec.name, stackMembers(members.map((m) => initialMemberValues(plan, spec, i, m, modelInitializer)), spec.shape));
    });
  return params;
}

/** Broadcast shape of a per-member scalar against a [P, ...] tensor of the given rank: [P, 1, 1, ...]. */
export function memberAxisShape(members: number, rank: number): number[] {
  return [members, ...new Array<number>(rank - 1).fill(1)];
}
