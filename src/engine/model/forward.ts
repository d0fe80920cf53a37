/**
 * Forward pass of a whole population. Inputs are [P, B, ...inputShape]; every tensor keeps the member axis
 * first, so members never mix: dense layers are one rank-3 matMul, conv and pool layers one population kernel on
 * the CPU backends (member by member on a GPU).
 *
 * Dense layer, in order:  z = x·W + b  →  normalize(z)·γ + β  →  a = act(z)  →  a + x (residual)  →  dropout.
 * Batch norm uses the batch's mean/variance in training (over axis 1, per member and unit) and the running
 * averages in evaluation; layer norm uses each example's mean/variance over its units.
 */
import * as tf from '../tf';
import type { DenseLayerSpec, LayerSpec } from '../config';
import { activate, fusedActivation } from './activations';
import { memberMatMul, needsSafeMatMul } from './population-matmul';
import { populationConv2d, populationConvAvailable, populationPool } from './population-conv';
import type { LayerPlan } from './shapes';

export const NORM_EPSILON = 1e-5;

export interface ForwardOptions {
  training: boolean;
  /** Dropout masks already scaled by 1/(1 - rate), keyed by layer index (-1 = inputs); applied whenever given
   * (training passes; an evaluation pass only under the debugging lab's dropout-at-inference fault). */
  dropoutMasks?: Map<number, tf.Tensor>;
  /** Running batch-norm statistics (`<layer>/movingMean`, `<layer>/movingVariance`), used when not training. */
  running?: Map<string, tf.Tensor>;
  /** Keep each dense/conv layer's pre-activation (no fused activation), for telemetry. */
  preActivations?: boolean;
}

export interface ForwardResult {
  /** Output layer pre-activation, [P, B, outputs]. */
  logits: tf.Tensor;
  /** Output after its activation. */
  output: tf.Tensor;
  /** Output of every dense/conv layer (after activation), for telemetry. */
  layerOutputs: tf.Tensor[];
  /** With `preActivations`: what each dense/conv layer's activation function received (after normalization). */
  layerPreActivations: tf.Tensor[];
  /** Batch mean/variance of batch-normalized layers in training, to update the running averages. */
  batchMoments: Map<string, { mean: tf.Tensor; variance: tf.Tensor }>;
}

type Lookup = (name: string) => tf.Tensor;

function dense(plan: LayerPlan, spec: DenseLayerSpec, x: tf.Tensor, param: Lookup, options: ForwardOptions, last: boolean, moments: ForwardResult['batchMoments']): { z: tf.Tensor; a: tf.Tensor } {
  const kernel = param(`${plan.name}/kernel`);
  const bias = spec.useBias === false ? undefined : param(`${plan.name}/bias`);
  const activation = spec.activation ?? 'linear';
  const normalization = spec.normalization ?? 'none';
  const fused = fusedActivation(activation);
  let z: tf.Tensor;
  let a: tf.Tensor;
  // The wasm backend's fused matmul only takes a rank-1 bias, and our bias is per member [P, 1, out];
  // on webgpu the fused matmul can mix members (see population-matmul.ts).
  const safe = needsSafeMatMul();
  const canFuseBias = tf.getBackend() !== 'wasm' && !safe;
  if (normalization === 'none' && fused !== null && !last && !safe && (canFuseBias || !bias) && !options.preActivations) {
    // One kernel for matmul + bias + activation; the logits are not needed for hidden layers.
    a = tf.fused.matMul({ a: x as tf.Tensor3D, b: kernel as tf.Tensor3D, bias, activation: fused, leakyreluAlpha: 0.01 });
    z = a;
  } else {
    z = bias && canFuseBias ? tf.fused.matMul({ a: x as tf.Tensor3D, b: kernel as tf.Tensor3D, bias }) : memberMatMul(x, kernel);
    if (bias && !canFuseBias) z = tf.add(z, bias);
    if (normalization !== 'none') {
      const gamma = param(`${plan.name}/gamma`);
      const beta = param(`${plan.name}/beta`);
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (normalization === 'layer') ({ mean, variance } = tf.moments(z, -1, true));
      else if (options.training || !options.running) {
        ({ mean, variance } = tf.moments(z, 1, true));
        moments.set(plan.name, { mean, variance });
      } else {
        mean = options.running.get(`${plan.name}/movingMean`) as tf.Tensor;
        variance = options.running.get(`${plan.name}/movingVariance`) as tf.Tensor;
      }
      z = tf.add(tf.mul(gamma, tf.div(tf.sub(z, mean), tf.sqrt(tf.add(variance, NORM_EPSILON)))), beta);
    }
    a = activate(activation, z);
  }
  if (spec.residual) a = tf.add(a, x);
  return { z, a };
}

