/**
 * The JS side of the dense-wasm kernel: lays out its memory (layout.ts), converts between the engine's
 * member-major parameter layout ([P, in, out] kernels, [P, out] biases) and the kernel's interleaved lanes,
 * and hands the kernel everything random that JS drew (epoch orders, dropout masks). It draws nothing itself.
 */
import type { ActivationName } from '../../registry/activations';
import type { LossName } from '../../registry/losses';
import type { OptimizerName } from '../../registry/optimizers';
import { FLAG, HEADER_ADDRESS, LAYER, LAYER_BASE, LAYER_FLAG, LAYER_WORDS, WORD, denseShapes, fromLanes, planMemory, toLanes, type Plan } from './layout';
import { layerShapes, spatialWords, type SpatialLayer } from './spatial';

/** Every activation of the registry (a new key fails to compile until the kernel has a code for it). */
export type KernelActivation = ActivationName;
/** Not in the kernel: hinge (no closed-form output gradient), the lab's naive cross-entropy. Those go to tfjs. */
export type KernelLoss = Exclude<LossName, 'hinge' | 'naive_crossentropy'>;
/** Every optimizer of the registry: a new key fails to compile here until the kernel has a code for it. */
export type KernelOptimizer = OptimizerName;

const ACTIVATION_CODE: Record<KernelActivation, number> = { linear: 0, tanh: 1, sigmoid: 2, relu: 3, leaky_relu: 4, softmax: 5 };
const LOSS_CODE: Record<KernelLoss, number> = { mse: 0, binary_crossentropy: 1, categorical_crossentropy: 2 };
const OPTIMIZER_CODE: Record<KernelOptimizer, number> = { sgd: 0, momentum: 1, nesterov: 2, rmsprop: 3, adam: 4 };

export interface DenseKernelSpec {
  members: number;
  /** Values per example after each layer, inputs first: [2, 8, 8, 1] (S·units for a layer at S positions). */
  widths: number[];
  /** Per layer: the positions it runs at with the same weights (1 for a plain dense layer). */
  positions?: number[];
  /** Per layer: the geometry of a conv or pool layer, null for a dense one (default: all dense). */
  spatial?: (SpatialLayer | null)[];
  activations: KernelActivation[];
  useBias: boolean[];
  /** Hidden layers that add their input to their output (h = h_in + act(z)); never the output layer. Default none. */
  residual?: boolean[];
  trainable: boolean[];
  maxNorm: number[];
  loss: KernelLoss;
  optimizer: { name: KernelOptimizer; momentum: number; beta1: number; beta2: number; epsilon: number; clipNorm: number; clipValue: number };
  /** Per member. */
  l1: number[];
  l2: number[];
  weightDecay: number[];
  /** Training rows per member and the batch size (scratch rows; evaluation runs in chunks of it). */
  rows: number;
  batchSize: number;
  /** [P][N][in] and [P][N][K], member-major. */
  inputs: Float32Array;
  targets: Float32Array;
}

interface Exports {
  memory: WebAssembly.Memory;
  init(header: number): void;
  step(offset: number, size: number, report: number, c1: number, c2: number): void;
  evaluate(inputs: number, count: number, perMember: number, out: number, layer: number, zOut: number, pre: number): void;
}

export class DenseKernel {
  readonly plan: Plan;
  readonly members: number;
  readonly layers: number;
  private readonly k: Exports;
  private masksOn = false;
  /** The layers with parameters (not pool layers): the layers of the progress events' statistics. */
  private readonly statLayers: number[];

