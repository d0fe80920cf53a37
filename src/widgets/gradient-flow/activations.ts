/**
 * GradientFlow `digits-activations` (docs/practical-tricks/outline.md, E4): the runs and what they measured, as
 * plain data (no DOM), so the numbers the widget shows are what the claims test asserts. One engine run per
 * activation (an activation is a property of the layers, not a member override), each a population of
 * SEEDS consecutive seeds; the same Glorot-uniform init, data, batches and rate for all three.
 */
import type { ActivationName, DenseLayerSpec, ProgressEvent, RunConfig } from '@engine/types';
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import type { RunPlan } from '../shell/run';
import type { GradientFlowState } from './definition';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const satisfies readonly ActivationName[];
export type StudiedActivation = (typeof ACTIVATIONS)[number];
/** Members per activation: seeds `seed` … `seed + 4`. */
export const SEEDS = 5;
/** The loss the readout reports: the mean batch loss of each seed over the run's last steps (one batch is noisy). */
export const LOSS_WINDOW = 10;

export const seedsOf = (state: GradientFlowState): number[] => Array.from({ length: SEEDS }, (_, i) => state.seed + i);

export function activationConfig(activation: StudiedActivation, state: GradientFlowState): RunConfig {
  const hidden: DenseLayerSpec[] = Array.from({ length: state.depth }, () => ({ type: 'dense', units: state.width, activation }));
  return {
    model: { inputShape: [784], layers: [...hidden, { type: 'dense', units: 10, activation: 'softmax' }], initializer: { name: 'glorot_uniform' } },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: state.lr }, batchSize: 32, seed: 1, steps: state.steps },
    dataset: { kind: 'digits', seed: 1 },
    population: { size: SEEDS, members: seedsOf(state).map((seed) => ({ seed })) },
    // Every step reports: the first report carries the first step's gradients, and the loss curve every batch.
    telemetry: { every: 1, validation: false, layerStats: true },
  };
}

/** Three runs side by side, in ACTIVATIONS order. */
export function activationsPlan(state: GradientFlowState): RunPlan {
  return { stepsPerEvent: 1, runs: ACTIVATIONS.map((activation) => ({ kind: 'engine' as const, config: activationConfig(activation, state) })) };
}

interface Measured {
  /** `[seed][layer]`: ‖g‖ of each layer (hidden layers, then the output layer) at the first step. */
  firstNorms: number[][] | null;
  steps: number[];
  /** `[seed][event]`: the batch loss of each step; NaN once a seed diverged. */
  losses: number[][];
}

const finite = (values: number[]) => values.filter((v) => Number.isFinite(v));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** The geometric mean: the middle of values spread over orders of magnitude (log axis). */
const geometricMean = (values: number[]) => Math.exp(mean(values.map(Math.log)));

export class ActivationResults {
  private readonly byActivation = new Map<StudiedActivation, Measured>();

  clear(): void {
    this.byActivation.clear();
    for (const activation of ACTIVATIONS) this.byActivation.set(activation, { firstNorms: null, steps: [], losses: [] });
  }

  constructor() {
    this.clear();
  }

  progress(run: number, event: ProgressEvent): void {
    const measured = this.byActivation.get(ACTIVATIONS[run] as StudiedActivation);
    if (!measured) return;
    if (measured.firstNorms === null && event.step === 1 && event.gradientNormsByLayer) measured.firstNorms = event.gradientNormsByLayer.map((norms) => [...norms]);
    measured.steps.push(event.step);
    event.members.forEach((member, seed) => {
      (measured.losses[seed] ??= []).push(member.diverged ? Number.NaN : member.trainLoss);
    });
  }

  /** First hidden layer's first-step gradient norm over the last hidden layer's, per seed (`hidden` layers). */
  ratios(activation: StudiedActivation, hidden: number): number[] {
    return (this.byActivation.get(activation)?.firstNorms ?? []).map((norms) => (norms[0] ?? Number.NaN) / (norms[hidden - 1] ?? Number.NaN));
  }

  /** Each seed's mean batch loss over the last LOSS_WINDOW steps reported (NaN for a diverged seed). */
  finalLosses(activation: StudiedActivation): number[] {
    return (this.byActivation.get(activation)?.losses ?? []).map((losses) => mean(losses.slice(-LOSS_WINDOW)));
  }

  lastStep(): number {
    return Math.max(0, ...ACTIVATIONS.map((activation) => this.byActivation.get(activation)?.steps.at(-1) ?? 0));
  }

  /** Layer (1 = first hidden) against its first-step norm: a line through the seeds' geometric mean, a dot per seed. */
  gradientChart(label: (activation: StudiedActivation) => string, seedsName: string): LineChartData {
    const series: LineSeries[] = [];
    ACTIVATIONS.forEach((activation, index) => {
      const norms = this.byActivation.get(activation)?.firstNorms;
      if (!norms?.length) return;
      const layers = norms[0]?.length ?? 0;
      const line: XYPoint[] = [];
      const dots: XYPoint[] = [];
      for (let layer = 0; layer < layers; layer++) {
        const values = norms.map((seed) => seed[layer] ?? Number.NaN).filter((v) => Number.isFinite(v) && v > 0);
        values.forEach((y) => dots.push({ x: layer + 1, y }));
        if (values.length) line.push({ x: layer + 1, y: geometricMean(values) });
      }
      series.push({ id: activation, name: label(activation), points: line, color: index, dash: index, symbol: index });
      series.push({ id: `${activation}-seeds`, name: `${label(activation)} · ${seedsName}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.6, hideInLegend: true });
    });
    return { series };
  }

  /** Batch loss against step: the mean over the seeds still finite, over a band from the lowest to the highest. */
  lossChart(label: (activation: StudiedActivation) => string): LineChartData {
    const series: LineSeries[] = [];
    ACTIVATIONS.forEach((activation, index) => {
      const measured = this.byActivation.get(activation);
      if (!measured) return;
      const line: XYPoint[] = [];
      const low: XYPoint[] = [];
      const high: XYPoint[] = [];
      measured.steps.forEach((x, i) => {
        const values = finite(measured.losses.map((seed) => seed[i] ?? Number.NaN));
        if (!values.length) return;
        line.push({ x, y: mean(values) });
        low.push({ x, y: Math.min(...values) });
        high.push({ x, y: Math.max(...values) });
      });
      series.push({ id: `band-${activation}`, name: label(activation), points: high, lower: low, mark: 'area', color: index, opacity: 0.15, hideInLegend: true, hideInTable: true });
      series.push({ id: activation, name: label(activation), points: line, color: index, dash: index, symbol: index });
    });
    return { series };
  }
}
