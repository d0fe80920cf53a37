/**
 * A plain TypeScript MLP trainer in float64, written independently of tfjs, used as the reference the engine
 * is tested against (same seed → same data, initial weights and shuffles, so the same trajectory) and as the
 * baseline of `npm run bench`. Dense layers, activations linear/relu/leaky_relu/tanh/sigmoid, softmax +
 * categorical cross-entropy, sigmoid + binary cross-entropy, mse; every optimizer, L1/L2, decoupled weight
 * decay, clipping and schedule of the registries (`optimizer.ts` applies their scalar rules). Not covered (rejected by
 * `create`): dropout, max-norm, frozen layers, layers without bias.
 *
 * Per example, forward: z_l = W_lᵀ h_{l-1} + b_l, h_l = act(z_l). Backward: δ_L from the loss (see
 * dense-backprop.ts), δ_{l-1} = (W_l δ_l) ⊙ act'(z_{l-1}); ∂W_l += h_{l-1} δ_lᵀ, ∂b_l += δ_l; the batch
 * gradient is the mean over the batch.
 */
import type { ActivationName, DenseLayerSpec, LossName, RunConfig } from '../config';
import type { ResolvedConfig } from '../resolved';
import { buildDataset, type DataSplit } from '../datasets';
import { classEncoding } from '../model/encoding';
import { initialMemberValues } from '../model/initial-values';
import { planModel, type LayerPlan } from '../model/shapes';
import { Random, deriveSeed } from '../random';
import { dropoutRates } from '../train/dropout';
import { SALT_SHUFFLE } from '../train/salts';
import { validateConfig } from '../validate';
import { ACTIVATIONS } from '../registry/activations';
import { ReferenceOptimizer, type ReferenceParam } from './optimizer';

/** φ(z) and φ'(z) from a = φ(z), from the activation registry (softmax: identity here, applied over the layer below). */
const act = (name: ActivationName, z: number): number => ACTIVATIONS[name].value(z);
const actPrime = (name: ActivationName, a: number): number => ACTIVATIONS[name].derivativeFromOutput(a);

interface Layer {
  inputs: number;
  units: number;
  activation: ActivationName;
  weights: Float64Array; // [inputs × units], row-major like the engine's kernel
  bias: Float64Array;
}

export class ReferenceMLP {
  readonly layers: Layer[];
  readonly loss: LossName;
  private readonly data: { inputs: Float64Array; targets: Float64Array; count: number; inputSize: number; targetWidth: number };
  readonly batchSize: number;
  readonly seed: number;
  /** The update rule: penalties, clipping, the registry's optimizer and schedule. */
  readonly optimizer: ReferenceOptimizer;
  step = 0;
  /** Scratch buffers, allocated once (a fair plain-loop baseline for the benchmark allocates nothing per step). */
  private readonly activations: Float64Array[];
  private readonly deltas: Float64Array[];
  private readonly gradW: Float64Array[];
  private readonly gradB: Float64Array[];
  /** Every layer's kernel then bias, with the batch-mean gradient buffers the optimizer reads. */
  private readonly params: ReferenceParam[];
  private order: Int32Array = new Int32Array(0);
  private orderEpoch = -1;

  private constructor(plans: LayerPlan[], config: ResolvedConfig, memberIndex: number, data: ReferenceMLP['data'], initial: Float32Array[][]) {
    const member = config.members[memberIndex]!;
    const o = config.training.optimizer;
    this.loss = config.training.loss;
    this.seed = member.seed;
    this.data = data;
    this.batchSize = Math.min(config.training.batchSize, data.count);
    this.layers = plans.map((plan, i) => {
      const spec = plan.spec as DenseLayerSpec;
      const [weights, bias] = initial[i] as [Float32Array, Float32Array];
      return { inputs: plan.inputShape[0] as number, units: spec.units, activation: spec.activation ?? 'linear', weights: Float64Array.from(weights), bias: Float64Array.from(bias) };
    });
    this.activations = this.layers.map((l) => new Float64Array(l.units));
    this.deltas = this.layers.map((l) => new Float64Array(l.units));
    this.gradW = this.layers.map((l) => new Float64Array(l.weights.length));
    this.gradB = this.layers.map((l) => new Float64Array(l.bias.length));
    this.params = this.layers.flatMap((layer, l) => [
      { values: layer.weights, gradient: this.gradW[l]!, kernel: true },
      { values: layer.bias, gradient: this.gradB[l]!, kernel: false },
    ]);
    this.optimizer = new ReferenceOptimizer(
      {
        name: o.name,
        learningRate: member.learningRate,
        scalars: { momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon },
        schedule: o.schedule,
        penalties: { l1: member.l1, l2: member.l2 },
        weightDecay: member.weightDecay,
        clipValue: o.clipValue,
        clipNorm: o.clipNorm,
      },
      this.params.map((p) => p.values.length),
    );
  }

