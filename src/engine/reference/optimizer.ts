/**
 * The float64 reference trainer's update step, written from the registries' scalar rules so that they are
 * the single declaration and the reference exercises them: the penalty gradients of `registry/regularizers.ts`,
 * the decoupled decay `WEIGHT_DECAY.apply`, the optimizer's `update` of `registry/optimizers.ts`, the
 * schedule's `factor` of `registry/schedules.ts`.
 * No tfjs and no engine training code (`train/*`) is used, so a slip in either compute path shows up as a
 * difference from this one. The order is the engine's (src/engine/README.md, "The step"):
 *
 *   g ← ∂L/∂θ (batch mean) + Σ_r c_r · r'(θ)         penalties on kernels only, c_r the member's l1, l2
 *   g ← clip(g, ±clipValue);  g ← g · min(1, clipNorm / (‖g‖ + 1e-12))   ‖g‖ over all the member's parameters
 *   θ' ← OPTIMIZERS[name].update(θ, g, state, η_t, t)  η_t = η · SCHEDULES[type].factor(t - 1), t counted from 1
 *   θ' ← θ' − η_t λ θ                                   decoupled weight decay (AdamW), kernels only, λ the member's
 */
import type { ScheduleSpec } from '../config';
import { OPTIMIZERS, type OptimizerEntry, type OptimizerName, type OptimizerSettingsScalar } from '../registry/optimizers';
import { REGULARIZER_NAMES, REGULARIZERS, WEIGHT_DECAY, type RegularizerName } from '../registry/regularizers';
import { SCHEDULES, type ScheduleEntry } from '../registry/schedules';

export interface ReferenceOptimizerSettings {
  name: OptimizerName;
  /** The member's base learning rate η (before the schedule). */
  learningRate: number;
  scalars: OptimizerSettingsScalar;
  schedule: ScheduleSpec;
  /** The member's penalty coefficient per regularizer (0: off). */
  penalties: Record<RegularizerName, number>;
  /** The member's decoupled weight decay λ (0: off). */
  weightDecay: number;
  clipValue: number;
  clipNorm: number;
}

/** One trainable tensor of the network: its values, its batch gradient and whether it is a kernel (penalized). */
export interface ReferenceParam {
  values: Float64Array;
  gradient: Float64Array;
  kernel: boolean;
}

export class ReferenceOptimizer {
  private readonly entry: OptimizerEntry;
  /** [param][slot] optimizer state, one float64 per element, zero at the start. */
  private readonly state: Float64Array[][];
  /** One element's slots, handed to the registry's `update` (which updates them in place). */
  private readonly cell: number[];

  constructor(
    readonly settings: ReferenceOptimizerSettings,
    sizes: readonly number[],
  ) {
    this.entry = OPTIMIZERS[settings.name];
    this.state = sizes.map((size) => this.entry.slots.map(() => new Float64Array(size)));
    this.cell = this.entry.slots.map(() => 0);
  }

  /** η at a 0-based step, after the schedule. */
  rateAt(step: number): number {
    const schedule: ScheduleEntry = SCHEDULES[this.settings.schedule.type];
    return this.settings.learningRate * schedule.factor(this.settings.schedule as unknown as Record<string, number>, step);
  }

  /** Updates every parameter from its batch gradient (which it overwrites with the gradient the update used);
   * `step` is the 0-based number of steps done before this one. */
  apply(params: readonly ReferenceParam[], step: number): void {
    this.addPenalties(params);
    this.clip(params);
    const rate = this.rateAt(step);
    const t = step + 1;
    const { entry, cell } = this;
    const { scalars, weightDecay } = this.settings;
    params.forEach((param, i) => {
      const slots = this.state[i]!;
      const { values, gradient } = param;
      const decays = param.kernel && weightDecay > 0;
      for (let e = 0; e < values.length; e++) {
        for (let s = 0; s < cell.length; s++) cell[s] = slots[s]![e]!;
        const before = values[e]!;
        const after = entry.update(before, gradient[e]!, cell, rate, t, scalars);
        values[e] = decays ? WEIGHT_DECAY.apply(after, before, rate, weightDecay) : after;
        for (let s = 0; s < cell.length; s++) slots[s]![e] = cell[s]!;
      }
    });
  }

  /** g += c_r · r'(W) for each regularizer r with a nonzero coefficient, on kernels only. */
  private addPenalties(params: readonly ReferenceParam[]): void {
    for (const name of REGULARIZER_NAMES) {
      const coefficient = this.settings.penalties[name];
      if (coefficient === 0) continue;
      const derivative = REGULARIZERS[name].gradient;
      for (const { values, gradient, kernel } of params) {
        if (!kernel) continue;
        for (let e = 0; e < values.length; e++) gradient[e] = gradient[e]! + coefficient * derivative(values[e]!);
      }
    }
  }

  /** Each element to ±clipValue, then the member's global norm to clipNorm (0: off). */
  private clip(params: readonly ReferenceParam[]): void {
    const { clipValue, clipNorm } = this.settings;
    if (clipValue > 0)
      for (const { gradient } of params) for (let e = 0; e < gradient.length; e++) gradient[e] = Math.min(clipValue, Math.max(-clipValue, gradient[e]!));
    if (clipNorm <= 0) return;
    let squares = 0;
    for (const { gradient } of params) for (const g of gradient) squares += g * g;
    const scale = Math.min(1, clipNorm / (Math.sqrt(squares) + 1e-12));
    for (const { gradient } of params) for (let e = 0; e < gradient.length; e++) gradient[e] = gradient[e]! * scale;
  }
}