  constructor(readonly module: WebAssembly.Module, readonly spec: DenseKernelSpec) {
    const { widths, members } = spec;
    this.members = members;
    this.layers = widths.length - 1;
    const batchMax = Math.max(1, Math.min(spec.batchSize, spec.rows));
    const spatial = spec.spatial ?? widths.slice(1).map(() => null);
    const { shapes, taps } = layerShapes(denseShapes(widths, spec.positions), spatial);
    this.plan = planMemory(widths, spec.useBias, members, spec.rows, batchMax, shapes, spec.residual ?? []);
    this.statLayers = shapes.flatMap((shape, l) => (shape.fanIn * shape.fanOut > 0 ? [l] : []));
    this.k = new WebAssembly.Instance(module, {}).exports as unknown as Exports;
    if (this.k.memory.buffer.byteLength > HEADER_ADDRESS) throw new Error('dense-wasm: static data overlaps the header');
    this.ensureBytes(this.plan.end);
    const a = this.plan.address;
    const w = new Int32Array(this.k.memory.buffer, HEADER_ADDRESS, LAYER_BASE + this.layers * LAYER_WORDS);
    const f = new Float32Array(w.buffer, w.byteOffset, w.length);
    const o = spec.optimizer;
    w[WORD.layers] = this.layers;
    w[WORD.groups] = this.plan.groups;
    w[WORD.paramsPerNet] = this.plan.Q;
    w[WORD.rows] = spec.rows;
    w[WORD.batchMax] = batchMax;
    w[WORD.loss] = LOSS_CODE[spec.loss];
    w[WORD.optimizer] = OPTIMIZER_CODE[o.name];
    for (const key of ['params', 'grads', 'state1', 'state2', 'rates', 'l1', 'l2', 'decay', 'active', 'inputs', 'targets', 'order', 'lossOut', 'stats', 'bad', 'y', 'z', 'before'] as const) w[WORD[key]] = a[key]!;
    w[WORD.inputMask] = 0;
    w[WORD.inputWidth] = widths[0]!;
    w[WORD.outputWidth] = widths[this.layers]!;
    w[WORD.flags] = (spec.l1.some((v) => v > 0) ? FLAG.l1 : 0) | (spec.l2.some((v) => v > 0) ? FLAG.l2 : 0) | (spec.weightDecay.some((v) => v > 0) ? FLAG.decay : 0);
    f[WORD.momentum] = o.momentum;
    f[WORD.beta1] = o.beta1;
    f[WORD.beta2] = o.beta2;
    f[WORD.epsilon] = o.epsilon;
    f[WORD.clipNorm] = o.clipNorm;
    f[WORD.clipValue] = o.clipValue;
    for (let l = 0; l < this.layers; l++) {
      const base = LAYER_BASE + l * LAYER_WORDS;
      const s = this.plan.layerScratch[l]!;
      w[base + LAYER.in] = this.plan.fanIn[l]!;
      w[base + LAYER.out] = this.plan.fanOut[l]!;
      w[base + LAYER.positions] = this.plan.positions[l]!;
      w[base + LAYER.act] = ACTIVATION_CODE[spec.activations[l]!];
      w[base + LAYER.kernel] = this.plan.kernelOffset[l]!;
      w[base + LAYER.bias] = Math.max(0, this.plan.biasOffset[l]!);
      f[base + LAYER.maxNorm] = spec.maxNorm[l]!;
      w[base + LAYER.hIn] = s.hIn;
      w[base + LAYER.aOut] = s.aOut;
      w[base + LAYER.hOut] = s.hOut;
      w[base + LAYER.delta] = s.delta;
      w[base + LAYER.grad] = s.grad;
      w[base + LAYER.mask] = 0;
      w[base + LAYER.values] = widths[l + 1]!;
      const g = spatial[l];
      if (g) spatialWords(w.subarray(base, base + LAYER_WORDS), g, s.taps, taps[l] ?? null, new Int32Array(this.k.memory.buffer));
    }
    this.k.init(HEADER_ADDRESS);
    this.setTrainable(spec.trainable);
    this.setLanes('l1', spec.l1);
    this.setLanes('l2', spec.l2);
    this.setLanes('decay', spec.weightDecay);
    new Int32Array(this.k.memory.buffer, a.active!, this.plan.padded).set(Array.from({ length: this.plan.padded }, (_, p) => (p < members ? -1 : 0)));
    this.f32('inputs', spec.inputs.length).set(spec.inputs);
    this.f32('targets', spec.targets.length).set(spec.targets);
  }

  private ensureBytes(bytes: number): void {
    const have = this.k.memory.buffer.byteLength;
    if (have < bytes) this.k.memory.grow(Math.ceil((bytes - have) / 65536));
  }

  private words(): Int32Array {
    return new Int32Array(this.k.memory.buffer, HEADER_ADDRESS, LAYER_BASE + this.layers * LAYER_WORDS);
  }

  private f32(name: string, length: number): Float32Array {
    return new Float32Array(this.k.memory.buffer, this.plan.address[name]!, length);
  }