  /** Builds the same network, data, initial weights and update rule as the engine for member `memberIndex`
   * of `config` (trained on the shared training split). */
  static async create(config: RunConfig, memberIndex = 0): Promise<ReferenceMLP> {
    const resolved = validateConfig(config);
    const plans = planModel(resolved.model.inputShape, resolved.model.layers);
    if (!Array.isArray(plans) || plans.some((p) => p.spec.type !== 'dense' || p.spec.normalization !== 'none' || p.spec.residual))
      throw new Error('the reference trainer handles plain dense MLPs only');
    const member = resolved.members[memberIndex];
    if (!member) throw new Error(`the config has no member ${memberIndex}`);
    const unsupported = referenceUnsupported(resolved, plans as LayerPlan[], memberIndex);
    if (unsupported) throw new Error(`the reference trainer does not implement ${unsupported}`);
    const dataset = await buildDataset(resolved.dataset);
    const outputs = plans[plans.length - 1]!.outputShape[0]!;
    const split: DataSplit = dataset.train;
    const encoding = dataset.classes === null ? null : classEncoding(resolved.training.loss, outputs);
    const targetWidth = encoding ? encoding.width : dataset.targetSize;
    const targets = new Float64Array(split.count * targetWidth);
    if (encoding) {
      const scratch = new Float32Array(targetWidth);
      for (let i = 0; i < split.count; i++) {
        encoding.encode(split.targets[i]!, scratch, 0);
        targets.set(scratch, i * targetWidth);
      }
    } else targets.set(split.targets);
    const initial = plans.map((plan) => plan.params.map((spec, i) => initialMemberValues(plan, spec, i, member, resolved.model.initializer)));
    return new ReferenceMLP(plans, resolved, memberIndex, {
      inputs: Float64Array.from(split.inputs),
      targets,
      count: split.count,
      inputSize: dataset.inputSize,
      targetWidth,
    }, initial);
  }

  get stepsPerEpoch(): number {
    return Math.ceil(this.data.count / this.batchSize);
  }

  /** Forward pass of one example into the scratch buffers; returns every layer's activations (index 0 = input). */
  private forward(input: Float64Array): Float64Array[] {
    const values = [input];
    let h = input;
    for (const [l, layer] of this.layers.entries()) {
      const out = this.activations[l]!;
      for (let j = 0; j < layer.units; j++) {
        let z = layer.bias[j]!;
        for (let i = 0; i < layer.inputs; i++) z += h[i]! * layer.weights[i * layer.units + j]!;
        out[j] = act(layer.activation, z);
      }
      if (layer.activation === 'softmax') {
        let max = -Infinity;
        for (const v of out) max = Math.max(max, v);
        let sum = 0;
        for (let j = 0; j < out.length; j++) sum += out[j] = Math.exp(out[j]! - max);
        for (let j = 0; j < out.length; j++) out[j] = out[j]! / sum;
      }
      values.push(out);
      h = out;
    }
    return values;
  }

