/**
 * The dashboard's run: «the project model» (ProjectLab's `projectRun`: 784-32-10 ReLU/he_normal, softmax,
 * cross-entropy, Adam 0.001, batch 32, the shipped digits 70/20/10 with data seed 1) with the telemetry the six
 * views draw. DebugLab builds its faulty runs on `dashboardTelemetry` too, so both widgets report the same numbers.
 */
import type { RunConfig, TelemetryConfig } from '@engine/types';
import type { RunPlan } from '../shell/run';
import { projectRun, STEPS_PER_EPOCH } from '../project-lab/plan';
import type { TrainingDashboardState } from './definition';

/** The parameters the views stream: the first layer's kernel (view 6, and view 3's histograms) and the rest of view 3. */
export const STREAMED_PARAMS = ['hidden/kernel', 'hidden/bias', 'output/kernel', 'output/bias'] as const;

export interface DashboardTelemetryOptions {
  /** Histogram bins (the outline's 30). */
  bins: number;
  /** Optimizer steps between progress events (the outline's 10). */
  every: number;
}

/** Progress events with everything the views draw; the parameters stream about once an epoch (view 6 «refreshed each epoch»). */
export function dashboardTelemetry({ bins, every }: DashboardTelemetryOptions): TelemetryConfig {
  return {
    every,
    validation: true,
    trainMetrics: true,
    layerStats: true,
    activationStats: true,
    histogramBins: bins,
    preActivationHistograms: true,
    params: [...STREAMED_PARAMS],
    paramsEvery: paramsEvery(every),
  };
}

/** Progress events between two parameter snapshots: about one epoch of steps (22 at batch 32). */
export const paramsEvery = (every: number): number => Math.max(1, Math.round(STEPS_PER_EPOCH / every));

/** The project model's run for `seeds` (one member each): the widget trains its one seed, the claims check five. */
export function dashboardRun(state: Pick<TrainingDashboardState, 'epochs' | 'bins' | 'every'>, seeds: number[]): RunConfig {
  const config = projectRun({ optimizer: { name: 'adam', learningRate: 0.001 }, members: seeds.map((seed) => ({ seed })), epochs: state.epochs });
  return { ...config, telemetry: dashboardTelemetry(state) };
}

export function dashboardPlan(state: TrainingDashboardState, seeds: number[] = [state.seed]): RunPlan {
  return { stepsPerEvent: state.every, runs: [{ kind: 'engine', config: dashboardRun(state, seeds) }] };
}
