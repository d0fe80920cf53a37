/**
 * Magnitude pruning of a checkpoint: the smallest |w| are set to zero. Pure (plain JSON in, plain JSON out),
 * so a widget can prune a trained network at several levels and restore the result as a population: member p
 * of the output is the source member pruned to `fractions[p]` (chapter 3: «how many weights does it need?»).
 *
 *   const { checkpoint } = pruneCheckpoint(await loadPretrained('digits-mlp'), [0, 0.5, 0.9, 0.99]);
 *   trainer.restore(checkpoint);        // a 4-member population, one pruning level each
 *
 * Ties in magnitude are broken by position (earlier first), so the result is deterministic.
 */
import type { Checkpoint, TensorRecord } from '../checkpoint-format';

export interface PruneOptions {
  /** `layer` (default): each parameter tensor loses its own smallest `fraction`; `global`: the smallest over
   * all included tensors together (layers may end up pruned unevenly). */
  scope?: 'layer' | 'global';
  /** `kernels` (default): only `…/kernel` tensors; `all`: biases and normalization parameters too. */
  include?: 'kernels' | 'all';
  /** Which member of the source checkpoint is pruned. Default 0. */
  sourceMember?: number;
}

export interface PruneResult {
  checkpoint: Checkpoint;
  /** `[member]` parameter name → 0/1 mask (1 = kept), for the included tensors only. */
  masks: Record<string, number[]>[];
  /** `[member]` share of the included weights that are zero after pruning (weights already zero count). */
  sparsity: number[];
}

const isKernel = (name: string) => name.endsWith('/kernel');

/** Indices of the `count` smallest |values| across the given tensors (ties: earlier tensor, earlier index). */
function smallest(tensors: { name: string; data: number[] }[], count: number): Map<string, Set<number>> {
  const entries: { t: number; i: number; m: number }[] = [];
  tensors.forEach((tensor, t) => tensor.data.forEach((v, i) => entries.push({ t, i, m: Math.abs(v) })));
  entries.sort((a, b) => a.m - b.m || a.t - b.t || a.i - b.i);
  const out = new Map<string, Set<number>>(tensors.map((tensor) => [tensor.name, new Set<number>()]));
  for (let k = 0; k < count && k < entries.length; k++) {
    const e = entries[k] as { t: number; i: number };
    out.get((tensors[e.t] as { name: string }).name)?.add(e.i);
  }
  return out;
}

export function pruneCheckpoint(source: Checkpoint, fractions: number[], options: PruneOptions = {}): PruneResult {
  const memberIndex = options.sourceMember ?? 0;
  const base = source.members[memberIndex];
  if (!base) throw new RangeError(`sourceMember ${memberIndex} is not in the checkpoint (it has ${source.members.length})`);
  if (fractions.length < 1) throw new RangeError('fractions must list at least one pruning level');
  for (const f of fractions) if (!(f >= 0 && f <= 1)) throw new RangeError(`each fraction must lie in [0, 1], got ${f}`);
  const include = options.include ?? 'kernels';
  const names = Object.keys(base).filter((name) => include === 'all' || isKernel(name));
  if (names.length === 0) throw new RangeError('the checkpoint has no parameters to prune');
  const total = names.reduce((sum, name) => sum + (base[name] as TensorRecord).data.length, 0);

  const members: Record<string, TensorRecord>[] = [];
  const masks: Record<string, number[]>[] = [];
  const sparsity: number[] = [];
  for (const fraction of fractions) {
    const groups = (options.scope ?? 'layer') === 'global' ? [names] : names.map((name) => [name]);
    const pruned = new Map<string, Set<number>>();
    for (const group of groups) {
      const tensors = group.map((name) => ({ name, data: (base[name] as TensorRecord).data }));
      const size = tensors.reduce((sum, t) => sum + t.data.length, 0);
      for (const [name, set] of smallest(tensors, Math.round(size * fraction))) pruned.set(name, set);
    }
    const member: Record<string, TensorRecord> = {};
    const mask: Record<string, number[]> = {};
    let zeros = 0;
    for (const [name, record] of Object.entries(base)) {
      const cut = pruned.get(name);
      const data = record.data.map((v, i) => (cut?.has(i) ? 0 : v));
      member[name] = { shape: [...record.shape], data };
      if (names.includes(name)) {
        mask[name] = record.data.map((_, i) => (cut?.has(i) ? 0 : 1));
        zeros += data.filter((v) => v === 0).length;
      }
    }
    members.push(member);
    masks.push(mask);
    sparsity.push(zeros / total);
  }
  return { checkpoint: { ...source, model: structuredClone(source.model), members }, masks, sparsity };
}