  /** One optimizer step on the next minibatch (same order as the engine: per-epoch seeded permutation). */
  trainStep(): void {
    const n = this.data.count;
    const epoch = Math.floor(this.step / this.stepsPerEpoch);
    if (epoch !== this.orderEpoch) {
      this.order = this.batchSize >= n ? Int32Array.from({ length: n }, (_, i) => i) : new Random(deriveSeed(this.seed, SALT_SHUFFLE, epoch)).permutation(n);
      this.orderEpoch = epoch;
    }
    const order = this.order;
    const offset = (this.step % this.stepsPerEpoch) * this.batchSize;
    const size = Math.min(this.batchSize, n - offset);
    const gradW = this.gradW;
    const gradB = this.gradB;
    for (const g of gradW) g.fill(0);
    for (const g of gradB) g.fill(0);
    const { inputSize, targetWidth } = this.data;
    const last = this.layers.length - 1;
    const output = this.layers[last]!;
    for (let k = 0; k < size; k++) {
      const row = order[offset + k]!;
      const values = this.forward(this.data.inputs.subarray(row * inputSize, (row + 1) * inputSize));
      const y = this.data.targets.subarray(row * targetWidth, (row + 1) * targetWidth);
      const o = values[last + 1]!;
      let delta = this.deltas[last]!;
      for (let j = 0; j < o.length; j++) {
        const diff = o[j]! - y[j]!;
        if (this.loss === 'categorical_crossentropy') delta[j] = diff;
        else if (this.loss === 'binary_crossentropy') delta[j] = diff / o.length;
        else delta[j] = ((2 * diff) / o.length) * actPrime(output.activation, o[j]!);
      }
      for (let l = last; l >= 0; l--) {
        const layer = this.layers[l]!;
        const h = values[l]!;
        const gw = gradW[l]!;
        const gb = gradB[l]!;
        for (let i = 0; i < layer.inputs; i++) for (let j = 0; j < layer.units; j++) gw[i * layer.units + j] = gw[i * layer.units + j]! + h[i]! * delta[j]!;
        for (let j = 0; j < layer.units; j++) gb[j] = gb[j]! + delta[j]!;
        if (l === 0) break;
        const below = this.layers[l - 1]!;
        const next = this.deltas[l - 1]!;
        for (let i = 0; i < layer.inputs; i++) {
          let s = 0;
          for (let j = 0; j < layer.units; j++) s += layer.weights[i * layer.units + j]! * delta[j]!;
          next[i] = s * actPrime(below.activation, h[i]!);
        }
        delta = next;
      }
    }
    for (const { gradient } of this.params) for (let e = 0; e < gradient.length; e++) gradient[e] = gradient[e]! / size;
    this.optimizer.apply(this.params, this.step);
    this.step++;
  }

  /** Mean loss over the training data. */
  meanLoss(): number {
    const { inputSize, targetWidth, count } = this.data;
    let total = 0;
    for (let row = 0; row < count; row++) {
      const values = this.forward(this.data.inputs.subarray(row * inputSize, (row + 1) * inputSize));
      const o = values[values.length - 1]!;
      const y = this.data.targets.subarray(row * targetWidth, (row + 1) * targetWidth);
      for (let j = 0; j < o.length; j++) {
        const p = Math.min(1 - 1e-12, Math.max(1e-12, o[j]!));
        if (this.loss === 'categorical_crossentropy') total -= y[j]! * Math.log(p);
        else if (this.loss === 'binary_crossentropy') total -= (y[j]! * Math.log(p) + (1 - y[j]!) * Math.log(1 - p)) / o.length;
        else total += (o[j]! - y[j]!) ** 2 / o.length;
      }
    }
    return total / count;
  }
}

/** What of a validated config the reference does not implement, or null. */
function referenceUnsupported(config: ResolvedConfig, plans: LayerPlan[], memberIndex: number): string | null {
  const dropout = dropoutRates(config, plans);
  if (dropout && [...dropout.values()].some((rates) => (rates[memberIndex] ?? 0) > 0)) return 'dropout';
  for (const plan of plans) {
    const spec = plan.spec as DenseLayerSpec;
    if ((spec.maxNorm ?? 0) > 0) return 'max-norm';
    if (spec.trainable === false) return 'frozen layers';
    if (spec.useBias === false) return 'layers without bias';
  }
  return null;
}
