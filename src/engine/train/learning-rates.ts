/**
 * Per-member learning rates as tensors: η_p · schedule(step), 0 for neutralized members. The tensors are
 * cached until the rates change (a constant schedule builds them once), which saves ops on every step.
 */
import * as tf from '../tf';
import type { ScheduleSpec } from '../config';
import { scheduleFactor } from './schedule';
import { faultRateFactor } from '../faults';
import type { ResolvedConfig } from '../resolved';

/** Each member's base rate η_p, times the debugging lab's rate factor (faults.ts; 1 outside the lab). */
export const baseRates = (config: ResolvedConfig): number[] => config.members.map((m) => m.learningRate * faultRateFactor(config));

export class LearningRates {
  private rates: tf.Tensor | null = null;
  private key = '';
  private scaled = new Map<number, tf.Tensor>();

  constructor(
    /** Base rate per member. */
    public base: number[],
  ) {}

  /** η_p · factor(step), or 0 where `stopped[p]`. */
  current(schedule: ScheduleSpec, step: number, stopped: readonly boolean[]): number[] {
    const factor = scheduleFactor(schedule, step);
    return this.base.map((rate, p) => (stopped[p] ? 0 : rate * factor));
  }

  /** The rates as a [P] tensor, rebuilt (and the scaled cache cleared) when they change. */
  tensor(rates: number[]): tf.Tensor {
    const key = rates.join(',');
    if (key !== this.key || !this.rates) {
      this.rates?.dispose();
      this.rates = tf.keep(tf.tensor1d(rates));
      this.key = key;
      for (const t of this.scaled.values()) t.dispose();
      this.scaled.clear();
    }
    return this.rates;
  }

  /** η_p · c as [P, 1, 1] for the rates last passed to `tensor`, cached (may be called inside a tidy). */
  scaledBy(rates: number[], perElement: number): tf.Tensor {
    let t = this.scaled.get(perElement);
    if (!t) {
      t = tf.keep(tf.tensor3d(rates.map((r) => r * perElement), [rates.length, 1, 1]));
      this.scaled.set(perElement, t);
    }
    return t;
  }

  dispose(): void {
    this.rates?.dispose();
    this.rates = null;
    this.key = '';
    tf.dispose([...this.scaled.values()]);
    this.scaled.clear();
  }
}
