/**
 * The worker client API that widgets code against.
 *
 *   const trainer = createTrainer(config, (event) => { if (event.type === 'progress') plot(event); });
 *   trainer.start();                    // trains until `training.epochs` (or forever) in a Worker
 *   trainer.set('learningRate', 0.01);  // validated; rejected values arrive as an 'error' event
 *   trainer.pause(); trainer.step(1); trainer.resume(); trainer.cancel();
 */
import type { BackendName, LiveParam, RunConfig } from './config';
import type { Checkpoint } from './checkpoint-format';
import type { ComputePathKey } from './registry/compute-paths';
import type { EngineEvent, EvaluationSplit } from './telemetry';

export type EventListener = (event: EngineEvent) => void;

export interface Trainer {
  /** Build the model (on the chosen backend) and start training. Validation errors arrive as an 'error' event. */
  start(): void;
  pause(): void;
  resume(): void;
  /** Run exactly n steps (while paused or before start), then emit a progress event and stay paused. */
  step(n: number): void;
  /** Stop, free every tensor and terminate the worker. The trainer cannot be restarted. */
  cancel(): void;
  /** Change a hyperparameter in the middle of a run. `memberLearningRate` takes number[] of length P. */
  set(param: LiveParam, value: number | number[]): void;
  /** Ask for a checkpoint; arrives as a 'checkpoint' event. */
  save(): void;
  /** Replace the weights (same architecture) and clear the optimizer state. A 1-member checkpoint is copied to
   * every member. With `partial`, parameters missing from the checkpoint or of another shape keep their values
   * (transfer learning onto a new output layer). */
  restore(checkpoint: Checkpoint, options?: { partial?: boolean }): void;
  /** Re-initialize the output layer (optionally with a new width) keeping the others: transfer learning. */
  replaceOutputLayer(units?: number): void;
  /** Freeze or unfreeze a layer by index. */
  setTrainable(layerIndex: number, trainable: boolean): void;
  /** Predictions for arbitrary inputs; arrives as a 'prediction' event with this request id. */
  predict(inputs: number[][]): number;
  /** Loss and accuracy of every member on a split (the shared, unaugmented rows) or on given rows with their
   * targets, without training: arrives as an 'evaluation' event with this request id. */
  evaluate(target: EvaluationTarget): number;
  /** d loss / d input for the given examples and targets (class ids or regression rows); arrives as 'inputGradient'. */
  inputGradient(inputs: number[][], targets: number[] | number[][]): number;
  /** Times `config` (default: the trainer's) on one backend and compute path, with no fallback (a benchmark; the
   * trainer need not be started): arrives as a 'throughput' event with this request id, or an 'error' event
   * (`backend_unavailable`, `path_unavailable`, `device_lost`, …). */
  measure(request: ThroughputRequest, config?: RunConfig): number;
}

/** What `evaluate()` scores: a split of the run's dataset, or rows (unscaled, like `predict`) and their targets,
 * with an optional `label` the reply carries back (which of several row sets it scored). */
export type EvaluationTarget = EvaluationSplit | { inputs: number[][]; targets: number[] | number[][]; label?: string };

/** What `measure()` times: `seconds` of wall time after `warmupSteps` (default 5) on `backend` and `path`. */
export interface ThroughputRequest {
  backend: BackendName;
  path: ComputePathKey;
  seconds: number;
  warmupSteps?: number;
}

export interface TrainerOptions {
  /** Use a Web Worker (default: when `Worker` exists). false runs on the main thread in small time slices. */
  worker?: boolean;
  /** Build the worker yourself (bundlers that cannot resolve `new URL('./worker/worker.ts', import.meta.url)`). */
  createWorker?: () => Worker;
  /** Main-thread fallback: milliseconds of work per slice before yielding to the page. Default 12. */
  sliceMilliseconds?: number;
}

/** Messages from the client to the worker (or to the in-thread runner). */
export type ControlMessage =
  | { type: 'start'; config: RunConfig }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step'; count: number }
  | { type: 'cancel' }
  | { type: 'set'; param: LiveParam; value: number | number[] }
  | { type: 'save' }
  | { type: 'restore'; checkpoint: Checkpoint; partial?: boolean }
  | { type: 'replaceOutputLayer'; units?: number }
  | { type: 'setTrainable'; layerIndex: number; trainable: boolean }
  | { type: 'predict'; requestId: number; inputs: number[][] }
  | { type: 'inputGradient'; requestId: number; inputs: number[][]; targets: number[] | number[][] }
  | { type: 'evaluate'; requestId: number; target: EvaluationTarget }
  | { type: 'measure'; requestId: number; config: RunConfig; request: ThroughputRequest };

export type { BackendName };
