/**
 * Decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", the "W" of AdamW):
 * after the optimizer's step, every kernel shrinks by η·λ times its value *before* the step,
 *
 *   θ ← θ − η·update(g) − η·λ·θ_before.
 *
 * Under plain SGD, update(g) = g and this is exactly an L2 penalty (λ/2)·ΣW² added to the loss: the penalty's
 * gradient λ·W joins g. Under Adam the penalty's gradient is divided by √v̂ with the rest, so weights with large
 * gradients are barely decayed; decoupling applies the same shrink to every weight. Kernels only, like the
 * engine's L1/L2 (`regularizer.ts`): biases are not decayed. The rule is declared once in the registry
 * (`WEIGHT_DECAY` in `registry/regularizers.ts`); the tfjs path applies it as tensor ops after each update
 * (`decayed`, from `apply-update.ts`), dense-wasm in its kernel; `decoupledWeightDecay` applies it to values
 * read back (for checks outside a run).
 */
import * as tf from '../tf';
import { WEIGHT_DECAY } from '../registry/regularizers';
export interface ParamValues {
  shape: number[];
  values: Float32Array;
}

export const isKernel = (name: string): boolean => name.endsWith('/kernel');

/** Per-member η·λ as a [P] tensor, or null when no member decays. `learningRates` is [P] (after the schedule,
 * 0 for stopped members); `lambdas` the members' `weightDecay`. */
export function decayRates(learningRates: tf.Tensor, lambdas: number[]): tf.Tensor | null {
  return lambdas.some((l) => l > 0) ? tf.mul(learningRates, tf.tensor1d(lambdas)) : null;
}

/** The registry's rule as tensor ops: θ' − (η·λ)·θ, with `rate` (η·λ) shaped to broadcast over the member axis. */
export function decayed(after: tf.Tensor, before: tf.Tensor, rate: tf.Tensor): tf.Tensor {
  return tf.sub(after, tf.mul(rate, before));
}

/**
 * Applies the decay to parameters read after a step, using the values read before it. Members are
 * member-major blocks; `rates[p]` is member p's η·λ.
 */
export function decoupledWeightDecay(before: Map<string, ParamValues>, after: Map<string, ParamValues>, rates: number[]): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  for (const [name, now] of after) {
    if (!isKernel(name)) continue;
    const old = before.get(name);
    if (!old || old.values.length !== now.values.length) throw new RangeError(`weight decay: ${name} has no matching value before the step`);
    const size = now.values.length / rates.length;
    if (!Number.isInteger(size)) throw new RangeError(`weight decay: ${now.values.length} values do not split into ${rates.length} members`);
    const values = new Float32Array(now.values.length);
    for (let i = 0; i < values.length; i++) values[i] = WEIGHT_DECAY.apply(now.values[i] as number, old.values[i] as number, 1, rates[Math.floor(i / size)] as number);
    out.set(name, values);
  }
  return out;
}
