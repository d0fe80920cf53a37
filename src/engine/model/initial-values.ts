/** A member's initial parameter values, drawn in JavaScript from its `initSeed` (shared with the reference trainer). */
import type { InitializerSpec } from '../config';
import { Random, deriveSeed } from '../random';
import type { ResolvedMember } from '../resolved';
import { initialize } from './initializers';
import type { LayerPlan, ParamSpec } from './shapes';

export function paramSize(spec: ParamSpec): number {
  return spec.shape.reduce((a, b) => a * b, 1);
}

/** Values of one parameter for one member. */
export function initialMemberValues(plan: LayerPlan, spec: ParamSpec, paramIndex: number, member: ResolvedMember, modelInitializer: InitializerSpec): Float32Array {
  const size = paramSize(spec);
  const biasInit = plan.spec.type === 'dense' ? plan.spec.biasInitializer : undefined;
  if (spec.role === 'bias' && biasInit) return initialize(biasInit, size, spec.fanIn, spec.fanOut, new Random(deriveSeed(member.initSeed, plan.index, paramIndex)));
  if (spec.role === 'bias' || spec.role === 'beta') return new Float32Array(size);
  if (spec.role === 'gamma') return new Float32Array(size).fill(1);
  const layerInit = 'initializer' in plan.spec ? plan.spec.initializer : undefined;
  const chosen = layerInit ?? member.initializer ?? modelInitializer;
  const random = new Random(deriveSeed(member.initSeed, plan.index, paramIndex));
  return initialize(chosen, size, spec.fanIn, spec.fanOut, random);
}