/** Member p's slice of a [P, ...] tensor, without the member axis. (Slicing, not tf.unstack: the gradient of
 * unstack fails in tfjs when some outputs get no gradient.) */
function member(t: tf.Tensor, p: number): tf.Tensor {
  const rest = t.shape.slice(1);
  return tf.reshape(tf.slice(t, [p, ...rest.map(() => 0)], [1, ...rest]), rest);
}

/**
 * Conv layers. On the CPU backends the whole population is one kernel call (`population-conv.ts`: tfjs
 * convolutions have no per-member filters, and the CPU backends have no fast filter gradient). On a GPU
 * backend tfjs' conv2d runs member by member. A 1-D convolution is a 2-D one of height 1.
 */
function conv(plan: LayerPlan, x: tf.Tensor, param: Lookup, keepZ: boolean): { z: tf.Tensor; a: tf.Tensor } {
  const spec = plan.spec as Extract<LayerSpec, { type: 'conv1d' | 'conv2d' }>;
  const kernel = param(`${plan.name}/kernel`);
  const bias = spec.useBias === false ? null : param(`${plan.name}/bias`);
  const stride = spec.stride ?? 1;
  const padding = spec.padding ?? 'same';
  const oneD = spec.type === 'conv1d';
  const [members, batch] = x.shape as [number, number];
  const [height, width, channels] = oneD ? [1, plan.inputShape[0] as number, plan.inputShape[1] as number] : (plan.inputShape as [number, number, number]);
  const filters = spec.filters;
  const k = spec.kernelSize;
  const kernelHeight = oneD ? 1 : k;
  const strides: [number, number] = oneD ? [1, stride] : [stride, stride];
  if (populationConvAvailable()) {
    const input5 = tf.reshape(x, [members, batch, height, width, channels]);
    const filter5 = tf.reshape(kernel, [members, kernelHeight, k, channels, filters]);
    // ReLU is fused into the kernel (unless the pre-activation is kept); any other activation runs after it.
    const activation = spec.activation ?? 'relu';
    const fuse = activation === 'relu' && !keepZ;
    const z = populationConv2d(input5, filter5, bias, strides, padding, fuse);
    const shape = [members, batch, ...plan.outputShape];
    return { z: tf.reshape(z, shape), a: tf.reshape(fuse ? z : activate(activation, z), shape) };
  }
  const zs: tf.Tensor[] = [];
  const outputs: tf.Tensor[] = [];
  for (let p = 0; p < members; p++) {
    const input4 = tf.reshape(member(x, p), [batch, height, width, channels]) as tf.Tensor4D;
    const filter4 = tf.reshape(member(kernel, p), [kernelHeight, k, channels, filters]) as tf.Tensor4D;
    let z: tf.Tensor = tf.conv2d(input4, filter4, strides, padding);
    if (bias) z = tf.add(z, member(bias, p));
    if (keepZ) zs.push(tf.reshape(z, [batch, ...plan.outputShape]));
    outputs.push(tf.reshape(activate(spec.activation ?? 'relu', z), [batch, ...plan.outputShape]));
  }
  const a = tf.stack(outputs);
  return { z: keepZ ? tf.stack(zs) : a, a };
}

/** Pooling over [P·B, ...spatial, C]: the member and batch axes are merged, then restored. A 1-D window is a
 * 2-D window of height 1. The CPU backends use the engine's kernel (tfjs-cpu's max-pool gradient is slow). */
