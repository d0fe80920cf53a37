/**
 * TrainingDashboard: chapter 4, lesson 4's TensorBoard-style views of the project model while it trains
 * (docs/project-lifecycle/outline.md, experiment `dashboard`). One preset, the healthy run; the reader may change
 * its length, the histograms' bins, how often the engine reports, and the seed. The views themselves are a module
 * (views.ts) that DebugLab mounts too.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const trainingDashboardPresets = ['healthy-run'] as const;
export type DashboardPreset = (typeof trainingDashboardPresets)[number];

export const trainingDashboard = defineWidget({
  family: 'training-dashboard',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(trainingDashboardPresets),
    /** Passes over the 700 training digits (the outline's 20: the validation loss turns up before the end). */
    epochs: numberParam({ default: 20, min: 2, max: 60, step: 1, integer: true, unit: 'epochs' }),
    /** Bins of every histogram the engine sends (activations, pre-activations) and of the weight histograms; the input
     * histograms of view 1 are embedded with 30 (input-samples.ts). */
    bins: numberParam({ default: 30, min: 10, max: 60, step: 5, integer: true }),
    /** Optimizer steps between two progress events (and two redraws of the curves). */
    every: numberParam({ default: 10, min: 5, max: 50, step: 5, integer: true, unit: 'steps' }),
  },
  presets: {
    'healthy-run': {},
  },
  controls: ['epochs', 'bins', 'every'],
});

export type TrainingDashboardState = StateOf<typeof trainingDashboard.table>;
