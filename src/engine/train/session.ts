/**
 * A training session: the population's parameters, optimizer state and data as tensors, and one method
 * that runs steps. It never reads numbers back by itself: `progress()` (in telemetry.ts) does one
 * `await data()` for everything a progress event needs, every k steps.
 *
 * Ownership: the session owns every tensor in `params`, `optimizerState`, `running`, `epochInputs`,
 * `epochTargets`, `trainInputs`, `trainTargets`, `windowLoss` and `pendingStats`; each step builds the
 * next values inside one tf.tidy and disposes the previous ones, so the tensor count stays constant.
 */
import * as tf from '../tf';
import type { LiveParam, RunConfig } from '../config';
import { EngineError } from '../errors';
import { forward } from '../model/forward';
import { memberLoss } from '../model/losses';
import { denseBackprop, supportsDenseBackprop } from '../model/dense-backprop';
import { initialMemberValues, initialParams, memberAxisShape, stackMembers, type ParamMap } from '../model/params';
import { planModel, type LayerPlan } from '../model/shapes';
import { Random, deriveSeed } from '../random';
import type { ResolvedConfig } from '../resolved';
import { validateConfig } from '../validate';
import { layerStats, memberSumSquares } from './grad-stats';
import { buildMemberData, type MemberData } from './member-data';
import { applyUpdate, stateSlots } from './optimizers';
import { scheduleFactor } from './schedule';
import { SALT_DROPOUT, SALT_SHUFFLE } from './salts';

interface GradientResult {
  gradients: Map<string, tf.Tensor>;
  /** Per-member batch loss (with penalty), when computed. */
  loss: tf.Tensor | null;
  moments: Map<string, { mean: tf.Tensor; variance: tf.Tensor }>;
  /** Tensors kept out of tf.grads' scope; the step disposes them. */
  escaped: tf.Tensor[];
  learningRateFolded: boolean;
}

interface StepResult {
  next: Map<string, tf.Tensor>;
  nextState: Map<string, tf.Tensor[]>;
  running: Map<string, tf.Tensor>;
  windowLoss: tf.Tensor | null;
  stats: tf.Tensor | null;
  gradients: Map<string, tf.Tensor> | null;
}

function keepResult(r: StepResult): void {
  for (const t of r.next.values()) tf.keep(t);
  for (const list of r.nextState.values()) list.forEach((t) => tf.keep(t));
  for (const t of r.running.values()) tf.keep(t);
  if (r.windowLoss) tf.keep(r.windowLoss);
  if (r.stats) tf.keep(r.stats);
  if (r.gradients) for (const t of r.gradients.values()) tf.keep(t);
}

/** Running batch-norm statistics: running ← m·running + (1 - m)·batch. */
export const BATCH_NORM_MOMENTUM = 0.9;

export class TrainingSession {
  config: ResolvedConfig;
  readonly plans: LayerPlan[];
  readonly members: number;
  readonly data: MemberData;
  params: ParamMap;
  optimizerState = new Map<string, tf.Tensor[]>();
  running = new Map<string, tf.Tensor>();
  /** Steps done; epochs done = step / stepsPerEpoch. */
  step = 0;
  diverged: boolean[];
  /** Σ of per-member batch losses of the sampled steps since the last readback, [P], and how many it holds.
   * The dense fast path computes the loss only on the step before a readback; autodiff has it every step. */
  windowLoss: tf.Tensor | null = null;
  windowSteps = 0;
  /** Layer statistics of the last step before a readback, [P, 3L]. */
  pendingStats: tf.Tensor | null = null;
  /** Gradients of the last step, kept only when histograms are requested. */
  lastGradients: Map<string, tf.Tensor> | null = null;
  trainable: boolean[];
  /** Hand-derived backward pass (dense-only nets); otherwise tfjs autodiff. Tests may switch it off. */
  fastPath: boolean;
  readonly trainInputs: tf.Tensor; // [P·N, ...inputShape]
  readonly trainTargets: tf.Tensor; // [P·N, width]
  /** Evaluation tensors built on first use (validation split, probe grid), owned by the session. */
  readonly evalCache = new Map<string, tf.Tensor>();
  private epochInputs: tf.Tensor | null = null; // [P, N, ...inputShape]
  private epochTargets: tf.Tensor | null = null;
  private epochIndex = -1;
  /** The epoch cut into its minibatches once (one split per epoch instead of two slices per step). */
  private batchInputs: tf.Tensor[] = [];
  private batchTargets: tf.Tensor[] = [];
  private learningRates: tf.Tensor | null = null;
  private learningRateKey = '';
  private scaledRates = new Map<number, tf.Tensor>();
  private memberLearningRates: number[];

