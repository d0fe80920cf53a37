/**
 * LearnableFunction state → the one engine run: the program's calls as input [arguments, 1]; the learnable
 * function as dense layers on the last axis (the same weights at every argument: one function shared by the
 * calls); a frozen «+» (flatten, then one unit with constant weights 1 and no bias) adds the calls' results.
 * The loss sees only the program's output. The probe feeds [d, …, d]: the program's output there is
 * arguments × f(d), so the view divides by the argument count to read f(d).
 */
import type { RunConfig } from '@engine/types';
import { PROGRAMS } from '@engine/datasets/programs';
import { grid1D } from '../common/grid';
import { STEPS_PER_EVENT } from '../common/run-config';
import type { RunPlan } from '../shell/run';
import type { LearnableFunctionState } from './definition';

/** Where the learned function is drawn: from 0 to a bit past the training range, to show what happens outside. */
export const PROBE_DOMAIN: [number, number] = [0, 4];
export const PROBE_POINTS = 81;

/** Orders in the dataset (70 % train), as the outline fixes them. */
export const ORDERS = 300;
/** The orders are the same for every training seed: a seed changes only the initial weights and the batch order
 * (so seed s here is member s of the claims check's population, which shares one dataset). */
export const DATA_SEED = 1;

/** The arguments at which the learned function is read. */
export const probeArguments = (): number[] => grid1D(PROBE_DOMAIN[0], PROBE_DOMAIN[1], PROBE_POINTS).map((row) => row[0] ?? 0);

export function learnableFunctionRun(state: LearnableFunctionState): RunConfig {
  const program = state.program;
  const calls = PROGRAMS[program].arguments;
  const hidden = state.hidden;
  return {
    model: {
      inputShape: [calls, 1],
      layers: [
        { type: 'dense', units: hidden, activation: 'tanh' },
        { type: 'dense', units: hidden, activation: 'tanh' },
        { type: 'dense', units: 1, activation: 'linear' },
        { type: 'flatten' },
        { type: 'dense', units: 1, useBias: false, trainable: false, initializer: { name: 'constant', scale: 1 } },
      ],
      initializer: { name: 'glorot_normal' },
    },
    training: { loss: 'mse', optimizer: { name: 'adam', learningRate: state.lr }, batchSize: 32, seed: state.seed, epochs: state.epochs },
    dataset: { kind: 'program', program, count: ORDERS, seed: DATA_SEED, split: { train: 0.7, validation: 0.2, test: 0.1 } },
    telemetry: {
      every: STEPS_PER_EVENT,
      layerStats: false,
      validation: false,
      probe: { inputs: probeArguments().map((x) => Array.from({ length: calls }, () => x)) },
    },
  };
}

export function learnableFunctionPlan(state: LearnableFunctionState): RunPlan {
  return { stepsPerEvent: STEPS_PER_EVENT, runs: [{ kind: 'engine', config: learnableFunctionRun(state) }] };
}
