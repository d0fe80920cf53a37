/**
 * A run config after validation: every default filled in, population members expanded to P entries.
 * Only `validateConfig` produces one; the rest of the engine trusts it.
 */
import type {
  ActivationName,
  DataSubset,
  DatasetConfig,
  InitializerSpec,
  LayerSpec,
  LossName,
  OptimizerName,
  ScheduleSpec,
  BackendChoice,
  SplitConfig,
} from './config';
import type { FaultKey } from './faults';

export interface ResolvedMember {
  seed: number;
  /** Seeds the initial weights (the member's `seed` unless the config gave its own). */
  initSeed: number;
  learningRate: number;
  l1: number;
  l2: number;
  /** Decoupled weight decay λ (0 = off). */
  weightDecay: number;
  /** Hidden-layer dropout override (null: the layers' own rates). */
  dropout: number | null;
  initializer: InitializerSpec | null;
  label: string;
}

export interface ResolvedConfig {
  model: { inputShape: number[]; layers: LayerSpec[]; initializer: InitializerSpec; inputDropout: number };
  training: {
    loss: LossName;
    optimizer: {
      name: OptimizerName;
      learningRate: number;
      momentum: number;
      beta1: number;
      beta2: number;
      epsilon: number;
      schedule: ScheduleSpec;
      clipNorm: number;
      clipValue: number;
    };
    l1: number;
    l2: number;
    weightDecay: number;
    batchSize: number;
    seed: number;
    epochs: number;
    steps: number;
    stepsPerReadback: number;
  };
  dataset: DatasetConfig & { seed: number; split: SplitConfig; scaleInputs: boolean };
  members: ResolvedMember[];
  dataSubset: DataSubset;
  telemetry: {
    every: number;
    layerStats: boolean;
    activationStats: boolean;
    histogramBins: number;
    probe: { inputs?: number[][]; resolution?: number } | null;
    biasVariance: boolean;
    validation: boolean;
    trainMetrics: boolean;
    confusion: boolean;
    preActivationHistograms: boolean;
    params: string[];
    paramsEvery: number;
  };
  runtime: { backend: BackendChoice; wasmPath: string; lab: boolean };
  /** The debugging lab's planted bugs (empty outside a lab run); their rewrites are already applied. */
  faults: FaultKey[];
}

export type { ActivationName };