  private constructor(config: ResolvedConfig, plans: LayerPlan[], data: MemberData) {
    this.config = config;
    this.plans = plans;
    this.members = config.members.length;
    this.data = data;
    this.diverged = new Array<boolean>(this.members).fill(false);
    this.trainable = plans.map((plan) => !('trainable' in plan.spec) || plan.spec.trainable !== false);
    this.fastPath = supportsDenseBackprop(plans, config.training.loss);
    this.memberLearningRates = config.members.map((m) => m.learningRate);
    this.params = initialParams(plans, config.members, config.model.initializer);
    this.resetOptimizerState();
    for (const plan of plans)
      if (plan.spec.type === 'dense' && plan.spec.normalization === 'batch') {
        const units = plan.outputShape[0] as number;
        this.running.set(`${plan.name}/movingMean`, tf.zeros([this.members, 1, units]));
        this.running.set(`${plan.name}/movingVariance`, tf.ones([this.members, 1, units]));
      }
    const n = this.members * data.count;
    this.trainInputs = tf.tensor(data.inputs, [n, ...config.model.inputShape]);
    this.trainTargets = tf.tensor(data.targets, [n, data.targetWidth]);
  }

  /** Validates the config (throws ConfigError, nothing built) and builds the session on the current backend. */
  static async create(config: RunConfig | ResolvedConfig): Promise<TrainingSession> {
    const resolved = 'members' in config ? config : validateConfig(config);
    const plans = planModel(resolved.model.inputShape, resolved.model.layers);
    if (!Array.isArray(plans)) throw new EngineError('bad_architecture', plans.problem, `model.layers[${plans.index}]`);
    const output = plans[plans.length - 1] as LayerPlan;
    const data = await buildMemberData(resolved, output.outputShape[0] as number);
    return new TrainingSession(resolved, plans, data);
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

  /** Names of the parameters the optimizer updates. */
  trainableNames(): string[] {
    return this.plans.filter((_, i) => this.trainable[i]).flatMap((plan) => plan.params.map((p) => p.name));
  }

  /** Layers with parameters, with their parameter names (telemetry's per-layer axis). */
  statLayers(): { names: string[]; params: string[][] } {
    const layers = this.plans.filter((plan) => plan.params.length > 0);
    return { names: layers.map((l) => l.name), params: layers.map((l) => l.params.filter((p) => p.role === 'kernel' || p.role === 'bias').map((p) => p.name)) };
  }

  resetOptimizerState(): void {
    for (const state of this.optimizerState.values()) tf.dispose(state);
    this.optimizerState.clear();
    const slots = stateSlots(this.config.training.optimizer.name);
    for (const [name, param] of this.params) this.optimizerState.set(name, slots.map(() => tf.zerosLike(param)));
  }

  /** Per-member learning rate after the schedule; 0 for diverged members (they stop). */
  currentLearningRates(): number[] {
    const factor = scheduleFactor(this.config.training.optimizer.schedule, this.step);
    return this.memberLearningRates.map((rate, p) => (this.diverged[p] ? 0 : rate * factor));
  }

  private learningRateTensor(): tf.Tensor {
    const rates = this.currentLearningRates();
    const key = rates.join(',');
    if (key !== this.learningRateKey || !this.learningRates) {
      this.learningRates?.dispose();
      this.learningRates = tf.tensor1d(rates);
      this.learningRateKey = key;
      for (const t of this.scaledRates.values()) t.dispose();
      this.scaledRates.clear();
    }
    return this.learningRates;
  }

  /** η_p · factor as [P, 1, 1], cached until the rates change (saves two ops per step on the fast path). */
  private scaledLearningRates(factor: number): tf.Tensor {
    let t = this.scaledRates.get(factor);
    if (!t) {
      t = tf.keep(tf.tensor3d(this.currentLearningRates().map((r) => r * factor), [this.members, 1, 1])); // built inside the step's tidy, cached beyond it
      this.scaledRates.set(factor, t);
    }
    return t;
  }

  /** Lays out the current epoch: member p's rows in its own seeded order (full-batch keeps the order). */
  private ensureEpoch(): void {
    const epoch = Math.floor(this.step / this.stepsPerEpoch);
    if (epoch === this.epochIndex && this.epochInputs) return;
    tf.dispose([this.epochInputs, this.epochTargets, ...this.batchInputs, ...this.batchTargets].filter((t): t is tf.Tensor => t !== null));
    this.batchInputs = [];
    this.batchTargets = [];
    const n = this.data.count;
    const shape = this.config.model.inputShape;
    if (this.batchSize >= n) {
      this.epochInputs = tf.reshape(this.trainInputs, [this.members, n, ...shape]);
      this.epochTargets = tf.reshape(this.trainTargets, [this.members, n, this.data.targetWidth]);
    } else {
      const order = new Int32Array(this.members * n);
      this.config.members.forEach((member, p) => {
        const permutation = new Random(deriveSeed(member.seed, SALT_SHUFFLE, epoch)).permutation(n);
        for (let i = 0; i < n; i++) order[p * n + i] = p * n + (permutation[i] as number);
      });
      const [inputs, targets] = tf.tidy((): tf.Tensor[] => {
        const indices = tf.tensor1d(order, 'int32');
        return [
          tf.reshape(tf.gather(this.trainInputs, indices), [this.members, n, ...shape]),
          tf.reshape(tf.gather(this.trainTargets, indices), [this.members, n, this.data.targetWidth]),
        ];
      });
      this.epochInputs = inputs as tf.Tensor;
      this.epochTargets = targets as tf.Tensor;
    }
    this.epochIndex = epoch;
    if (this.batchSize < n) {
      const sizes = Array.from({ length: this.stepsPerEpoch }, (_, i) => Math.min(this.batchSize, n - i * this.batchSize));
      this.batchInputs = tf.split(this.epochInputs as tf.Tensor, sizes, 1);
      this.batchTargets = tf.split(this.epochTargets as tf.Tensor, sizes, 1);
    }
  }

  /** Dropout rate of each layer (index -1 = inputs) for each member; null when no dropout anywhere. */
  private dropoutRates(): Map<number, number[]> | null {
    const rates = new Map<number, number[]>();
    const members = this.config.members;
    if (this.config.model.inputDropout > 0) rates.set(-1, members.map(() => this.config.model.inputDropout));
    const last = this.plans.length - 1;
    for (const plan of this.plans) {
      if (plan.spec.type !== 'dense' || plan.index === last) continue;
      const layerRate = plan.spec.dropout ?? 0;
      const perMember = members.map((m) => m.dropout ?? layerRate);
      if (perMember.some((r) => r > 0)) rates.set(plan.index, perMember);
    }
    return rates.size > 0 ? rates : null;
  }

  /** Masks with entries 0 or 1/(1 - rate) (inverted dropout), drawn per member from its seed and the step. */
  private dropoutMasks(rates: Map<number, number[]>, batch: number): Map<number, tf.Tensor> {
    const masks = new Map<number, tf.Tensor>();
    const randoms = this.config.members.map((m) => new Random(deriveSeed(m.seed, SALT_DROPOUT, this.step)));
    for (const [index, perMember] of rates) {
      const shape = index === -1 ? this.config.model.inputShape : (this.plans[index] as LayerPlan).outputShape;
      const size = batch * shape.reduce((a, b) => a * b, 1);
      const values = new Float32Array(this.members * size);
      perMember.forEach((rate, p) => {
        const random = randoms[p] as Random;
        const keep = 1 / (1 - rate);
        for (let i = 0; i < size; i++) values[p * size + i] = random.uniform() < rate ? 0 : keep;
      });
      masks.set(index, tf.tensor(values, [this.members, batch, ...shape]));
    }
    return masks;
  }

  /** Runs `count` optimizer steps without reading anything back; the last one keeps layer statistics. */
  runSteps(count: number, collectLastStats: boolean): void {
    for (let i = 0; i < count; i++) this.trainStep(collectLastStats && i === count - 1);
  }

  trainStep(collectStats: boolean): void {
    this.ensureEpoch();
    const t = this.config.training;
    const n = this.data.count;
    const batch = this.batchSize;
    const offset = (this.step % this.stepsPerEpoch) * batch;
    const size = Math.min(batch, n - offset);
    const rates = this.dropoutRates();
    const learningRates = this.learningRateTensor();
    const trainableNames = this.trainableNames();
    const needHistograms = this.config.telemetry.histogramBins > 0 && collectStats;
    const layers = this.statLayers();
    const anyDiverged = this.diverged.some((d) => d);
    // tf.tidy only tracks tensors returned in arrays/objects, not in Maps: what outlives the step is tf.keep()-ed.
    let result!: StepResult;
    tf.tidy(() => {
      const masks = rates ? this.dropoutMasks(rates, size) : undefined;
      const index = this.step % this.stepsPerEpoch;
      const x = size === n ? (this.epochInputs as tf.Tensor) : (this.batchInputs[index] as tf.Tensor);
      const y = size === n ? (this.epochTargets as tf.Tensor) : (this.batchTargets[index] as tf.Tensor);
      const lookup = (name: string) => this.params.get(name) as tf.Tensor;
      const computed = this.fastPath
        ? this.denseGradients(x, y, masks, collectStats)
        : this.autodiffGradients(trainableNames, x, y, masks);
      const { moments, escaped } = computed;
      let gradients = computed.gradients;
      const folded = computed.learningRateFolded;
      if (!folded) gradients = this.clip(gradients);
      const next = new Map<string, tf.Tensor>();
      const nextState = new Map<string, tf.Tensor[]>();
      const active = anyDiverged ? tf.tensor1d(this.diverged.map((d) => (d ? 0 : 1)), 'bool') : null;
      for (const [name, gradient] of gradients) {
        const param = lookup(name);
        // Folded SGD: the gradient already carries η (and the penalty's gradient was added scaled by η).
        const update = folded
          ? { param: tf.sub(param, gradient), state: [] }
          : applyUpdate(t.optimizer, param, gradient, this.optimizerState.get(name) ?? [], tf.reshape(learningRates, memberAxisShape(this.members, param.rank)), this.step + 1);
        let value = this.constrain(name, update.param);
        if (active) value = tf.where(tf.reshape(active, memberAxisShape(this.members, param.rank)), value, param);
        next.set(name, value);
        nextState.set(name, update.state);
      }
      const running = new Map<string, tf.Tensor>();
      for (const [layer, m] of moments) {
        const mean = this.running.get(`${layer}/movingMean`) as tf.Tensor;
        const variance = this.running.get(`${layer}/movingVariance`) as tf.Tensor;
        running.set(`${layer}/movingMean`, tf.add(tf.mul(mean, BATCH_NORM_MOMENTUM), tf.mul(m.mean, 1 - BATCH_NORM_MOMENTUM)));
        running.set(`${layer}/movingVariance`, tf.add(tf.mul(variance, BATCH_NORM_MOMENTUM), tf.mul(m.variance, 1 - BATCH_NORM_MOMENTUM)));
      }
      const loss = computed.loss;
      const windowLoss = loss ? (this.windowLoss ? tf.add(this.windowLoss, loss) : tf.clone(loss)) : null;
      // Telemetry wants ∂L/∂θ itself: undo the folded learning rate (members with η = 0 report 0).
      const plainGradients = folded && (collectStats || needHistograms) ? this.unfold(gradients, learningRates) : gradients;
      let stats: tf.Tensor | null = null;
      if (collectStats && this.config.telemetry.layerStats) {
        const before = new Map(layers.params.flat().map((name) => [name, lookup(name)]));
        const after = new Map(layers.params.flat().map((name) => [name, next.get(name) ?? lookup(name)]));
        stats = layerStats(layers.params, plainGradients, before, after);
      }
      result = { next, nextState, running, windowLoss, stats, gradients: needHistograms ? plainGradients : null };
      keepResult(result);
      tf.dispose(escaped);
    });
    for (const [name, value] of result.next) {
      this.params.get(name)?.dispose();
      this.params.set(name, value);
      tf.dispose(this.optimizerState.get(name) ?? []);
      this.optimizerState.set(name, result.nextState.get(name) ?? []);
    }
    for (const [name, value] of result.running) {
      this.running.get(name)?.dispose();
      this.running.set(name, value);
    }
    if (result.windowLoss) {
      this.windowLoss?.dispose();
      this.windowLoss = result.windowLoss;
      this.windowSteps++;
    }
    if (result.stats) {
      this.pendingStats?.dispose();
      this.pendingStats = result.stats;
    }
    if (result.gradients) {
      if (this.lastGradients) tf.dispose([...this.lastGradients.values()]);
      this.lastGradients = result.gradients;
    }
    this.step++;
  }

  /** ∂L/∂θ of the members' current batch losses (no update, no dropout), by the chosen path; values per
   * parameter name, member-major. Used by gradient checks and by widgets that show raw gradients. */
  async inspectGradients(path: 'dense' | 'autodiff'): Promise<Map<string, Float32Array>> {
    this.ensureEpoch();
    const x = this.epochInputs as tf.Tensor;
    const y = this.epochTargets as tf.Tensor;
    const names = this.trainableNames();
    const tensors = tf.tidy(() => {
      const computed = path === 'dense' ? this.denseGradients(x, y, undefined, false, false) : this.autodiffGradients(names, x, y, undefined);
      tf.dispose(computed.escaped);
      return names.map((name) => computed.gradients.get(name) as tf.Tensor);
    });
    const values = await Promise.all(tensors.map((t) => t.data()));
    tf.dispose(tensors);
    return new Map(names.map((name, i) => [name, values[i] as Float32Array]));
  }

  /** Per-member training loss (with penalty) on the current epoch's full data, in training mode (batch statistics). */
  async batchLoss(): Promise<Float32Array> {
    this.ensureEpoch();
    const loss = tf.tidy(() => {
      const lookup = (name: string) => this.params.get(name) as tf.Tensor;
      const out = forward(this.plans, lookup, this.epochInputs as tf.Tensor, { training: true });
      const perMember = memberLoss(this.config.training.loss, out.logits, out.output, this.epochTargets as tf.Tensor);
      const penalty = this.penalty(lookup);
      return penalty ? tf.add(perMember, penalty) : perMember;
    });
    const values = (await loss.data()) as Float32Array;
    loss.dispose();
    return values;
  }

  /** Gradients through tfjs autodiff (any architecture). */
  private autodiffGradients(trainableNames: string[], x: tf.Tensor, y: tf.Tensor, masks: Map<number, tf.Tensor> | undefined): GradientResult {
    const escaped: tf.Tensor[] = [];
    let moments: GradientResult['moments'] = new Map();
    let perMember: tf.Tensor | null = null;
    const trainableValues = trainableNames.map((name) => this.params.get(name) as tf.Tensor);
    const objective = (...values: tf.Tensor[]): tf.Scalar => {
      const lookup = (name: string) => {
        const i = trainableNames.indexOf(name);
        return i >= 0 ? (values[i] as tf.Tensor) : (this.params.get(name) as tf.Tensor);
      };
      const out = forward(this.plans, lookup, x, { training: true, dropoutMasks: masks });
      // tf.grads disposes the objective's intermediates: keep what the step still needs (disposed by the caller).
      moments = out.batchMoments;
      for (const m of moments.values()) escaped.push(tf.keep(m.mean), tf.keep(m.variance));
      perMember = tf.keep(memberLoss(this.config.training.loss, out.logits, out.output, y));
      escaped.push(perMember);
      const penalty = this.penalty(lookup);
      return tf.sum(penalty ? tf.add(perMember, penalty) : perMember) as tf.Scalar;
    };
    const { grads } = tf.valueAndGrads(objective)(trainableValues);
    const gradients = new Map(trainableNames.map((name, i) => [name, grads[i] as tf.Tensor]));
    return { gradients, loss: perMember, moments, escaped, learningRateFolded: false };
  }

  /** Gradients by the hand-derived dense backward pass; plain SGD folds η into it (see dense-backprop.ts). */
  private denseGradients(x: tf.Tensor, y: tf.Tensor, masks: Map<number, tf.Tensor> | undefined, wantLoss: boolean, allowFold = true): GradientResult {
    const o = this.config.training.optimizer;
    const fold = allowFold && o.name === 'sgd' && o.clipNorm === 0 && o.clipValue === 0;
    const lookup = (name: string) => this.params.get(name) as tf.Tensor;
    const out = denseBackprop(this.plans, lookup, x, y, this.config.training.loss, masks, fold ? (perElement) => this.scaledLearningRates(perElement) : null, this.trainable, tf.getBackend() === 'wasm');
    const scale = fold ? this.scaledLearningRates(1) : null;
    const gradients = out.gradients;
    // Penalty gradients: ∂/∂W [l1 Σ|W| + l2 Σ W²] = l1 sign(W) + 2 l2 W, per member (times η when folded).
    const l1 = this.config.members.map((m) => m.l1);
    const l2 = this.config.members.map((m) => m.l2);
    const useL1 = l1.some((v) => v > 0);
    const useL2 = l2.some((v) => v > 0);
    if (useL1 || useL2)
      for (const [name, g] of gradients) {
        if (!name.endsWith('/kernel')) continue;
        const w = lookup(name);
        const perMember = (values: number[]) => {
          const t = tf.reshape(tf.tensor1d(values), [this.members, 1, 1]);
          return scale ? tf.mul(t, scale) : t;
        };
        let total = g;
        if (useL1) total = tf.add(total, tf.mul(perMember(l1), tf.sign(w)));
        if (useL2) total = tf.add(total, tf.mul(perMember(l2.map((v) => 2 * v)), w));
        gradients.set(name, total);
      }
    let loss: tf.Tensor | null = null;
    if (wantLoss) {
      loss = memberLoss(this.config.training.loss, out.logits, out.output, y);
      const penalty = this.penalty(lookup);
      if (penalty) loss = tf.add(loss, penalty);
    }
    return { gradients, loss, moments: new Map(), escaped: [], learningRateFolded: fold };
  }

  /** g / η per member (0 where η = 0). */
  private unfold(gradients: Map<string, tf.Tensor>, learningRates: tf.Tensor): Map<string, tf.Tensor> {
    const inverse = tf.divNoNan(1, learningRates);
    return new Map([...gradients].map(([name, g]) => [name, tf.mul(g, tf.reshape(inverse, memberAxisShape(this.members, g.rank)))]));
  }

  /** Σ_p [l1_p Σ|W_p| + l2_p Σ W_p²] over kernels, as a [P] tensor; null when no member regularizes. */
  private penalty(lookup: (name: string) => tf.Tensor): tf.Tensor | null {
    const members = this.config.members;
    const l1 = members.map((m) => m.l1);
    const l2 = members.map((m) => m.l2);
    const useL1 = l1.some((v) => v > 0);
    const useL2 = l2.some((v) => v > 0);
    if (!useL1 && !useL2) return null;
    const terms: tf.Tensor[] = [];
    for (const plan of this.plans)
      for (const spec of plan.params) {
        if (spec.role !== 'kernel') continue;
        const w = lookup(spec.name);
        const axes = Array.from({ length: w.rank - 1 }, (_, i) => i + 1);
        if (useL1) terms.push(tf.mul(tf.tensor1d(l1), tf.sum(tf.abs(w), axes)));
        if (useL2) terms.push(tf.mul(tf.tensor1d(l2), tf.sum(tf.square(w), axes)));
      }
    return terms.length > 0 ? tf.addN(terms) : null;
  }

  /** Clipping per member: each element to ±clipValue, then the global norm ‖g‖ over all parameters to clipNorm. */
  private clip(gradients: Map<string, tf.Tensor>): Map<string, tf.Tensor> {
    const { clipNorm, clipValue } = this.config.training.optimizer;
    let out = gradients;
    if (clipValue > 0) out = new Map([...out].map(([name, g]) => [name, tf.clipByValue(g, -clipValue, clipValue)]));
    if (clipNorm > 0) {
      const norm = tf.sqrt(tf.addN([...out.values()].map(memberSumSquares)));
      const scale = tf.minimum(1, tf.div(clipNorm, tf.add(norm, 1e-12)));
      out = new Map([...out].map(([name, g]) => [name, tf.mul(g, tf.reshape(scale, memberAxisShape(this.members, g.rank)))]));
    }
    return out;
  }

  /** Max-norm: rescale each unit's incoming weight vector w_j to ‖w_j‖ <= c (dense kernels [P, in, out]). */
  private constrain(name: string, value: tf.Tensor): tf.Tensor {
    const plan = this.plans.find((p) => name.startsWith(`${p.name}/`));
    if (!plan || plan.spec.type !== 'dense' || !name.endsWith('/kernel')) return value;
    const maxNorm = plan.spec.maxNorm ?? 0;
    if (maxNorm <= 0) return value;
    const norms = tf.sqrt(tf.sum(tf.square(value), 1, true));
    return tf.mul(value, tf.minimum(1, tf.div(maxNorm, tf.add(norms, 1e-12))));
  }

  /** Changes a hyperparameter mid-run: validates a full copy of the config first, so nothing is half-applied. */
  set(param: LiveParam, value: number | number[]): void {
    const raw = toRunConfig(this.config);
    if (param === 'memberLearningRate') {
      if (!Array.isArray(value) || value.length !== this.members)
        throw new EngineError('length_mismatch', `memberLearningRate needs ${this.members} values`, 'population.members', { min: this.members, max: this.members });
      raw.population = { ...(raw.population ?? { size: this.members }), members: (raw.population?.members ?? []).map((m, p) => ({ ...m, learningRate: value[p] as number })) };
    } else {
      if (typeof value !== 'number') throw new EngineError('not_allowed', `${param} needs a number`, param);
      if (param === 'learningRate') {
        raw.training.optimizer.learningRate = value;
        raw.population = { ...(raw.population ?? { size: this.members }), members: (raw.population?.members ?? []).map((m) => ({ ...m, learningRate: value })) };
      } else if (param === 'momentum') raw.training.optimizer.momentum = value;
      else if (param === 'clipNorm') raw.training.optimizer.clipNorm = value;
      else if (param === 'batchSize') raw.training.batchSize = value;
      else if (param === 'telemetryEvery') raw.telemetry = { ...raw.telemetry, every: value };
      else if (param === 'l1' || param === 'l2') {
        raw.training.regularization = { ...raw.training.regularization, [param]: value };
        raw.population = { ...(raw.population ?? { size: this.members }), members: (raw.population?.members ?? []).map((m) => ({ ...m, [param]: value })) };
      } else throw new EngineError('not_allowed', `unknown live parameter ${String(param)}`, 'param', { allowed: ['learningRate', 'momentum', 'l1', 'l2', 'batchSize', 'clipNorm', 'telemetryEvery', 'memberLearningRate'] });
    }
    const resolved = validateConfig(raw);
    const batchChanged = resolved.training.batchSize !== this.config.training.batchSize;
    this.config = resolved;
    this.memberLearningRates = resolved.members.map((m) => m.learningRate);
    if (batchChanged) {
      // Keep the epoch count continuous: the step counter is rescaled to the new steps per epoch.
      const epochs = this.epoch;
      this.step = Math.round(epochs * this.stepsPerEpoch);
      this.epochIndex = -1;
    }
  }

  /** Replaces one parameter's values (all members, member-major), e.g. for finite differences. */
  setParam(name: string, values: Float32Array): void {
    const old = this.params.get(name);
    if (!old) throw new EngineError('unknown_parameter', `no parameter ${name}`, 'name', { allowed: [...this.params.keys()] });
    if (values.length !== old.size) throw new EngineError('length_mismatch', `${name} needs ${old.size} values`, 'values', { min: old.size, max: old.size });
    this.params.set(name, tf.tensor(values, old.shape));
    old.dispose();
  }

  /** Re-initializes the output layer's parameters (same width) from each member's seed and a fresh salt. */
  reinitializeLayer(index: number, salt: number): void {
    const plan = this.plans[index] as LayerPlan;
    plan.params.forEach((spec, i) => {
      const members = this.config.members.map((m) => ({ ...m, seed: deriveSeed(m.seed, salt) }));
      const value = stackMembers(members.map((m) => initialMemberValues(plan, spec, i, m, this.config.model.initializer)), spec.shape);
      this.params.get(spec.name)?.dispose();
      this.params.set(spec.name, value);
    });
    this.resetOptimizerState();
  }

  /** Reads and clears the loss window: mean batch loss per member since the last readback. */
  takeWindow(): { loss: tf.Tensor | null; steps: number } {
    const window = { loss: this.windowLoss, steps: this.windowSteps };
    this.windowLoss = null;
    this.windowSteps = 0;
    return window;
  }

  dispose(): void {
    tf.dispose([...this.params.values()]);
    for (const state of this.optimizerState.values()) tf.dispose(state);
    tf.dispose([...this.running.values()]);
    const owned = [this.trainInputs, this.trainTargets, this.epochInputs, this.epochTargets, ...this.batchInputs, ...this.batchTargets, this.windowLoss, this.pendingStats, this.learningRates];
    tf.dispose(owned.filter((t): t is tf.Tensor => t !== null));
    tf.dispose([...this.scaledRates.values()]);
    this.scaledRates.clear();
    if (this.lastGradients) tf.dispose([...this.lastGradients.values()]);
    tf.dispose([...this.evalCache.values()]);
    this.evalCache.clear();
    this.params.clear();
    this.optimizerState.clear();
  }
}

/** A resolved config back into the input form (for validated live changes). */
export function toRunConfig(c: ResolvedConfig): RunConfig {
  const copy = JSON.parse(JSON.stringify(c)) as ResolvedConfig;
  return {
    model: copy.model,
    training: { ...copy.training, regularization: { l1: copy.training.l1, l2: copy.training.l2 } },
    dataset: copy.dataset,
    population: {
      size: copy.members.length,
      dataSubset: copy.dataSubset,
      members: copy.members.map((m) => ({
        seed: m.seed,
        learningRate: m.learningRate,
        l1: m.l1,
        l2: m.l2,
        ...(m.dropout === null ? {} : { dropout: m.dropout }),
        ...(m.initializer === null ? {} : { initializer: m.initializer }),
        label: m.label,
      })),
    },
    telemetry: { ...copy.telemetry, probe: copy.telemetry.probe ?? false },
    runtime: copy.runtime,
  };
}
