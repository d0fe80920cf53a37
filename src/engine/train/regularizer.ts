/**
 * Regularization of population parameters, per member (member p has its own l1_p, l2_p):
 *   penalty   R_p = l1_p Σ|W_p| + l2_p Σ W_p²      over kernels only (biases are not penalized)
 *   gradient  ∂R_p/∂W_p = l1_p sign(W_p) + 2 l2_p W_p
 *   max-norm  each unit's incoming weight vector w_j is rescaled to ‖w_j‖ ≤ c after the update.
 */
import * as tf from '../tf';
import type { ResolvedMember } from '../resolved';
import type { LayerPlan } from '../model/shapes';

/** Σ_kernels [l1_p Σ|W_p| + l2_p Σ W_p²] as a [P] tensor; null when no member regularizes. */
export function penalty(members: ResolvedMember[], plans: LayerPlan[], lookup: (name: string) => tf.Tensor): tf.Tensor | null {
  const l1 = members.map((m) => m.l1);
  const l2 = members.map((m) => m.l2);
  const useL1 = l1.some((v) => v > 0);
  const useL2 = l2.some((v) => v > 0);
  if (!useL1 && !useL2) return null;
  const terms: tf.Tensor[] = [];
  for (const plan of plans)
    for (const spec of plan.params) {
      if (spec.role !== 'kernel') continue;
      const w = lookup(spec.name);
      const axes = Array.from({ length: w.rank - 1 }, (_, i) => i + 1);
      if (useL1) terms.push(tf.mul(tf.tensor1d(l1), tf.sum(tf.abs(w), axes)));
      if (useL2) terms.push(tf.mul(tf.tensor1d(l2), tf.sum(tf.square(w), axes)));
    }
  return terms.length > 0 ? tf.addN(terms) : null;
}

/** Adds ∂R/∂W to the kernels' gradients in place (times `scale` [P,1,1] when the learning rate is folded). */
export function addPenaltyGradients(members: ResolvedMember[], gradients: Map<string, tf.Tensor>, lookup: (name: string) => tf.Tensor, scale: tf.Tensor | null): void {
  const l1 = members.map((m) => m.l1);
  const l2 = members.map((m) => m.l2);
  const useL1 = l1.some((v) => v > 0);
  const useL2 = l2.some((v) => v > 0);
  if (!useL1 && !useL2) return;
  const perMember = (values: number[]) => {
    const t = tf.reshape(tf.tensor1d(values), [members.length, 1, 1]);
    return scale ? tf.mul(t, scale) : t;
  };
  for (const [name, g] of gradients) {
    if (!name.endsWith('/kernel')) continue;
    const w = lookup(name);
    let total = g;
    if (useL1) total = tf.add(total, tf.mul(perMember(l1), tf.sign(w)));
    if (useL2) total = tf.add(total, tf.mul(perMember(l2.map((v) => 2 * v)), w));
    gradients.set(name, total);
  }
}

/** Max-norm on dense kernels [P, in, out]: w_j ← w_j · min(1, c / ‖w_j‖). Other parameters pass through. */
export function constrain(plans: LayerPlan[], name: string, value: tf.Tensor): tf.Tensor {
  const plan = plans.find((p) => name.startsWith(`${p.name}/`));
  if (!plan || plan.spec.type !== 'dense' || !name.endsWith('/kernel')) return value;
  const maxNorm = plan.spec.maxNorm ?? 0;
  if (maxNorm <= 0) return value;
  const norms = tf.sqrt(tf.sum(tf.square(value), 1, true));
  return tf.mul(value, tf.minimum(1, tf.div(maxNorm, tf.add(norms, 1e-12))));
}
