/** FunctionFit state → the runs the engine trains. */
import type { RunConfig } from '@engine/types';
import { grid1D } from '../common/grid';
import { function1DRun, MOMENTUM, STEPS_PER_EVENT, type Function1DRun } from '../common/run-config';
import type { RunPlan } from '../shell/run';
import { comparedActivations, comparedDepths, comparedInitializers, comparedWidths, sweepWidths, type FunctionFitState } from './definition';

/** The probe grid: a bit past the training domain, or far past it to show extrapolation. */
export function probeDomain(state: FunctionFitState): [number, number] {
  return state.view === 'wide' ? [-9, 9] : [-3.5, 3.5];
}

function baseRun(state: FunctionFitState): Function1DRun {
  const [low, high] = probeDomain(state);
  return {
    fn: state.target,
    hiddenLayers: state.layers,
    width: state.width,
    activation: state.activation,
    initializer: { name: state.init },
    optimizer: state.optimizer,
    learningRate: state.lr,
    epochs: state.epochs,
    seed: state.seed,
    telemetry: { probe: { inputs: grid1D(low, high, 121) } },
  };
}

export function functionFitPlan(state: FunctionFitState): RunPlan {
  const run = baseRun(state);
  const engine = (config: RunConfig) => ({ kind: 'engine' as const, config });
  switch (state.experiment) {
    case 'sgd-vs-momentum':
      // The third run is plain SGD at momentum's steady effective step η/(1 − μ).
      return {
        stepsPerEvent: STEPS_PER_EVENT,
        runs: [
          engine(function1DRun({ ...run, optimizer: 'sgd' })),
          engine(function1DRun({ ...run, optimizer: 'momentum' })),
          engine(function1DRun({ ...run, optimizer: 'sgd', learningRate: run.learningRate / (1 - MOMENTUM) })),
        ],
      };
    case 'widths':
      return { stepsPerEvent: STEPS_PER_EVENT, runs: comparedWidths.map((width) => engine(function1DRun({ ...run, width }))) };
    case 'activations':
      return { stepsPerEvent: STEPS_PER_EVENT, runs: comparedActivations.map((activation) => engine(function1DRun({ ...run, activation }))) };
    case 'depth':
      return {
        stepsPerEvent: STEPS_PER_EVENT,
        runs: Object.values(comparedDepths).map(({ layers, width }) => engine(function1DRun({ ...run, hiddenLayers: layers, width }))),
      };
    case 'initializers':
      return {
        stepsPerEvent: STEPS_PER_EVENT,
        runs: [engine(function1DRun({
          ...run,
          population: { size: comparedInitializers.length, members: comparedInitializers.map((name) => ({ initializer: { name } })) },
        }))],
      };
    case 'width-sweep':
      return {
        stepsPerEvent: STEPS_PER_EVENT,
        sequential: true,
        runs: sweepWidths.map((width) => engine(function1DRun({ ...run, width }))),
      };
    default:
      return { stepsPerEvent: STEPS_PER_EVENT, runs: [engine(function1DRun(run))] };
  }
}

/** Names of the curves, as keys of `widgets.series` / `widgets.options`. */
export function runNames(state: FunctionFitState): string[] {
  switch (state.experiment) {
    case 'sgd-vs-momentum':
      return ['sgd', 'momentum', 'sgdLarge'];
    case 'widths':
      return comparedWidths.map(String);
    case 'activations':
      return [...comparedActivations];
    case 'depth':
      return Object.keys(comparedDepths);
    case 'initializers':
      return [...comparedInitializers];
    case 'width-sweep':
      return sweepWidths.map(String);
    default:
      return ['fit'];
  }
}
