/**
 * Run configurations shared by the families: a 1-D regression MLP on one of the engine's target functions.
 * One place decides batch size, data size and telemetry so every widget trains the same way.
 */
import type { ActivationName, DenseLayerSpec, Function1DName, InitializerSpec, OptimizerName, PopulationConfig, RunConfig, TelemetryConfig } from '@engine/types';

/** Optimizer steps between two progress events (and between two redraws). */
export const STEPS_PER_EVENT = 10;

/** The momentum coefficient μ of every `momentum` run: its steady step is 1/(1 − μ) = 10 times SGD's. */
export const MOMENTUM = 0.9;

export interface Function1DRun {
  fn: Function1DName;
  hiddenLayers: number;
  width: number;
  activation: ActivationName;
  initializer?: InitializerSpec;
  optimizer: OptimizerName;
  learningRate: number;
  epochs: number;
  seed: number;
  /** Training points (before the 80/20 train/validation split). */
  count?: number;
  noise?: number;
  batchSize?: number;
  population?: PopulationConfig;
  telemetry?: TelemetryConfig;
}

export function denseStack(hiddenLayers: number, width: number, activation: ActivationName, outputs = 1): DenseLayerSpec[] {
  const hidden: DenseLayerSpec[] = Array.from({ length: hiddenLayers }, () => ({ type: 'dense', units: width, activation }));
  return [...hidden, { type: 'dense', units: outputs, activation: 'linear' }];
}

export function function1DRun(run: Function1DRun): RunConfig {
  return {
    model: {
      inputShape: [1],
      layers: denseStack(run.hiddenLayers, run.width, run.activation),
      ...(run.initializer ? { initializer: run.initializer } : {}),
    },
    training: {
      loss: 'mse',
      optimizer: { name: run.optimizer, learningRate: run.learningRate, ...(run.optimizer === 'momentum' ? { momentum: MOMENTUM } : {}) },
      batchSize: run.batchSize ?? 20,
      seed: run.seed,
      epochs: run.epochs,
    },
    dataset: {
      kind: 'function1d',
      fn: run.fn,
      count: run.count ?? 200,
      noise: run.noise ?? 0,
      seed: run.seed,
      split: { train: 0.8, validation: 0.2, test: 0 },
    },
    ...(run.population ? { population: run.population } : {}),
    telemetry: { every: STEPS_PER_EVENT, layerStats: false, validation: false, ...run.telemetry },
  };
}
