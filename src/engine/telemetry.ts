/**
 * Events that leave the engine. Plain data (numbers, arrays, strings): they cross the Worker boundary by
 * structured clone, and widgets decide how to draw them. No user-visible text: widgets translate codes.
 */
import type { BackendName } from './config';
import type { ComputePathKey } from './registry/compute-paths';

/** Metrics of one population member at a progress event. Accuracy is null for regression losses. */
export interface MemberMetrics {
  trainLoss: number;
  /** null when the run has no validation split or validation telemetry is off. */
  validationLoss: number | null;
  trainAccuracy: number | null;
  validationAccuracy: number | null;
  /** Current learning rate after the schedule. */
  learningRate: number;
  /** True once the member produced NaN/Inf; it is frozen from then on. */
  diverged: boolean;
  /** The loss window: mean loss (with penalty) of the minibatches whose loss the path kept since the previous
   * event, at least the last step's (`PopulationKernel.runSteps`); absent when no step kept one. */
  batchLoss?: number;
  /** 32-bit hash of the row indices of the member's last minibatch (train/batch-fingerprint.ts): equal across
   * events only when the same rows were fed in the same order. */
  batchFingerprint?: number;
}

/** One value per trainable layer (in layer order), per member: `[member][layer]`. */
export type PerLayer = number[][];

export interface ActivationStatistics {
  /** `[member][layer]` mean and standard deviation of the layer's output over the batch. */
  mean: PerLayer;
  standardDeviation: PerLayer;
  /** Fraction of ReLU (and leaky ReLU) units that are inactive (<= 0) for every example of the batch. */
  deadFraction: PerLayer;
}

export interface Histogram {
  /** Bin edges, length bins + 1. */
  edges: number[];
  counts: number[];
}

export interface HistogramSet {
  /** Layer names in order. */
  layers: string[];
  /** `[member][layer]`. */
  weights: Histogram[][];
  gradients: Histogram[][];
  activations: Histogram[][];
  /** With `telemetry.preActivationHistograms`: `[member][activation layer]`, what each dense/conv layer's activation
   * function received (after normalization), on the same training rows as `activations`. */
  preActivations?: Histogram[][];
}

/** One parameter streamed in a progress event (`telemetry.params`). */
export interface StreamedParam {
  /** Its shape without the member axis: [in, units] for a dense kernel, [1, units] for a dense bias,
   * [kernelHeight, kernelWidth, channels, filters] for a conv2d kernel ([kernelSize, channels, filters] conv1d). */
  shape: number[];
  /** `[member][value]`, row-major in `shape` (a dense kernel's unit j is the column values[p][i·units + j]). */
  values: number[][];
}

export interface ProbePredictions {
  /** Probe inputs, `[point][feature]`. */
  inputs: number[][];
  /** `[member][point][output]`: raw outputs after the output activation (probabilities for softmax/sigmoid). */
  predictions: number[][][];
}

/** Bias–variance decomposition at the probe points, averaged over points (Geman et al. 1992):
 * E[(f(x) - y)²] = (E f(x) - h(x))² + Var f(x) + σ², with h the noise-free target and σ² the noise variance. */
export interface BiasVarianceReport {
  biasSquared: number;
  variance: number;
  noise: number;
  /** biasSquared + variance + noise. */
  sum: number;
  /** Mean squared error of members against fresh noisy targets at the probe points (Monte Carlo). */
  measuredExpectedError: number;
  /** Per probe point (same order as the probe inputs). */
  biasSquaredByPoint: number[];
  varianceByPoint: number[];
  /** Ensemble mean prediction per probe point. */
  meanPrediction: number[];
}

export interface ProgressEvent {
  type: 'progress';
  /** Optimizer steps done so far. */
  step: number;
  /** Epochs done so far (fractional). */
  epoch: number;
  members: MemberMetrics[];
  /** Names of the trainable layers, matching the inner index of the per-layer arrays. */
  layerNames: string[];
  gradientNormsByLayer?: PerLayer;
  /** ‖W‖ + ‖b‖ of each whole layer (every unit and the bias) after the last step. */
  weightNormsByLayer?: PerLayer;
  /** max_j ‖W[:, j]‖ per layer: the largest incoming-weight norm of a unit, the quantity max-norm caps, read
   * from the weights after the last step's projection (0 for a layer without a dense kernel). */
  maxUnitNormsByLayer?: PerLayer;
  /** ‖ΔW‖ / ‖W‖ of the last step, per layer: ~1e-3 is healthy for SGD. */
  updateRatioByLayer?: PerLayer;
  activationStats?: ActivationStatistics;
  histograms?: HistogramSet;
  probe?: ProbePredictions;
  biasVariance?: BiasVarianceReport;
  /** With `telemetry.confusion`: validation counts `[member][true class][predicted class]` (`train/class-metrics.ts`;
   * row c sums to the validation examples of class c; a neutralized member's entries read NaN). */
  confusion?: number[][][];
  /** With `telemetry.params`, on every `paramsEvery`-th event (the first included): the named parameters now. */
  params?: Record<string, StreamedParam>;
  /** Backend that ran these steps and its measured speed since the previous progress event. */
  backend: BackendName;
  stepsPerSecond: number;
}