  /** Writes one value per member into a [G][4] lane buffer (padding lanes get 0). */
  private setLanes(name: string, values: ArrayLike<number>): void {
    const view = this.f32(name, this.plan.padded);
    view.fill(0);
    for (let p = 0; p < this.members; p++) view[p] = values[p]!;
  }

  setTrainable(trainable: boolean[]): void {
    const w = this.words();
    for (let l = 0; l < this.layers; l++)
      w[LAYER_BASE + l * LAYER_WORDS + LAYER.flags] = (trainable[l] ? LAYER_FLAG.trainable : 0) | (this.spec.useBias[l] ? LAYER_FLAG.bias : 0)
        | (this.spec.residual?.[l] ? LAYER_FLAG.residual : 0);
  }

  /** Learning rate of each member for the next steps (the schedule is applied by the caller). */
  setRates(rates: ArrayLike<number>): void {
    this.setLanes('rates', rates);
  }

  /** Members that train (false: frozen, e.g. diverged). Padding lanes never train. */
  setActive(active: boolean[]): void {
    const view = new Int32Array(this.k.memory.buffer, this.plan.address.active!, this.plan.padded);
    for (let p = 0; p < this.members; p++) view[p] = active[p] ? -1 : 0;
  }

  /** Members whose update produced a non-finite weight since the last call (the kernel froze them). */
  takeBad(): boolean[] {
    const view = new Int32Array(this.k.memory.buffer, this.plan.address.bad!, this.plan.padded);
    const out = Array.from({ length: this.members }, (_, p) => view[p] !== 0);
    view.fill(0);
    return out;
  }

  /** Each member's row order for the current epoch, [P][N] row indices into its own data. */
  setOrder(order: Int32Array): void {
    this.orderRows().set(order);
  }

  /** The kernel's [P][N] row orders, to be written in place; padding members keep the identity. */
  orderRows(): Int32Array {
    const N = this.spec.rows;
    const view = new Int32Array(this.k.memory.buffer, this.plan.address.order!, this.plan.padded * N);
    for (let i = this.members * N; i < view.length; i++) view[i] = i % N;
    return view.subarray(0, this.members * N);
  }

  /** Dropout masks of this step ([P][B][width] each; key -1 = inputs, l = hidden layer l's output), or null. */
  setMasks(masks: Map<number, Float32Array> | null): void {
    if (!masks && !this.masksOn) return;
    const w = this.words();
    w[WORD.inputMask] = 0;
    for (let l = 0; l < this.layers; l++) w[LAYER_BASE + l * LAYER_WORDS + LAYER.mask] = 0;
    this.masksOn = masks !== null;
    for (const [index, values] of masks ?? []) {
      const at = index === -1 ? this.plan.address.inputMask! : this.plan.layerScratch[index]!.mask;
      if (!at) throw new Error(`dense-wasm: no dropout on layer ${index} (the output layer has none)`);
      new Float32Array(this.k.memory.buffer, at, values.length).set(values);
      if (index === -1) w[WORD.inputMask] = at;
      else w[LAYER_BASE + index * LAYER_WORDS + LAYER.mask] = at;
    }
  }

  /** One step of every member on rows [offset, offset + size) of its order; `collect`: keep its batch loss and layer
   * statistics, `withLoss`: its batch loss only. `t` counts steps from 1 (Adam's bias corrections 1/(1 - β^t) are
   * computed here in float64 and passed in). */
  step(offset: number, size: number, collect: boolean, t: number, withLoss = collect): void {
    if (withLoss || collect) this.f32('lossOut', this.plan.padded).fill(0);
    const report = (withLoss || collect ? 1 : 0) | (collect ? 2 : 0);
    const o = this.spec.optimizer;
    if (o.name === 'adam') this.k.step(offset, size, report, 1 / (1 - o.beta1 ** t), 1 / (1 - o.beta2 ** t));
    else this.k.step(offset, size, report, 1, 1);
  }

  /** Batch loss (+ L1/L2 penalty) of each member at the last step that reported it. */
  lastLoss(): Float32Array {
    return this.f32('lossOut', this.members).slice();
  }

