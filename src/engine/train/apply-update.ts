/**
 * Optimizer application for the tfjs kernel: clipping, the optimizer's update (`optimizers.ts`), decoupled
 * weight decay (`weight-decay.ts`), the max-norm constraint, and freezing of stopped members. Runs inside
 * the step's tf.tidy.
 */
import * as tf from '../tf';
import { memberAxisShape } from '../model/params';
import type { LayerPlan } from '../model/shapes';
import { memberSumSquares } from './grad-stats';
import { applyUpdate, type OptimizerSettings } from './optimizers';
import { constrain } from './regularizer';
import { decayRates, decayed, isKernel } from './weight-decay';

/** Clipping per member: each element to ±clipValue, then the global norm ‖g‖ over all parameters to clipNorm. */
export function clip(gradients: Map<string, tf.Tensor>, settings: OptimizerSettings, members: number): Map<string, tf.Tensor> {
  const { clipNorm, clipValue } = settings;
  let out = gradients;
  if (clipValue > 0) out = new Map([...out].map(([name, g]) => [name, tf.clipByValue(g, -clipValue, clipValue)]));
  if (clipNorm > 0) {
    const norm = tf.sqrt(tf.addN([...out.values()].map(memberSumSquares)));
    const scale = tf.minimum(1, tf.div(clipNorm, tf.add(norm, 1e-12)));
    out = new Map([...out].map(([name, g]) => [name, tf.mul(g, tf.reshape(scale, memberAxisShape(members, g.rank)))]));
  }
  return out;
}

export interface UpdateInput {
  settings: OptimizerSettings;
  plans: LayerPlan[];
  members: number;
  lookup: (name: string) => tf.Tensor;
  state: (name: string) => tf.Tensor[];
  /** [P] learning rates (0 for stopped members). */
  learningRates: tf.Tensor;
  /** The same rates as numbers (the tensor's values). */
  rates: number[];
  /** 1-based step number (Adam's bias correction). */
  step: number;
  /** The gradients already carry η (folded SGD): θ ← θ - g. */
  folded: boolean;
  /** false for members that must not change; null when every member trains. */
  active: boolean[] | null;
  /** Each member's decoupled weight decay λ (0 = none). */
  weightDecay: number[];
}

/**
 * Member values [P] spread over a parameter's shape [P, ...]. On tfjs-cpu a broadcast binary op walks every
 * element through index arithmetic (a 5-member Adam update of 34k weights took a fifth of a convnet's step),
 * so there the values are written out in full and the ops take tfjs' same-shape loop; elsewhere a reshape.
 */
function perMember(values: tf.Tensor, host: readonly number[], shape: number[]): tf.Tensor {
  const members = host.length;
  if (tf.getBackend() !== 'cpu') return tf.reshape(values, memberAxisShape(members, shape.length));
  const out = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const per = out.length / members;
  for (let p = 0; p < members; p++) out.fill(host[p] as number, p * per, (p + 1) * per);
  return tf.tensor(out, shape);
}

/** New values and optimizer state for every parameter that has a (clipped) gradient. */
export function updateAll(input: UpdateInput, gradients: Map<string, tf.Tensor>): { next: Map<string, tf.Tensor>; nextState: Map<string, tf.Tensor[]> } {
  const { members, folded } = input;
  const next = new Map<string, tf.Tensor>();
  const nextState = new Map<string, tf.Tensor[]>();
  const active = input.active ? tf.tensor1d(input.active.map((a) => (a ? 1 : 0)), 'bool') : null;
  const decay = decayRates(input.learningRates, input.weightDecay);
  // η·λ as tf.mul computes it in float32 (a product of two float32 values rounds the same way from float64).
  const decayHost = input.rates.map((rate, p) => Math.fround(Math.fround(rate) * Math.fround(input.weightDecay[p] ?? 0)));
  for (const [name, gradient] of gradients) {
    const param = input.lookup(name);
    const update = folded
      ? { param: tf.sub(param, gradient), state: [] }
      : applyUpdate(input.settings, param, gradient, input.state(name), perMember(input.learningRates, input.rates, param.shape), input.step);
    const decayedParam = decay && isKernel(name) ? decayed(update.param, param, perMember(decay, decayHost, param.shape)) : update.param;
    let value = constrain(input.plans, name, decayedParam);
    if (active) value = tf.where(tf.reshape(active, memberAxisShape(members, param.rank)), value, param);
    next.set(name, value);
    nextState.set(name, update.state);
  }
  return { next, nextState };
}
