/**
 * The tfjs compute path (`PopulationKernel`): the population's parameters, optimizer state and data as
 * tensors, and one method that runs steps. It is the path for convolutions, normalization layers and the
 * GPU backends (WebGPU/WebGL). It never reads numbers back by itself: `readBack` does one `await data()`
 * for everything a progress event needs, every k steps.
 *
 * One step = epoch sampler (minibatch) → dropout masks → gradient path (autodiff or the dense backward
 * pass) → clipping → optimizer application (+ max-norm, frozen members) → statistics. Each lives in its
 * own module; this file wires them and owns the tensors.
 *
 * Ownership: the session owns every tensor in `params`, `optimizerState`, `running`, the training data,
 * the sampler, the learning-rate cache, the statistics and `evalCache`; each step builds the next values
 * inside one tf.tidy and disposes the previous ones, so the tensor count stays constant.
 */
import * as tf from '../tf';
import type { LiveParam, RunConfig } from '../config';
import { EngineError } from '../errors';
import { forward, updatedRunning } from '../model/forward';
import { memberLoss } from '../model/losses';
import { supportsDenseBackprop } from '../model/dense-backprop';
import { initialMemberValues, initialParams, stackMembers, type ParamMap } from '../model/params';
import { planModel, type LayerPlan } from '../model/shapes';
import { deriveSeed } from '../random';
import type { ResolvedConfig } from '../resolved';
import { validateConfig } from '../validate';
import { hasFaultHook } from '../faults';
import { clip, updateAll } from './apply-update';
import { dropoutMasks, dropoutRates } from './dropout';
import { EpochSampler } from './epoch-sampler';
import { layerStats } from './grad-stats';
import { autodiffGradients, denseGradients, unfold, type GradientContext } from './gradients';
import { inputGradient, predict } from './inputs';
import type { InputGradientResult, ParamView, PopulationKernel, Readback } from './kernel';
import { LearningRates, baseRates } from './learning-rates';
import { setLive } from './live-change';
import { buildMemberData, type MemberData } from './member-data';
import { neutralizeMembers } from './neutralize';
import { stateSlots } from './optimizers';
import { penalty } from './regularizer';
import { statLayers } from './stat-layers';
import { StepStatistics } from './step-statistics';
import { tfjsReadBack } from './tfjs-readback';

export class TrainingSession implements PopulationKernel {
  readonly path = 'tfjs';
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
  trainable: boolean[];
  /** Hand-derived backward pass (dense-only nets); otherwise tfjs autodiff. Tests may switch it off. */
  fastPath: boolean;
  readonly trainInputs: tf.Tensor; // [P·N, ...inputShape]
  readonly trainTargets: tf.Tensor; // [P·N, width]
  /** Evaluation tensors built on first use (validation split, probe grid), owned by the session. */
  readonly evalCache = new Map<string, tf.Tensor>();
  readonly statistics = new StepStatistics();
  readonly sampler: EpochSampler;
  private readonly rates: LearningRates;

  private constructor(config: ResolvedConfig, plans: LayerPlan[], data: MemberData) {
    this.config = config;
    this.plans = plans;
    this.members = config.members.length;
    this.data = data;
    this.diverged = new Array<boolean>(this.members).fill(false);
    this.trainable = plans.map((plan) => !('trainable' in plan.spec) || plan.spec.trainable !== false);
    this.fastPath = supportsDenseBackprop(plans, config.training.loss);
    this.rates = new LearningRates(baseRates(config));
    this.params = initialParams(plans, config.members, config.model.initializer);
    this.resetOptimizerState();
    for (const plan of plans)
      if (plan.spec.type === 'dense' && plan.spec.normalization === 'batch') {
        const units = plan.outputShape[plan.outputShape.length - 1] as number;
        this.running.set(`${plan.name}/movingMean`, tf.zeros([this.members, 1, units]));
        this.running.set(`${plan.name}/movingVariance`, tf.ones([this.members, 1, units]));
      }
    const n = this.members * data.count;
    this.trainInputs = tf.tensor(data.inputs, [n, ...config.model.inputShape]);
    this.trainTargets = tf.tensor(data.targets, [n, data.targetWidth]);
    const source = { inputs: this.trainInputs, targets: this.trainTargets, hostInputs: data.inputs, hostTargets: data.targets, members: this.members, count: data.count, inputShape: config.model.inputShape, targetWidth: data.targetWidth, seeds: config.members.map((m) => m.seed), repeated: hasFaultHook(config, 'sampler') };
    this.sampler = new EpochSampler(source, config.training.batchSize);
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
    return this.sampler.batchSize;
  }

  get stepsPerEpoch(): number {
    return this.sampler.stepsPerEpoch;
  }

  get epoch(): number {
    return this.step / this.stepsPerEpoch;
  }

