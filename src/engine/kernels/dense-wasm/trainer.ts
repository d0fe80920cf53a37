/**
 * A population of plain dense networks trained by the dense-wasm kernel, with the tfjs path's semantics:
 * the same initial weights (model/initial-values.ts), epoch orders (a seeded permutation per member and
 * epoch; identity for full batch), dropout masks (train/dropout.ts), schedule, per-member learning rates, L1/L2,
 * decoupled weight decay, clipping, max-norm and frozen layers. Everything random is drawn here in JS; the kernel only computes.
 */
import type { DenseLayerSpec, LayerSpec } from '../../config';
import type { ActivationName } from '../../registry/activations';
import type { LayerPlan } from '../../model/shapes';
import { initialMemberValues } from '../../model/initial-values';
import { Random, deriveSeed } from '../../random';
import type { ResolvedConfig } from '../../resolved';
import type { MemberData } from '../../train/member-data';
import { SALT_SHUFFLE } from '../../train/salts';
import { scheduleFactor } from '../../train/schedule';
import { dropoutMaskValues, dropoutRates } from '../../train/dropout';
import { DenseKernel, type DenseKernelSpec } from './host';
import { denseWasmModule } from './load';
import { isSpatial, spatialOf } from './spatial';
import { denseWasmUnsupported, kernelLayers } from './support';
import { faultRateFactor, hasFaultHook } from '../../faults';
import { memberFingerprints } from '../../train/batch-fingerprint';

export { DENSE_WASM_FAULT_HOOKS, denseWasmUnsupported, kernelLayers } from './support';

/** Positions a dense layer runs at: S for an input [S, features] (the same weights at each), else 1. */
export const positionsOf = (plan: LayerPlan): number => (plan.spec.type === 'dense' && plan.inputShape.length === 2 ? (plan.inputShape[0] as number) : 1);

/** A kernel layer's activation: conv layers default to ReLU (the engine's conv spec), pool layers are linear. */
function activationOf(spec: LayerSpec): ActivationName {
  if (spec.type === 'dense') return spec.activation ?? 'linear';
  if (spec.type === 'conv1d' || spec.type === 'conv2d') return spec.activation ?? 'relu';
  return 'linear';
}

export function kernelSpec(config: ResolvedConfig, plans: LayerPlan[], data: MemberData): DenseKernelSpec {
  const o = config.training.optimizer;
  const layers = kernelLayers(plans);
  const specs = layers.map((p) => p.spec as Partial<DenseLayerSpec> & LayerSpec);
  const loss = config.training.loss;
  if (loss === 'hinge' || loss === 'naive_crossentropy') throw new Error(`dense-wasm cannot train ${loss}`);
  return {
    members: config.members.length,
    // Values per example after each layer (S·units for a layer run at S positions).
    widths: [data.base.inputSize, ...layers.map((plan) => plan.outputShape.reduce((a, b) => a * b, 1))],
    positions: layers.map(positionsOf),
    spatial: layers.map(spatialOf),
    activations: specs.map(activationOf),
    useBias: layers.map((p) => p.params.some((param) => param.role === 'bias')),
    residual: specs.map((d) => d.residual === true),
    trainable: layers.map((p, l) => p.params.length > 0 && specs[l]!.trainable !== false),
    maxNorm: specs.map((d) => d.maxNorm ?? 0),
    loss,
    optimizer: { name: o.name, momentum: o.momentum, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon, clipNorm: o.clipNorm, clipValue: o.clipValue },
    l1: config.members.map((m) => m.l1),
    l2: config.members.map((m) => m.l2),
    weightDecay: config.members.map((m) => m.weightDecay),
    rows: data.count,
    batchSize: config.training.batchSize,
    inputs: data.inputs,
    targets: data.targets,
  };
}

export class DenseWasmTrainer {
  step = 0;
  diverged: boolean[];
  trainable: boolean[];
  /** Σ of per-member batch losses since the last readback (of the collecting steps; of every step on a model
   * with spatial layers), and how many. */
  windowLoss: Float64Array | null = null;
  windowSteps = 0;
  /** [P][3L] layer statistics of the last collecting step, taken by the next progress event. */
  pendingStats: Float32Array | null = null;
  /** Gradients of the last collecting step by parameter name, kept only when histograms are requested. */
  lastGradients: Map<string, Float32Array> | null = null;
  /** The kernel's layers in order: dense, conv, pool (`kernelLayer` maps a model layer index to one). */
  readonly layers: LayerPlan[];
  private readonly everyLoss: boolean;
  private orderEpoch = -1;
  /** The lab's `repeated-batch` fault: every step trains on epoch 0's first minibatch (set with the config). */
  private repeated: boolean;
  /** The last step's batch rows (of the epoch order the kernel holds). */
  private lastOffset = 0;
  private lastSize = 0;
  private ratesStale = true;
  private sentTrainable: boolean[];
  protected rates: Map<number, number[]> | null;

