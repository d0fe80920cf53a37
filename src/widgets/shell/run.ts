/**
 * A run is one thing that trains: an engine Trainer in a Worker, or a plain-TS simulation (loss surface,
 * forward/backward). Both speak the Trainer verbs and emit engine-shaped events, so the shell drives them alike.
 */
import type { Checkpoint, EngineEvent, EvaluationEvent, EvaluationTarget, Function1DName, InputGradientEvent, PredictionEvent, RunConfig } from '@engine/types';

export interface RunHandle {
  start(): void;
  pause(): void;
  resume(): void;
  step(count: number): void;
  cancel(): void;
  /** Ask for the weights (engine runs): they arrive as a 'checkpoint' event. */
  save?(): void;
}

export type Emit = (event: EngineEvent) => void;

/** What a probing run may ask of its trainer (no training, no weight changes). */
export interface EngineQueries {
  evaluate(target: EvaluationTarget): Promise<EvaluationEvent>;
  predict(inputs: number[][]): Promise<PredictionEvent>;
  inputGradient(inputs: number[][], targets: number[] | number[][]): Promise<InputGradientEvent>;
}

export type RunSpec =
  | {
      kind: 'engine';
      config: RunConfig;
      /** Edit the initial weights before the first step (e.g. the final-layer bias at the target mean, or
       * pretrained weights loaded on demand). The edited weights reach the view as a step-0 'checkpoint' event. */
      prepare?: (initial: Checkpoint) => Checkpoint | Promise<Checkpoint>;
      /** A run that trains nothing: on Run (or a step) it asks the engine these questions once, after `prepare`,
       * and ends when the promise settles. Every reply also reaches the view as its own event (so the pre-render
       * records it): the view draws from the events, the probe only decides what to ask. */
      probe?: (engine: EngineQueries) => Promise<void>;
    }
  | { kind: 'local'; create(emit: Emit): RunHandle };

/** What a family asks the shell to run for one state. */
export interface RunPlan {
  runs: RunSpec[];
  /** Train runs one after another (e.g. one width at a time) instead of side by side. */
  sequential?: boolean;
  /** Steps between two progress events (the engine's telemetry.every); the shell steps in these chunks. */
  stepsPerEvent: number;
  /** Divergence is the expected end of the experiment (LR range test), not an error to report. */
  divergenceEndsRun?: boolean;
  /** The task line of a widget with no engine runs, written by its family (the model graph's "784 → 32 → 10; …"). */
  task?: string;
  /** What inline data were sampled from, for the task line (inline datasets carry only rows). */
  dataSource?: FunctionSource;
  /** A rate that grows during the run (LR range test), for the task line: the config holds only its start. */
  rateRamp?: RateRamp;
}

/** A 1-D function sampled on a domain, optionally shifted (sin x + 5) and with noise σ. */
export interface FunctionSource {
  fn: Function1DName;
  domain?: [number, number];
  offset?: number;
  noise?: number;
}

/** ×10 every `stepsPerDecade` steps (fractional when the decades do not divide the run; the task line shows one
 * decimal), from `from` to `to` (the rate after the last step if nothing diverges). */
export interface RateRamp {
  from: number;
  to: number;
  stepsPerDecade: number;
}
