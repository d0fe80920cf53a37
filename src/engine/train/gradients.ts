/**
 * The gradient path of the tfjs kernel: ∂L/∂θ of every member's batch loss (with its penalty), by tfjs
 * autodiff (any architecture) or by the hand-derived dense backward pass (`model/dense-backprop.ts`;
 * plain SGD folds the learning rate into it, so the update is one subtraction per parameter).
 */
import * as tf from '../tf';
import type { ResolvedConfig } from '../resolved';
import { forward } from '../model/forward';
import { memberLoss } from '../model/losses';
import { denseBackprop } from '../model/dense-backprop';
import { memberAxisShape } from '../model/params';
import type { LayerPlan } from '../model/shapes';
import { addPenaltyGradients, penalty } from './regularizer';

export interface GradientContext {
  config: ResolvedConfig;
  plans: LayerPlan[];
  trainable: boolean[];
  lookup: (name: string) => tf.Tensor;
  /** η_p · c as [P, 1, 1] (cached by the caller beyond the step's tidy). */
  scaledLearningRates: (perElement: number) => tf.Tensor;
}

export interface GradientResult {
  gradients: Map<string, tf.Tensor>;
  /** Per-member batch loss (with penalty), when computed. */
  loss: tf.Tensor | null;
  /** Batch-norm batch statistics per layer name (autodiff path only). */
  moments: Map<string, { mean: tf.Tensor; variance: tf.Tensor }>;
  /** Tensors kept out of tf.grads' scope; the step disposes them. */
  escaped: tf.Tensor[];
  /** True when the gradients already carry η (folded SGD). */
  learningRateFolded: boolean;
}

/** Gradients through tfjs autodiff. */
export function autodiffGradients(ctx: GradientContext, trainableNames: string[], x: tf.Tensor, y: tf.Tensor, masks: Map<number, tf.Tensor> | undefined): GradientResult {
  const escaped: tf.Tensor[] = [];
  let moments: GradientResult['moments'] = new Map();
  let perMember: tf.Tensor | null = null;
  const trainableValues = trainableNames.map((name) => ctx.lookup(name));
  const objective = (...values: tf.Tensor[]): tf.Scalar => {
    const lookup = (name: string) => {
      const i = trainableNames.indexOf(name);
      return i >= 0 ? (values[i] as tf.Tensor) : ctx.lookup(name);
    };
    const out = forward(ctx.plans, lookup, x, { training: true, dropoutMasks: masks });
    // tf.grads disposes the objective's intermediates: keep what the step still needs (disposed by the caller).
    moments = out.batchMoments;
    for (const m of moments.values()) escaped.push(tf.keep(m.mean), tf.keep(m.variance));
    // The reported batch loss carries the L1/L2 penalty, as on the dense path (`Readback`'s windowLoss).
    const extra = penalty(ctx.config.members, ctx.plans, lookup);
    const data = memberLoss(ctx.config.training.loss, out.logits, out.output, y);
    perMember = tf.keep(extra ? tf.add(data, extra) : data);
    escaped.push(perMember);
    return tf.sum(perMember) as tf.Scalar;
  };
  const { grads } = tf.valueAndGrads(objective)(trainableValues);
  const gradients = new Map(trainableNames.map((name, i) => [name, grads[i] as tf.Tensor]));
  return { gradients, loss: perMember, moments, escaped, learningRateFolded: false };
}

/** Gradients by the hand-derived dense backward pass; plain SGD without clipping folds η into it. */
export function denseGradients(ctx: GradientContext, x: tf.Tensor, y: tf.Tensor, masks: Map<number, tf.Tensor> | undefined, wantLoss: boolean, allowFold = true): GradientResult {
  const o = ctx.config.training.optimizer;
  const fold = allowFold && o.name === 'sgd' && o.clipNorm === 0 && o.clipValue === 0;
  const out = denseBackprop(ctx.plans, ctx.lookup, x, y, ctx.config.training.loss, masks, fold ? ctx.scaledLearningRates : null, ctx.trainable, tf.getBackend() === 'wasm');
  const gradients = out.gradients;
  addPenaltyGradients(ctx.config.members, gradients, ctx.lookup, fold ? ctx.scaledLearningRates(1) : null);
  let loss: tf.Tensor | null = null;
  if (wantLoss) {
    loss = memberLoss(ctx.config.training.loss, out.logits, out.output, y);
    const extra = penalty(ctx.config.members, ctx.plans, ctx.lookup);
    if (extra) loss = tf.add(loss, extra);
  }
  return { gradients, loss, moments: new Map(), escaped: [], learningRateFolded: fold };
}

/** g / η per member (0 where η = 0): the plain gradient back from a folded one, for telemetry. */
export function unfold(gradients: Map<string, tf.Tensor>, learningRates: tf.Tensor, members: number): Map<string, tf.Tensor> {
  const inverse = tf.divNoNan(1, learningRates);
  return new Map([...gradients].map(([name, g]) => [name, tf.mul(g, tf.reshape(inverse, memberAxisShape(members, g.rank)))]));
}