  /** Names of the parameters the optimizer updates. */
  trainableNames(): string[] {
    return this.plans.filter((_, i) => this.trainable[i]).flatMap((plan) => plan.params.map((p) => p.name));
  }

  private readonly lookup = (name: string): tf.Tensor => this.params.get(name) as tf.Tensor;

  private gradientContext(rates: number[]): GradientContext {
    return { config: this.config, plans: this.plans, trainable: this.trainable, lookup: this.lookup, scaledLearningRates: (c) => this.rates.scaledBy(rates, c) };
  }

  resetOptimizerState(): void {
    for (const state of this.optimizerState.values()) tf.dispose(state);
    this.optimizerState.clear();
    const slots = stateSlots(this.config.training.optimizer.name);
    for (const [name, param] of this.params) this.optimizerState.set(name, slots.map(() => tf.zerosLike(param)));
  }

  /** Per-member learning rate after the schedule; 0 for diverged members (they stop). */
  currentLearningRates(): number[] {
    return this.rates.current(this.config.training.optimizer.schedule, this.step, this.diverged);
  }

  /** Runs `count` optimizer steps without reading anything back; the last one keeps layer statistics. */
  runSteps(count: number, collectLastStats: boolean): void {
    for (let i = 0; i < count; i++) this.trainStep(collectLastStats && i === count - 1);
  }

