/**
 * Population parameters: one tensor per parameter with the member axis first, e.g. a dense kernel is
 * [P, in, out] and its bias [P, 1, out], so one rank-3 matMul runs every member at once.
 * Member p's values come from its own seed, so they equal the values of that network built alone.
 */
import * as tf from '../tf';
import type { InitializerSpec } from '../config';
import { Random, deriveSeed } from '../random';
import type { ResolvedMember } from '../resolved';
import type { LayerPlan, ParamSpec } from './shapes';
import { initialize } from './initializers';

export type ParamMap = Map<string, tf.Tensor>;

export function paramSize(spec: ParamSpec): number {
  return spec.shape.reduce((a, b) => a * b, 1);
}

/** Values of one parameter for one member. */
export function initialMemberValues(plan: LayerPlan, spec: ParamSpec, paramIndex: number, member: ResolvedMember, modelInitializer: InitializerSpec): Float32Array {
  const size = paramSize(spec);
  if (spec.role === 'bias' || spec.role === 'beta') return new Float32Array(size);
  if (spec.role === 'gamma') return new Float32Array(size).fill(1);
  const layerInit = 'initializer' in plan.spec ? plan.spec.initializer : undefined;
  const chosen = layerInit ?? member.initializer ?? modelInitializer;
  const random = new Random(deriveSeed(member.seed, plan.index, paramIndex));
  return initialize(chosen, size, spec.fanIn, spec.fanOut, random);
}

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
