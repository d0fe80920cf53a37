/**
 * The typed contract of a training run: what a widget asks the engine to train. Every choice is a registry
 * keyed by a stable string (`relu`, `he_normal`, `adam`) in `registry/`: the key is what appears in URLs,
 * MDX props and translation keys. A config is plain JSON: it crosses the Worker boundary by structured
 * clone and can be stored in a URL or a checkpoint. `validateConfig` fills in defaults and rejects unknown
 * fields and anything out of range, naming the field and the allowed values (see `errors.ts`).
 */
import type { ActivationName } from './registry/activations';
import type { InitializerName } from './registry/initializers';
import type { LossName } from './registry/losses';
import type { OptimizerName } from './registry/optimizers';
import type { SCHEDULES, ScheduleName } from './registry/schedules';
import type { BackendChoice, BackendName } from './backends-order';
import type { FaultKey } from './faults';

export type { ActivationName, FaultKey, InitializerName, LossName, OptimizerName };

export interface InitializerSpec {
  name: InitializerName;
  /** `constant`: the value; `normal`: standard deviation; `uniform`: half-width of [-scale, scale]. Default 0.05 (1 for constant). */
  scale?: number;
}

export type NormalizationName = 'none' | 'batch' | 'layer';
export type PaddingName = 'same' | 'valid';
export type PoolName = 'max' | 'avg';

/** Fully connected layer: z = x·W + b, then optional normalization, activation, residual add, dropout. */
export interface DenseLayerSpec {
  type: 'dense';
  units: number;
  activation?: ActivationName; // default 'linear'
  /** Normalize the pre-activation (batch statistics in training, running statistics in evaluation). */
  normalization?: NormalizationName; // default 'none'
  /** Add the layer's input to its output (needs input width == units). */
  residual?: boolean; // default false
  /** Per-layer initializer; overrides `model.initializer` and the member's initializer. */
  initializer?: InitializerSpec;
  /** Initializer of the bias vector (e.g. the output bias at the target mean: { name: 'constant', scale: 5 }).
   * Default zeros. */
  biasInitializer?: InitializerSpec;
  useBias?: boolean; // default true
  /** A frozen layer is not updated (transfer learning). */
  trainable?: boolean; // default true
  /** Dropout rate applied to this layer's output during training; members may override via `dropoutScale`. */
  dropout?: number; // default 0
  /** Max-norm constraint on each unit's incoming weight vector (0 = off). */
  maxNorm?: number; // default 0
  /** Optional stable name used in telemetry and checkpoints; default `dense_<index>`. */
  name?: string;
}

/** 1-D or 2-D convolution (inputs shaped [length, channels] or [height, width, channels]). */
export interface ConvLayerSpec {
  type: 'conv1d' | 'conv2d';
  filters: number;
  kernelSize: number;
  stride?: number; // default 1
  padding?: PaddingName; // default 'same'
  activation?: ActivationName; // default 'relu'
  initializer?: InitializerSpec;
  useBias?: boolean;
  trainable?: boolean;
  name?: string;
}

/** Pooling over the spatial axes of a conv feature map. */
export interface PoolLayerSpec {
  type: 'pool1d' | 'pool2d';
  pool: PoolName;
  size: number; // window and stride
  name?: string;
}

/** Reshape a feature map into a vector before dense layers. */
export interface FlattenLayerSpec {
  type: 'flatten';
  name?: string;
}

export type LayerSpec = DenseLayerSpec | ConvLayerSpec | PoolLayerSpec | FlattenLayerSpec;

export interface ModelConfig {
  /** Shape of one example: [features] for MLPs, [length, channels] for conv1d, [height, width, channels] for conv2d. */
  inputShape: number[];
  layers: LayerSpec[];
  /** Default initializer for weights (biases start at zero). Default glorot_uniform. */
  initializer?: InitializerSpec;
  /** Dropout applied to the inputs during training. Default 0. */
  inputDropout?: number;
}

/** One schedule of `registry/schedules.ts`: its `type` and exactly its own parameters, all numbers
 * (constant: { type }; step: { type, every, factor }; exponential: { type, decaySteps, rate }). */
export type ScheduleSpec = {
  [Name in ScheduleName]: { type: Name } & { [Param in keyof (typeof SCHEDULES)[Name]['params']]: number };
}[ScheduleName];

export interface OptimizerConfig {
  name: OptimizerName;
  learningRate: number;
  /** Momentum coefficient (optimizer `momentum`). Default 0.9. */
  momentum?: number;
  /** Adam β1 / RMSProp decay ρ. Defaults 0.9. */
  beta1?: number;
  /** Adam β2. Default 0.999. */
  beta2?: number;
  /** Added to denominators. Default 1e-7. */
  epsilon?: number;
  schedule?: ScheduleSpec;
  /** Clip each member's global gradient norm to this value (0 = off). */
  clipNorm?: number;
  /** Clip each gradient element to [-clipValue, clipValue] (0 = off). */
  clipValue?: number;
}

export interface RegularizationConfig {
  /** Adds l1 · Σ|W| to the loss (weights only, not biases). */
  l1?: number;
  /** Adds l2 · Σ W² to the loss (coupled weight decay: Adam divides its gradient by √v̂; weights only). */
  l2?: number;
  /** Decoupled weight decay λ (AdamW): after each step every kernel shrinks by η·λ times its value before the
   * step, whatever the optimizer (weights only). Default 0. */
  weightDecay?: number;
}

