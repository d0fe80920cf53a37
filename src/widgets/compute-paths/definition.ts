/**
 * ComputePaths: a benchmark, not an experiment with a known answer. The digits MLP workload is timed on every
 * compute path the reader's browser starts, at several population sizes, and the reader sees their own device's
 * training examples per second. It never starts on its own, and without a run it shows no number at all.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const computePathsPresets = ['default'] as const;

export const computePaths = defineWidget({
  family: 'compute-paths',
  // The view owns its run button: the shell's training loop (speed, step, backend) means nothing for a benchmark.
  trains: false,
  usesEngine: false,
  // Its run button lives in the live view (the static result has no use for it): shown from mount.
  liveAtMount: true,
  table: {
    ...shellParams(computePathsPresets),
    /** Wall time each cell (a path at one population size) is timed for, after its warm-up. */
    seconds: numberParam({ default: 1.5, min: 1, max: 5, step: 0.5, unit: 'seconds' }),
  },
  presets: { default: {} },
  controls: ['seconds'],
});

export type ComputePathsState = StateOf<typeof computePaths.table>;