  protected constructor(
    public config: ResolvedConfig,
    readonly plans: LayerPlan[],
    readonly data: MemberData,
    public kernel: DenseKernel,
  ) {
    this.diverged = new Array<boolean>(config.members.length).fill(false);
    this.layers = kernelLayers(plans);
    this.everyLoss = this.layers.some((plan) => isSpatial(plan.spec));
    // Indexed like the model's layers (the runner's setTrainable); the kernel gets the dense layers' flags.
    this.trainable = plans.map((plan) => !('trainable' in plan.spec) || plan.spec.trainable !== false);
    this.sentTrainable = this.trainable.slice();
    this.rates = dropoutRates(config, plans);
    this.repeated = hasFaultHook(config, 'sampler');
    const initial = this.layers.map((plan) => plan.params.map((spec, i) => config.members.map((m) => initialMemberValues(plan, spec, i, m, config.model.initializer))));
    const stack = (values: Float32Array[]) => {
      const out = new Float32Array(values.length * (values[0]?.length ?? 0));
      values.forEach((v, p) => out.set(v, p * v.length));
      return out;
    };
    kernel.write({ kernels: initial.map((layer) => (layer[0] ? stack(layer[0]) : null)), biases: initial.map((layer) => (layer[1] ? stack(layer[1]) : null)) });
  }

  static async create(config: ResolvedConfig, plans: LayerPlan[], data: MemberData): Promise<DenseWasmTrainer> {
    return new DenseWasmTrainer(config, plans, data, await DenseWasmTrainer.newKernel(config, plans, data));
  }

  protected static async newKernel(config: ResolvedConfig, plans: LayerPlan[], data: MemberData): Promise<DenseKernel> {
    const reason = denseWasmUnsupported(config, plans);
    if (reason) throw new Error(`dense-wasm cannot train this model: ${reason}`);
    return new DenseKernel(await denseWasmModule(), kernelSpec(config, plans, data));
  }

  /** The kernel's index of model layer `index` (a dense, conv or pool layer). */
  kernelLayer(index: number): number {
    return this.layers.findIndex((plan) => plan.index === index);
  }

  /** The kernel layers' trainable flags, as the kernel takes them. */
  protected kernelTrainable(): boolean[] {
    return this.layers.map((plan) => plan.params.length > 0 && (this.trainable[plan.index] ?? true));
  }

  get members(): number {
    return this.config.members.length;
  }

  get batchSize(): number {
    return Math.min(this.config.training.batchSize, this.data.count);
  }

  get stepsPerEpoch(): number {
    return Math.ceil(this.data.count / this.batchSize);
  }

  get epoch(): number {
    return this.step / this.stepsPerEpoch;
  }

  /** Per-member learning rate after the schedule; 0 for diverged members. */
  currentLearningRates(): number[] {
    const factor = scheduleFactor(this.config.training.optimizer.schedule, this.step);
    const fault = faultRateFactor(this.config);
    return this.config.members.map((m, p) => (this.diverged[p] ? 0 : m.learningRate * fault * factor));
  }

  /** Takes a new config (same architecture, members and data: a live change) by moving the weights, optimizer
   * state and frozen members into a kernel built for it (its scratch rows follow the batch size). */
  protected replaceConfig(config: ResolvedConfig): void {
    const next = new DenseKernel(this.kernel.module, kernelSpec(config, this.plans, this.data));
    for (const which of ['params', 'state1', 'state2'] as const) next.write(this.kernel.read(which), which);
    next.setActive(this.diverged.map((d) => !d));
    next.setTrainable(this.kernelTrainable());
    next.setOrder(this.kernel.orderRows()); // the last batch's rows stay readable (fingerprints)
    this.config = config;
    this.kernel = next;
    this.rates = dropoutRates(config, this.plans);
    this.repeated = hasFaultHook(config, 'sampler');
    this.orderEpoch = -1;
    this.ratesStale = true;
  }

  /** The last step's batch fingerprint per member (train/batch-fingerprint.ts), a read-back key, from the epoch
   * order in the kernel's memory. */
  fingerprints(): number[][] {
    return memberFingerprints(this.kernel.orderRows(), this.members, this.data.count, this.lastOffset, this.lastSize, false);
  }

