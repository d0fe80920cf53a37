/**
 * What a DigitsExperiment run has measured so far, per arm and seed: validation accuracy and training loss over
 * steps, weight norms per layer, and the first layer's weights before and after training. Fed from engine events;
 * plain data, no DOM, so the numbers the widget exposes are unit-testable.
 */
import type { Checkpoint, ProgressEvent } from '@engine/types';
import { SEEDS_PER_ARM } from './definition';

export interface ArmSeries {
  steps: number[];
  /** `[seed][event]`; NaN once the member diverged. */
  accuracy: number[][];
  /** `[seed][event]`: accuracy on the training rows (NaN when the plan does not measure it). */
  train: number[][];
  loss: number[][];
  /** `[seed][event]`: ‖W‖ + ‖b‖ of the first hidden layer (NaN without layer statistics). */
  hiddenNorm: number[][];
  /** `[layer name][event]`: the largest incoming-weight norm of any unit of the layer, over the arm's seeds (the
   * quantity max-norm caps), read from the weights after each step's projection; NaN when no seed is left. */
  norms: Map<string, number[]>;
}

/** A kernel `[in, out]` per member (a unit is a column). */
export interface Kernel {
  shape: [number, number];
  members: number[][];
}

export const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** Population standard deviation (the claims test's seed spread). */
export function spread(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/** Largest incoming-weight norm over the units of a `[in, out]` kernel. */
export function largestUnitNorm(shape: readonly number[], values: ArrayLike<number>): number {
  const [inputs, units] = shape as [number, number];
  let largest = 0;
  for (let j = 0; j < units; j++) {
    let sum = 0;
    for (let i = 0; i < inputs; i++) sum += (values[i * units + j] as number) ** 2;
    largest = Math.max(largest, Math.sqrt(sum));
  }
  return largest;
}

export class DigitsResults {
  readonly arms = new Map<string, ArmSeries>();
  /** Arm → first-layer kernel of its first seed at step 0 and at the end. */
  readonly before = new Map<string, Kernel>();
  readonly after = new Map<string, Kernel>();
  /** Arm → largest unit norm of its hidden layers per seed (from the final weights). */
  readonly unitNorms = new Map<string, number[]>();
  /** Arm → the final `hidden/kernel` of each seed (flat, row-major). */
  readonly hiddenKernels = new Map<string, number[][]>();
  lastStep = 0;

  constructor(private readonly armNames: (run: number) => string[]) {}

  /** Forget everything; `order` fixes the arms' order (the plan's), whatever order their events arrive in. */
  clear(order: readonly string[] = []): void {
    this.arms.clear();
    for (const name of order) this.arm(name);
    this.before.clear();
    this.after.clear();
    this.unitNorms.clear();
    this.hiddenKernels.clear();
    this.lastStep = 0;
  }

  private arm(name: string): ArmSeries {
    let series = this.arms.get(name);
    if (!series) {
      series = { steps: [], accuracy: [], train: [], loss: [], hiddenNorm: [], norms: new Map() };
      this.arms.set(name, series);
    }
    return series;
  }

  progress(run: number, event: ProgressEvent): void {
    this.lastStep = Math.max(this.lastStep, event.step);
    this.armNames(run).forEach((name, a) => {
      const series = this.arm(name);
      series.steps.push(event.step);
      for (let s = 0; s < SEEDS_PER_ARM; s++) {
        const member = event.members[a * SEEDS_PER_ARM + s];
        if (!member) continue;
        const bad = member.diverged;
        (series.accuracy[s] ??= []).push(bad ? Number.NaN : (member.validationAccuracy ?? Number.NaN));
        (series.train[s] ??= []).push(bad ? Number.NaN : (member.trainAccuracy ?? Number.NaN));
        (series.loss[s] ??= []).push(bad ? Number.NaN : member.trainLoss);
        (series.hiddenNorm[s] ??= []).push(bad ? Number.NaN : (event.weightNormsByLayer?.[a * SEEDS_PER_ARM + s]?.[0] ?? Number.NaN));
      }
      const seeds = (event.maxUnitNormsByLayer ?? []).slice(a * SEEDS_PER_ARM, (a + 1) * SEEDS_PER_ARM);
      event.layerNames.forEach((layer, l) => {
        const list = series.norms.get(layer) ?? [];
        const values = seeds.map((row) => row[l] ?? Number.NaN).filter((v) => Number.isFinite(v));
        list.push(values.length ? Math.max(...values) : Number.NaN);
        series.norms.set(layer, list);
      });
    });
  }

  /** A checkpoint of run `run`: at step 0 the weights before training, later the final ones. */
  checkpoint(run: number, checkpoint: Checkpoint, hiddenLayers: readonly string[] = []): void {
    this.armNames(run).forEach((name, a) => {
      const members = checkpoint.members.slice(a * SEEDS_PER_ARM, (a + 1) * SEEDS_PER_ARM);
      const first = members[0];
      const kernelName = first && Object.keys(first).find((key) => key.endsWith('/kernel'));
      if (first && kernelName) {
        const kernel = first[kernelName]!;
        (checkpoint.step === 0 ? this.before : this.after).set(name, { shape: kernel.shape as [number, number], members: [kernel.data] });
      }
      const kernels = members.map((member) => member['hidden/kernel']?.data);
      if (checkpoint.step > 0 && kernels.every((kernel) => kernel !== undefined)) this.hiddenKernels.set(name, kernels as number[][]);
      if (checkpoint.step > 0 && hiddenLayers.length > 0)
        this.unitNorms.set(name, members.map((member) => Math.max(...hiddenLayers.map((layer) => {
          const kernel = member[`${layer}/kernel`];
          return kernel ? largestUnitNorm(kernel.shape, kernel.data) : Number.NaN;
        }))));
    });
  }

  /** Per seed, the validation (or `which`) accuracy at the event with this step (or the last one); null when diverged or missing. */
  accuracyAt(arm: string, step?: number, which: 'accuracy' | 'train' = 'accuracy'): (number | null)[] {
    const series = this.arms.get(arm);
    if (!series) return [];
    const index = step === undefined ? series.steps.length - 1 : series.steps.indexOf(step);
    return series[which].map((values) => {
      const value = index < 0 ? Number.NaN : (values[index] ?? Number.NaN);
      return Number.isFinite(value) ? value : null;
    });
  }

  /** `{arm: [accuracy per seed]}` at a step (default: the last event); `train`: on the training rows. */
  accuracies(step?: number, which: 'accuracy' | 'train' = 'accuracy'): Record<string, (number | null)[]> {
    return Object.fromEntries([...this.arms.keys()].map((arm) => [arm, this.accuracyAt(arm, step, which)]));
  }

  /** Mean over the seeds that did not diverge (NaN when none is left). */
  meanAccuracy(arm: string, step?: number, which: 'accuracy' | 'train' = 'accuracy'): number {
    const values = this.accuracyAt(arm, step, which).filter((v): v is number => v !== null);
    return values.length ? mean(values) : Number.NaN;
  }
}
