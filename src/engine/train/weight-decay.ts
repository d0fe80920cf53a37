/**
 * Decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", the "W" of AdamW):
 * after the optimizer's step, every kernel shrinks by η·λ times its value *before* the step,
 *
 *   θ ← θ − η·update(g) − η·λ·θ_before.
 *
 * Under plain SGD, update(g) = g and this is exactly an L2 penalty (λ/2)·ΣW² added to the loss: the penalty's
 * gradient λ·W joins g. Under Adam the penalty's gradient is divided by √v̂ with the rest, so weights with large
 * gradients are barely decayed; decoupling applies the same shrink to every weight. Kernels only, like the
 * engine's L1/L2 (`regularizer.ts`): biases are not decayed.
 */
export interface ParamValues {
  shape: number[];
  values: Float32Array;
}

export const isKernel = (name: string): boolean => name.endsWith('/kernel');

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
    for (let i = 0; i < values.length; i++) values[i] = (now.values[i] as number) - (rates[Math.floor(i / size)] as number) * (old.values[i] as number);
    out.set(name, values);
  }
  return out;
}