  /** Lays out the epoch's row orders straight into the kernel's memory (no copy, no allocation per member). */
  private prepareEpoch(): void {
    const epoch = this.repeated ? 0 : Math.floor(this.step / this.stepsPerEpoch);
    if (epoch === this.orderEpoch) return;
    const n = this.data.count;
    const shuffled = this.batchSize < n;
    // Full batch keeps every member's rows in order: written once per kernel.
    if (shuffled || this.orderEpoch === -1) {
      const order = this.kernel.orderRows();
      this.config.members.forEach((member, p) => {
        if (shuffled) new Random(deriveSeed(member.seed, SALT_SHUFFLE, epoch)).permutationInto(order, p * n, n);
        else for (let i = 0; i < n; i++) order[p * n + i] = i;
      });
    }
    this.orderEpoch = epoch;
  }

  runSteps(count: number, collectLastStats: boolean): void {
    for (let i = 0; i < count; i++) this.trainStep(collectLastStats && i === count - 1);
  }

  trainStep(collect: boolean): void {
    this.prepareEpoch();
    // The runner flips layers (setTrainable) between steps; a step costs ~20 µs, so this stays cheap.
    if (this.trainable.some((t, l) => t !== this.sentTrainable[l])) {
      this.kernel.setTrainable(this.kernelTrainable());
      this.sentTrainable = this.trainable.slice();
    }
    // Rates change with a schedule (every step), a divergence or a live change.
    if (this.ratesStale || this.config.training.optimizer.schedule.type !== 'constant') {
      this.kernel.setRates(this.currentLearningRates());
      this.ratesStale = false;
    }
    const n = this.data.count;
    const offset = this.repeated ? 0 : (this.step % this.stepsPerEpoch) * this.batchSize;
    const size = Math.min(this.batchSize, n - offset);
    this.lastOffset = offset;
    this.lastSize = size;
    const masks = this.rates ? dropoutMaskValues(this.config, this.plans, this.rates, size, this.step) : null;
    this.kernel.setMasks(masks ? new Map([...masks].map(([layer, mask]) => [layer === -1 ? -1 : this.kernelLayer(layer), mask.values])) : null);
    // Models with conv layers report every step's loss, as the tfjs path (autodiff) does for them.
    const withLoss = collect || this.everyLoss;
    this.kernel.step(offset, size, collect, this.step + 1, withLoss);
    if (withLoss) {
      const loss = this.kernel.lastLoss();
      this.windowLoss ??= new Float64Array(this.members);
      for (let p = 0; p < this.members; p++) this.windowLoss[p] = this.windowLoss[p]! + loss[p]!;
      this.windowSteps++;
    }
    if (collect) {
      if (this.config.telemetry.layerStats) this.pendingStats = this.kernel.lastStats();
      if (this.config.telemetry.histogramBins > 0) {
        // The gradients the update used (after penalty and clipping), of the layers that train.
        const trained = new Set(this.plans.filter((_, l) => this.trainable[l]).map((plan) => plan.name));
        this.lastGradients = new Map([...this.paramValues('grads')].filter(([name]) => trained.has(name.slice(0, name.lastIndexOf('/')))));
      }
    }
    this.step++;
  }

  /** Reads and clears the loss window: mean collected batch loss per member (null when none was collected). */
  takeWindow(): Float64Array | null {
    const window = this.windowLoss;
    const steps = this.windowSteps;
    this.windowLoss = null;
    this.windowSteps = 0;
    return window ? window.map((v) => v / steps) : null;
  }

  /** Members whose update the kernel caught producing a non-finite weight since the last call (it froze them
   * with their last finite values; the caller reports them diverged and calls `neutralize`). */
  takeCaught(): boolean[] {
    return this.kernel.takeBad();
  }

  /** Stops members for good: marked diverged (learning rate 0) and frozen in the kernel. Their weights are
   * finite already: the kernel never stores a non-finite weight. */
  neutralize(members: number[]): void {
    for (const p of members) this.diverged[p] = true;
    this.kernel.setActive(this.diverged.map((d) => !d));
    this.ratesStale = true;
  }

  /** Parameters by engine name (`dense_0/kernel` → [P·in·out], `dense_0/bias` → [P·out]). */
  paramValues(which: 'params' | 'grads' = 'params'): Map<string, Float32Array> {
    const { kernels, biases } = this.kernel.read(which);
    const out = new Map<string, Float32Array>();
    this.layers.forEach((plan, l) => {
      if (plan.params.length === 0) return; // a pool layer
      out.set(`${plan.name}/kernel`, kernels[l]!);
      const bias = biases[l];
      if (bias) out.set(`${plan.name}/bias`, bias);
    });
    return out;
  }

  /** Writes parameters by engine name (any subset). */
  setParamValues(values: Map<string, Float32Array>): void {
    this.kernel.write({
      kernels: this.layers.map((plan) => values.get(`${plan.name}/kernel`) ?? null),
      biases: this.layers.map((plan) => values.get(`${plan.name}/bias`) ?? null),
    });
  }
}