export interface TrainingConfig {
  loss: LossName;
  optimizer: OptimizerConfig;
  regularization?: RegularizationConfig;
  /** Examples per step; a value >= training-set size means full-batch. */
  batchSize: number;
  /** Seed of everything random: initial weights, shuffling, dropout masks, data resampling. Integer >= 1. */
  seed: number;
  /** Stop after this many epochs (0 = run until cancelled). */
  epochs?: number;
  /** Stop after this many optimizer steps instead (0 = use `epochs`), for experiments counted in steps. */
  steps?: number;
  /** Steps run between two readbacks to JS (one `await data()` each time). Default 10. */
  stepsPerReadback?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Datasets

export * from './dataset-config';
import type { DatasetConfig } from './dataset-config';

// ---------------------------------------------------------------------------------------------------------
// Populations: P variants of one architecture trained as one batched tensor program.

/** How a member's training data relates to the shared training split. */
export type DataSubset =
  | { type: 'shared' }
  /** Resample the training split with replacement, seeded per member. */
  | { type: 'bootstrap' }
  /** Draw a fresh noisy sample of the same generator (1-D functions, surfaces, 2-D shapes), seeded per member. */
  | { type: 'fresh' };

/** What may differ between members; anything not given falls back to the run's value. */
export interface MemberOverrides {
  /** Seeds everything random about the member: its data (bootstrap, fresh), shuffles, dropout and, unless
   * `initSeed` is given, its initial weights. */
  seed?: number;
  /** Seeds the member's initial weights only (default: `seed`). Members given one `initSeed` start from the same
   * weights while their data and shuffles still follow their own `seed`. */
  initSeed?: number;
  learningRate?: number;
  l1?: number;
  l2?: number;
  weightDecay?: number;
  /** Dropout rate of every hidden dense layer for this member (replaces the layers' own `dropout`; not the output
   * layer, not the inputs). */
  dropout?: number;
  initializer?: InitializerSpec;
  /** Optional label shown by widgets (e.g. "lr = 0.1"). */
  label?: string;
}

export interface PopulationConfig {
  /** Number of members P (1..1024). If `members` is given its length must equal `size`. */
  size: number;
  members?: MemberOverrides[];
  dataSubset?: DataSubset;
}

// ---------------------------------------------------------------------------------------------------------
// Telemetry requests

export interface ProbeConfig {
  /** Points where predictions are reported. Default: a 1-D grid over the extrapolation domain (function1d), a
   * 2-D grid over the data extent (2-D datasets); none otherwise. */
  inputs?: number[][];
  /** Grid resolution when `inputs` is not given: points for 1-D, points per side for 2-D. Default 100 / 40. */
  resolution?: number;
}

export interface TelemetryConfig {
  /** Emit a progress event every k steps (k >= 1). Default 10. */
  every?: number;
  /** Per-layer gradient norms, weight norms and update/weight ratios. Default true. */
  layerStats?: boolean;
  /** Activation mean, standard deviation and dead-ReLU fraction per layer. Default false. */
  activationStats?: boolean;
  /** Histograms of weights, gradients and activations, with this many bins (0 = off). Default 0. */
  histogramBins?: number;
  /** Predictions on a probe set; omit or false for none. */
  probe?: ProbeConfig | boolean;
  /** Bias–variance decomposition at the probe points (needs a noise-free target: function1d or surface). */
  biasVariance?: boolean;
  /** Validation metrics (costs one more forward pass per progress event). Default true. */
  validation?: boolean;
  /** With `validation`: also evaluate the whole training split (train loss and accuracy) at every event. Off, the
   * train loss is the mean batch loss since the last event and train accuracy is null (cheaper on large splits).
   * Default true. */
  trainMetrics?: boolean;
  /** Validation confusion matrix per member, `[member][true][predicted]` counts (classification datasets only;
   * needs `validation`). Default false. */
  confusion?: boolean;
  /** With `histogramBins`: also histograms of each dense/conv layer's pre-activation (what its activation
   * function receives, after normalization). Default false. */
  preActivationHistograms?: boolean;
  /** Parameters streamed by name (`'hidden/kernel'`, `'dense_0/bias'`) in every `paramsEvery`-th progress event. */
  params?: string[];
  /** Stream `params` in every k-th progress event, the first one included. Default 1. */
  paramsEvery?: number;
}

/** Declared once in `backends-order.ts` (no tfjs there: the widgets and the i18n schema read the keys). */
export type { BackendChoice, BackendName };

export interface RuntimeConfig {
  /** 'first' (default): first of webgpu → webgl → wasm → cpu that initializes. 'auto': time the workload on each
   * and keep the fastest. A backend name forces it (falls back if it fails). */
  backend?: BackendChoice;
  /** Where the wasm backend's .wasm files are served. Default '/tfjs-wasm/'. */
  wasmPath?: string;
  /** A debugging-lab run: only such a run may carry `faults` (or the lab-only loss). Default false. */
  lab?: boolean;
}

/** Everything one training run needs. */
export interface RunConfig {
  model: ModelConfig;
  training: TrainingConfig;
  dataset: DatasetConfig;
  population?: PopulationConfig;
  telemetry?: TelemetryConfig;
  runtime?: RuntimeConfig;
  /** Planted bugs of the debugging lab (`faults.ts`), each at most once; rejected unless `runtime.lab`. */
  faults?: FaultKey[];
}

/** Hyperparameters that `set(param, value)` may change in the middle of a run. */
export type LiveParam =
  | 'learningRate'
  | 'momentum'
  | 'l1'
  | 'l2'
  | 'weightDecay'
  | 'batchSize'
  | 'clipNorm'
  | 'telemetryEvery'
  | 'memberLearningRate'; // value: number[] of length P