export interface DivergedEvent {
  type: 'diverged';
  member: number;
  step: number;
}

/** The compute path that trains, a key of `registry/compute-paths.ts`: tfjs on `name`, or dense-wasm
 * (WebAssembly SIMD, dense networks, under the CPU backends). */
export type { ComputePathKey };

export interface BackendEvent {
  type: 'backend';
  name: BackendName;
  /** Which compute path trains; absent on events sent before the path was chosen. */
  path?: ComputePathKey;
  /** Measured (auto) or estimated after the first steps; 0 when not measured yet. */
  stepsPerSecond: number;
  /** 'first-available' | 'forced' | 'measured-fastest' | 'cached' | 'fallback-after-failure' | 'device-lost'. */
  reason: BackendReason;
  /** For 'auto': steps/s of every candidate timed, tfjs under its backend's name, another path under its own
   * key (`{ 'dense-wasm': 5200, wasm: 900, cpu: 700 }`). */
  measurements?: Partial<Record<BackendName | Exclude<ComputePathKey, 'tfjs'>, number>>;
  /** Backends that failed to initialize, with the reason code. */
  unavailable?: Partial<Record<BackendName, string>>;
}

export type BackendReason =
  | 'first-available'
  | 'forced'
  | 'measured-fastest'
  | 'cached'
  | 'fallback-after-failure'
  | 'device-lost';

/** A machine-readable error. `code` is stable (widgets translate it); `message` is English for developers. */
export interface ErrorEvent {
  type: 'error';
  code: string;
  field?: string;
  /** Allowed range or set, when the error is about a value: e.g. { min: 1, max: 1024 } or { allowed: [...] }. */
  allowed?: AllowedRange;
  message: string;
  /** All problems found (validation reports every bad field at once). */
  issues?: ValidationIssue[];
}

export interface AllowedRange {
  min?: number;
  max?: number;
  /** True when min/max are exclusive. */
  exclusive?: boolean;
  integer?: boolean;
  allowed?: (string | number)[];
}

export interface ValidationIssue {
  code: string;
  field: string;
  allowed?: AllowedRange;
  message: string;
}

/** A checkpoint was produced by `save()` (the weights, as JSON-ready data). */
export interface CheckpointEvent {
  type: 'checkpoint';
  checkpoint: import('./checkpoint-format').Checkpoint;
}

/** State changes of the runner. */
export interface StateEvent {
  type: 'state';
  state: 'initializing' | 'running' | 'paused' | 'done' | 'cancelled';
  step: number;
}

/** Gradient of the loss with respect to inputs (adversarial examples), reply to `inputGradient()`. */
export interface InputGradientEvent {
  type: 'inputGradient';
  requestId: number;
  /** `[member][example][feature]`. */
  gradients: number[][][];
  /** `[member][example]` loss of each example. */
  losses: number[][];
}

/** Reply to `predict()`. */
export interface PredictionEvent {
  type: 'prediction';
  requestId: number;
  /** `[member][example][output]`. */
  predictions: number[][][];
}

export interface DoneEvent {
  type: 'done';
  step: number;
  epoch: number;
}

/** Reply to `measure()`: what one compute path did in the timed wall time (`train/throughput.ts`). */
export interface ThroughputEvent {
  type: 'throughput';
  requestId: number;
  backend: import('./config').BackendName;
  path: import('./registry/compute-paths').ComputePathKey;
  members: number;
  batchSize: number;
  /** Optimizer steps done in `seconds` (after the warm-up). */
  steps: number;
  seconds: number;
  /** members × batchSize × steps / seconds. */
  examplesPerSecond: number;
}

/** Loss and accuracy of one member in an evaluation (accuracy null for regression). */
export interface EvaluationMetrics {
  loss: number;
  accuracy: number | null;
}

/** Reply to `evaluate()`: every member on a split or on given rows, without training (no step counted). */
export interface EvaluationEvent {
  type: 'evaluation';
  requestId: number;
  /** The split evaluated, or `rows` for rows the caller sent. */
  split: EvaluationSplit | 'rows';
  /** Rows evaluated. */
  count: number;
  /** The caller's label of the rows, when it gave one. */
  label?: string;
  members: EvaluationMetrics[];
}

export type EvaluationSplit = 'train' | 'validation' | 'test';

export type EngineEvent =
  | ProgressEvent
  | EvaluationEvent
  | ThroughputEvent
  | DivergedEvent
  | BackendEvent
  | ErrorEvent
  | CheckpointEvent
  | StateEvent
  | InputGradientEvent
  | PredictionEvent
  | DoneEvent;