  /** [P][3S]: gradient norms | weight norms | update ratios of the last collecting step, for the S layers with
   * parameters (progress events' order; the kernel keeps 3 per layer, pool layers included). */
  lastStats(): Float32Array {
    const L = this.layers;
    const S = this.statLayers.length;
    const lanes = this.f32('stats', this.plan.groups * 3 * L * 4);
    const out = new Float32Array(this.members * 3 * S);
    for (let p = 0; p < this.members; p++)
      for (let part = 0; part < 3; part++)
        this.statLayers.forEach((l, i) => (out[p * 3 * S + part * S + i] = lanes[((p >> 2) * 3 * L + part * L + l) * 4 + (p & 3)]!));
    return out;
  }

  /** Parameters in the engine layout: per layer, kernel [P·in·out] and bias [P·out] (null without bias).
   * `which`: the weights, the last collecting step's gradients (after penalty and clipping), or optimizer state. */
  read(which: 'params' | 'grads' | 'state1' | 'state2' = 'params'): { kernels: Float32Array[]; biases: (Float32Array | null)[] } {
    const { Q, kernelOffset, biasOffset, fanIn, fanOut } = this.plan;
    const lanes = this.f32(which, this.plan.groups * Q * 4);
    const kernels = fanOut.map((out, l) => fromLanes(lanes, Q, this.members, kernelOffset[l]!, fanIn[l]! * out));
    const biases = fanOut.map((out, l) => (biasOffset[l]! >= 0 ? fromLanes(lanes, Q, this.members, biasOffset[l]!, out) : null));
    return { kernels, biases };
  }

  /** Inverse of `read`; a missing bias (or layer) is left as it is. */
  write(values: { kernels: (Float32Array | null)[]; biases: (Float32Array | null)[] }, which: 'params' | 'state1' | 'state2' = 'params'): void {
    const { Q, kernelOffset, biasOffset, fanIn, fanOut } = this.plan;
    const lanes = this.f32(which, this.plan.groups * Q * 4);
    fanOut.forEach((out, l) => {
      const kernel = values.kernels[l];
      const bias = values.biases[l];
      if (kernel) toLanes(lanes, Q, kernel, this.members, kernelOffset[l]!, fanIn[l]! * out);
      if (bias && biasOffset[l]! >= 0) toLanes(lanes, Q, bias, this.members, biasOffset[l]!, out);
    });
  }

  /** Zeroes the optimizer state (all members). */
  resetState(): void {
    this.f32('state1', this.plan.groups * this.plan.Q * 4).fill(0);
    this.f32('state2', this.plan.groups * this.plan.Q * 4).fill(0);
  }

  /** Outputs of layer `layer` (default: the output layer) of every member for `count` rows, evaluation mode: inputs
   * shared [count][in] or per member [P][count][in]; [P][count][width] out (`preActivation`: the layer's z instead). */
  evaluate(inputs: Float32Array, count: number, perMember: boolean, layer = this.layers - 1, preActivation = false): Float32Array {
    return this.run(inputs, count, perMember, layer, false, preActivation).a;
  }

  /** The output layer's outputs a and logits z, from one forward pass (as `evaluate`). */
  evaluateOutputs(inputs: Float32Array, count: number, perMember: boolean): { a: Float32Array; z: Float32Array } {
    const { a, z } = this.run(inputs, count, perMember, this.layers - 1, true);
    return { a, z: z! };
  }

  /** Uses memory past the static layout (grown as needed). */
  private run(inputs: Float32Array, count: number, perMember: boolean, layer: number, logits: boolean, pre = false): { a: Float32Array; z: Float32Array | null } {
    const width = this.plan.widths[layer + 1]!;
    const inBytes = (perMember ? this.plan.padded : 1) * count * this.plan.widths[0]! * 4;
    const outBytes = this.plan.padded * count * width * 4;
    const inAt = this.plan.end;
    const outAt = inAt + Math.ceil(inBytes / 16) * 16;
    const zAt = logits ? outAt + Math.ceil(outBytes / 16) * 16 : 0;
    this.ensureBytes((logits ? zAt : outAt) + outBytes);
    const view = new Float32Array(this.k.memory.buffer, inAt, inBytes / 4);
    view.fill(0);
    view.set(inputs);
    this.k.evaluate(inAt, count, perMember ? 1 : 0, outAt, layer, zAt, pre ? 1 : 0);
    const size = this.members * count * width;
    return { a: new Float32Array(this.k.memory.buffer, outAt, size).slice(), z: logits ? new Float32Array(this.k.memory.buffer, zAt, size).slice() : null };
  }
}
