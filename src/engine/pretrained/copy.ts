/**
 * Transfer learning on a checkpoint: the parameters of a pretrained checkpoint copied into chosen members of
 * another checkpoint wherever a parameter has the same name and shape; the rest (a new head, another width)
 * keeps its own seeded start. Pure data: a widget applies it to a run's initial weights, the claims harness to
 * a session's parameters.
 */
import type { Checkpoint, TensorRecord } from '../checkpoint-format';

/** The pretrained parameters (member 0) whose name and shape match `shapes`. */
export function matchingParameters(pretrained: Checkpoint, shapes: ReadonlyMap<string, readonly number[]>): Map<string, TensorRecord> {
  const out = new Map<string, TensorRecord>();
  for (const [name, tensor] of Object.entries(pretrained.members[0] ?? {})) {
    const shape = shapes.get(name);
    if (shape && shape.join('x') === tensor.shape.join('x')) out.set(name, tensor);
  }
  return out;
}

/** `initial` with the matching pretrained parameters in every member for which `chosen(member)` holds. */
export function withPretrained(initial: Checkpoint, pretrained: Checkpoint, chosen: (member: number) => boolean = () => true): Checkpoint {
  const first = initial.members[0] ?? {};
  const shapes = new Map(Object.entries(first).map(([name, tensor]) => [name, tensor.shape] as const));
  const copied = matchingParameters(pretrained, shapes);
  return {
    ...initial,
    members: initial.members.map((member, index) => {
      if (!chosen(index)) return member;
      const next = { ...member };
      for (const [name, tensor] of copied) next[name] = { shape: [...tensor.shape], data: [...tensor.data] };
      return next;
    }),
  };
}