function pool(plan: LayerPlan, x: tf.Tensor): tf.Tensor {
  const spec = plan.spec as Extract<LayerSpec, { type: 'pool1d' | 'pool2d' }>;
  const [members, batch] = x.shape as [number, number];
  const size = spec.size;
  const oneD = spec.type === 'pool1d';
  const spatial = oneD ? [1, plan.inputShape[0] as number] : plan.inputShape.slice(0, 2);
  const merged = tf.reshape(x, [members * batch, spatial[0] as number, spatial[1] as number, plan.inputShape[oneD ? 1 : 2] as number]) as tf.Tensor4D;
  const window: [number, number] = oneD ? [1, size] : [size, size];
  let pooled: tf.Tensor;
  if (populationConvAvailable()) pooled = populationPool(merged, spec.pool, window);
  else pooled = spec.pool === 'max' ? tf.maxPool(merged, window, window, 'valid') : tf.avgPool(merged, window, window, 'valid');
  return tf.reshape(pooled, [members, batch, ...plan.outputShape]);
}

export function forward(plans: LayerPlan[], param: Lookup, input: tf.Tensor, options: ForwardOptions): ForwardResult {
  const layerOutputs: tf.Tensor[] = [];
  const layerPreActivations: tf.Tensor[] = [];
  const keepZ = options.preActivations === true;
  const batchMoments: ForwardResult['batchMoments'] = new Map();
  let x = input;
  const inputMask = options.dropoutMasks?.get(-1);
  if (inputMask) x = tf.mul(x, inputMask);
  let logits = x;
  const lastIndex = plans.length - 1;
  for (const plan of plans) {
    const spec = plan.spec;
    const last = plan.index === lastIndex;
    if (spec.type === 'dense' && plan.inputShape.length === 2) {
      // Positions join the batch axis ([P, B·S, F]), so the one kernel applies at every position.
      const [members, batch] = x.shape as [number, number];
      const positions = plan.inputShape[0] as number;
      const rows = tf.reshape(x, [members, batch * positions, plan.inputShape[1] as number]);
      const { z, a } = dense(plan, spec, rows, param, options, last, batchMoments);
      logits = tf.reshape(z, [members, batch, ...plan.outputShape]);
      x = tf.reshape(a, [members, batch, ...plan.outputShape]);
      if (keepZ) layerPreActivations.push(logits);
    } else if (spec.type === 'dense') {
      const { z, a } = dense(plan, spec, x, param, options, last, batchMoments);
      logits = z;
      x = a;
      if (keepZ) layerPreActivations.push(z);
    } else if (spec.type === 'conv1d' || spec.type === 'conv2d') {
      const { z, a } = conv(plan, x, param, keepZ);
      x = a;
      if (keepZ) layerPreActivations.push(z);
    } else if (spec.type === 'pool1d' || spec.type === 'pool2d') x = pool(plan, x);
    else x = tf.reshape(x, [x.shape[0] as number, x.shape[1] as number, ...plan.outputShape]);
    const mask = options.dropoutMasks?.get(plan.index);
    if (mask) x = tf.mul(x, mask);
    if (spec.type !== 'flatten' && spec.type !== 'pool1d' && spec.type !== 'pool2d') layerOutputs.push(x);
  }
  return { logits, output: x, layerOutputs, layerPreActivations, batchMoments };
}

/** Running batch-norm statistics: running ← m·running + (1 - m)·batch. */
export const BATCH_NORM_MOMENTUM = 0.9;

/** The running averages after one training step's batch moments (new tensors; the caller swaps them in). */
export function updatedRunning(running: Map<string, tf.Tensor>, moments: ForwardResult['batchMoments']): Map<string, tf.Tensor> {
  const next = new Map<string, tf.Tensor>();
  for (const [layer, m] of moments) {
    const mean = running.get(`${layer}/movingMean`) as tf.Tensor;
    const variance = running.get(`${layer}/movingVariance`) as tf.Tensor;
    next.set(`${layer}/movingMean`, tf.add(tf.mul(mean, BATCH_NORM_MOMENTUM), tf.mul(m.mean, 1 - BATCH_NORM_MOMENTUM)));
    next.set(`${layer}/movingVariance`, tf.add(tf.mul(variance, BATCH_NORM_MOMENTUM), tf.mul(m.variance, 1 - BATCH_NORM_MOMENTUM)));
  }
  return next;
}