  trainStep(collectStats: boolean): void {
    const { x, y } = this.sampler.at(this.step);
    const size = this.sampler.sizeAt(this.step);
    const dropout = dropoutRates(this.config, this.plans);
    const rates = this.currentLearningRates();
    const learningRates = this.rates.tensor(rates);
    const trainableNames = this.trainableNames();
    const needHistograms = this.config.telemetry.histogramBins > 0 && collectStats;
    const layers = statLayers(this.plans);
    const anyDiverged = this.diverged.some((d) => d);
    // tf.tidy only tracks tensors returned in arrays/objects, not in Maps: what outlives the step is tf.keep()-ed.
    const keep = (t: tf.Tensor) => tf.keep(t);
    let result!: { next: Map<string, tf.Tensor>; nextState: Map<string, tf.Tensor[]>; running: Map<string, tf.Tensor>; windowLoss: tf.Tensor | null; stats: tf.Tensor | null; gradients: Map<string, tf.Tensor> | null };
    tf.tidy(() => {
      const masks = dropout ? dropoutMasks(this.config, this.plans, dropout, size, this.step) : undefined;
      const ctx = this.gradientContext(rates);
      const computed = this.fastPath ? denseGradients(ctx, x, y, masks, collectStats) : autodiffGradients(ctx, trainableNames, x, y, masks);
      const folded = computed.learningRateFolded;
      const gradients = folded ? computed.gradients : clip(computed.gradients, this.config.training.optimizer, this.members);
      const { next, nextState } = updateAll(
        { settings: this.config.training.optimizer, plans: this.plans, members: this.members, lookup: this.lookup, state: (name) => this.optimizerState.get(name) ?? [], learningRates, rates, step: this.step + 1, folded, active: anyDiverged ? this.diverged.map((d) => !d) : null, weightDecay: this.config.members.map((m) => m.weightDecay) },
        gradients,
      );
      const running = updatedRunning(this.running, computed.moments);
      const loss = computed.loss;
      const window = this.statistics.windowLoss;
      const windowLoss = loss ? (window ? tf.add(window, loss) : tf.clone(loss)) : null;
      // Telemetry wants ∂L/∂θ itself: undo the folded learning rate (members with η = 0 report 0).
      const plainGradients = folded && (collectStats || needHistograms) ? unfold(gradients, learningRates, this.members) : gradients;
      let stats: tf.Tensor | null = null;
      if (collectStats && this.config.telemetry.layerStats) {
        const before = new Map(layers.params.flat().map((name) => [name, this.lookup(name)]));
        const after = new Map(layers.params.flat().map((name) => [name, next.get(name) ?? this.lookup(name)]));
        stats = layerStats(layers.params, plainGradients, before, after);
      }
      result = { next, nextState, running, windowLoss, stats, gradients: needHistograms ? plainGradients : null };
      for (const t of next.values()) keep(t);
      for (const list of nextState.values()) list.forEach(keep);
      for (const t of running.values()) keep(t);
      if (windowLoss) keep(windowLoss);
      if (stats) keep(stats);
      if (result.gradients) for (const t of result.gradients.values()) keep(t);
      tf.dispose(computed.escaped);
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
    this.statistics.record(result.windowLoss, result.stats, result.gradients);
    this.step++;
  }

  /** ∂L/∂θ of the members' current batch losses (no update, no dropout), by the chosen path; values per
   * parameter name, member-major. Used by gradient checks and by widgets that show raw gradients. */
  async inspectGradients(path: 'dense' | 'autodiff'): Promise<Map<string, Float32Array>> {
    const { x, y } = this.sampler.epoch(this.step);
    const names = this.trainableNames();
    const rates = this.currentLearningRates();
    const tensors = tf.tidy(() => {
      const ctx = this.gradientContext(rates);
      const computed = path === 'dense' ? denseGradients(ctx, x, y, undefined, false, false) : autodiffGradients(ctx, names, x, y, undefined);
      tf.dispose(computed.escaped);
      return names.map((name) => computed.gradients.get(name) as tf.Tensor);
    });
    const values = await Promise.all(tensors.map((t) => t.data()));
    tf.dispose(tensors);
    return new Map(names.map((name, i) => [name, values[i] as Float32Array]));
  }

  /** Per-member training loss (with penalty) on the current epoch's full data, in training mode (batch statistics). */
  async batchLoss(): Promise<Float32Array> {
    const { x, y } = this.sampler.epoch(this.step);
    const loss = tf.tidy(() => {
      const out = forward(this.plans, this.lookup, x, { training: true });
      const perMember = memberLoss(this.config.training.loss, out.logits, out.output, y);
      const extra = penalty(this.config.members, this.plans, this.lookup);
      return extra ? tf.add(perMember, extra) : perMember;
    });
    const values = (await loss.data()) as Float32Array;
    loss.dispose();
    return values;
  }

  readBack(probeRows: number[][] | null, params: readonly string[] = []): Promise<Readback> { return tfjsReadBack(this, probeRows, params); }

  /** Stops members for good (divergence): finite values (zeros), learning rate 0, frozen by every step. */
  neutralize(members: number[]): void {
    for (const p of members) this.diverged[p] = true;
    neutralizeMembers(this.diverged.map((d) => !d), this.params, this.optimizerState, this.running);
  }

  reconfigure(config: ResolvedConfig): void {
    this.config = config;
    this.rates.base = baseRates(config);
    if (config.training.batchSize !== this.sampler.batchSize) this.sampler.setBatchSize(config.training.batchSize);
  }

  /** Changes a hyperparameter mid-run (see live-change.ts). */
  set(param: LiveParam, value: number | number[]): void { setLive(this, param, value); }

  paramShapes(): Map<string, number[]> {
    return new Map([...this.params].map(([name, t]) => [name, t.shape.slice(1)]));
  }

  async readParams(): Promise<Map<string, ParamView>> {
    const names = [...this.params.keys()];
    const values = await Promise.all(names.map((name) => this.lookup(name).data()));
    return new Map(names.map((name, i) => [name, { shape: this.lookup(name).shape.slice(1), values: values[i] as Float32Array }]));
  }

  writeParams(values: Map<string, Float32Array>): void {
    for (const [name, v] of values) this.setParam(name, v);
  }

  /** Replaces one parameter's values (all members, member-major), e.g. for finite differences. */
  setParam(name: string, values: Float32Array): void {
    const old = this.params.get(name);
    if (!old) throw new EngineError('unknown_parameter', `no parameter ${name}`, 'name', { allowed: [...this.params.keys()] });
    if (values.length !== old.size) throw new EngineError('length_mismatch', `${name} needs ${old.size} values`, 'values', { min: old.size, max: old.size });
    this.params.set(name, tf.tensor(values, old.shape));
    old.dispose();
  }

  /** Re-initializes a layer's parameters (same shapes) from each member's seed and a fresh salt. */
  reinitializeLayer(index: number, salt: number): void {
    const plan = this.plans[index] as LayerPlan;
    plan.params.forEach((spec, i) => {
      const members = this.config.members.map((m) => ({ ...m, initSeed: deriveSeed(m.initSeed, salt) }));
      const value = stackMembers(members.map((m) => initialMemberValues(plan, spec, i, m, this.config.model.initializer)), spec.shape);
      this.params.get(spec.name)?.dispose();
      this.params.set(spec.name, value);
    });
    this.resetOptimizerState();
  }

  predict(rows: number[][]): Promise<number[][][]> { return predict(this, rows); }
  inputGradient(rows: number[][], targets: number[] | number[][]): Promise<InputGradientResult> { return inputGradient(this, rows, targets); }

  dispose(): void {
    tf.dispose([...this.params.values()]);
    for (const state of this.optimizerState.values()) tf.dispose(state);
    tf.dispose([...this.running.values()]);
    tf.dispose([this.trainInputs, this.trainTargets]);
    this.sampler.dispose();
    this.rates.dispose();
    this.statistics.dispose();
    tf.dispose([...this.evalCache.values()]);
    this.evalCache.clear();
    this.params.clear();
    this.optimizerState.clear();
  }
}
