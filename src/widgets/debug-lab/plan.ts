/**
 * The runs of a debugging-lab state. Every network is «the project model» (784-32-10, ReLU with He init, softmax,
 * cross-entropy, Adam 0.001, batch 32, the shipped digits with data seed 1) trained from the state's seed, with the
 * dashboard's telemetry every 10 steps (docs/project-lifecycle/outline.md, «Experiment `debugging-lab`»):
 *
 *   the case     the project model with the bug its case number draws (`faults: [key]`, `runtime.lab`)
 *   beside it    only with «show the fix»: the same network without its bug (dropout kept for training,
 *                standardization kept with the training statistics); otherwise the views overlay
 *                TrainingDashboard's shipped healthy reference (the project model from seed 1), trained by nobody
 *   predictions  a probe: restores the case's final weights and asks `predict()` twice for the 200 validation
 *                digits (the «predict again» button compares them; they differ only when dropout stays on at inference)
 *
 * The case is always run 0. A run's config carries the bug only as `faults`: the engine applies it (faults.ts), so the card, the task line
 * and the rate the page shows are those of the healthy project, whichever bug is hidden.
 */
import type { DenseLayerSpec, ProgressEvent, RunConfig } from '@engine/types';
import type { FaultKey } from '@engine/faults';
import type { RunPlan, RunSpec } from '../shell/run';
import { dashboardTelemetry } from '../training-dashboard/plan';
import { caseBug } from './cases';
import type { DebugLabState } from './definition';
import { finalWeights, type FinalWeights } from '../common/final-weights';

/** Steps between two progress events (the outline's «every 10 steps»). */
export const STEPS_PER_EVENT = 10;
/** 700 training digits in batches of 32. */
export const STEPS_PER_EPOCH = Math.ceil(700 / 32);
/** Bins of every histogram the views draw. */
export const HISTOGRAM_BINS = 30;

/** The project's rate: what every run of the lab shows, whatever the engine multiplies it by. */
export const PROJECT_RATE = 0.001;

/** The event as the views see it: each member's rate is the project's (a faulty run's ×100 stays in the engine). */
export function withProjectRate(event: ProgressEvent): ProgressEvent {
  return { ...event, members: event.members.map((member) => ({ ...member, learningRate: member.diverged ? member.learningRate : PROJECT_RATE })) };
}

export type LabRole = 'case' | 'beside' | 'predictions';

export interface LabRun extends Extract<RunSpec, { kind: 'engine' }> {
  role: LabRole;
}

export interface LabPlan extends RunPlan {
  runs: LabRun[];
  /** The hidden bug (never shown before the reader's answer). */
  bug: FaultKey;
}

const projectLayers = (hiddenDropout = 0): DenseLayerSpec[] => [
  { type: 'dense', units: 32, activation: 'relu', initializer: { name: 'he_normal' }, name: 'hidden', ...(hiddenDropout > 0 ? { dropout: hiddenDropout } : {}) },
  { type: 'dense', units: 10, activation: 'softmax', initializer: { name: 'he_normal' }, name: 'output' },
];

export interface LabRunOptions {
  seed: number;
  epochs: number;
  /** The planted bug (none: the healthy project model). */
  fault?: FaultKey | null;
  /** Dropout on the hidden layer in training only (the fix of `dropout-at-inference`). */
  hiddenDropout?: number;
  /** Standardize the inputs with the training statistics (the fix of `validation-own-statistics`). */
  scaleInputs?: boolean;
}

/** One run of the lab: the project model, one member, the telemetry TrainingDashboard's views draw. */
export function labRun(o: LabRunOptions): RunConfig {
  return {
    model: { inputShape: [784], layers: projectLayers(o.hiddenDropout) },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: PROJECT_RATE }, batchSize: 32, seed: o.seed, epochs: o.epochs },
    dataset: { kind: 'digits', seed: 1, ...(o.scaleInputs ? { scaleInputs: true } : {}) },
    population: { size: 1, members: [{ seed: o.seed }] },
    telemetry: dashboardTelemetry({ bins: HISTOGRAM_BINS, every: STEPS_PER_EVENT }),
    ...(o.fault ? { runtime: { lab: true }, faults: [o.fault] } : {}),
  };
}

/** The network without its bug: the healthy project model, except where removing the bug keeps the intended part. */
export function fixedRun(bug: FaultKey, seed: number, epochs: number): RunConfig {
  if (bug === 'dropout-at-inference') return labRun({ seed, epochs, hiddenDropout: 0.5 });
  if (bug === 'validation-own-statistics') return labRun({ seed, epochs, scaleInputs: true });
  return labRun({ seed, epochs });
}

/** How many times the prediction run asks for the validation digits' probabilities. */
export const PREDICTIONS = 2;

export function labPlan(state: DebugLabState, weights: FinalWeights = finalWeights()): LabPlan {
  const bug = caseBug(state.case);
  const config = labRun({ seed: state.seed, epochs: state.epochs, fault: bug });
  const beside: LabRun[] = state.fix === 'on' ? [{ kind: 'engine', role: 'beside', config: fixedRun(bug, state.seed, state.epochs) }] : [];
  return {
    bug,
    stepsPerEvent: STEPS_PER_EVENT,
    // A run that turns NaN (log(0)) is one of the results the reader reads, not a failure of the page.
    divergenceEndsRun: true,
    runs: [
      { kind: 'engine', role: 'case', config },
      ...beside,
      {
        kind: 'engine',
        role: 'predictions',
        config,
        prepare: () => weights.promise,
        probe: async (engine) => {
          const { digitsSplit } = await import('@engine/datasets/digits-split');
          const rows = (await digitsSplit(1)).validation.inputs;
          for (let i = 0; i < PREDICTIONS; i++) await engine.predict(rows);
        },
      },
    ],
  };
}
