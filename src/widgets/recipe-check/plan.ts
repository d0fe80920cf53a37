/** RecipeCheck state → runs. Every check compares runs that differ in exactly one thing, same seed. */
import type { DatasetConfig, DenseLayerSpec, RunConfig } from '@engine/types';
import { denseStack, function1DRun } from '../common/run-config';
import type { FunctionSource, RunPlan } from '../shell/run';
import { grid1D } from '@engine/datasets/functions1d';
import { meanTarget, OVERFIT_POINTS, SINE_NOISE, sineSample } from './data';
import type { RecipeCheckState } from './definition';

/** The shifted target of the bias check: sin x + 5. */
const OFFSET = 5;

/** What `sineSample` draws from (see data.ts), for the task line. */
const SINE_SOURCE = { fn: 'sine', domain: [-3, 3], noise: SINE_NOISE } as const satisfies FunctionSource;

function inlineRun(state: RecipeCheckState, dataset: DatasetConfig, layers: DenseLayerSpec[], every: number): RunConfig {
  return {
    model: { inputShape: [1], layers },
    training: {
      loss: 'mse',
      optimizer: { name: state.experiment === 'bias' ? 'sgd' : 'adam', learningRate: state.lr },
      batchSize: 20,
      seed: state.seed,
      epochs: state.epochs,
    },
    dataset,
    telemetry: { every, layerStats: false, validation: false },
  };
}

export function recipeCheckPlan(state: RecipeCheckState): RunPlan {
  const seed = state.seed;
  if (state.experiment === 'overfit') {
    // 16 points, half of them train: one batch of 8, seen whole at every step.
    const config = function1DRun({
      fn: 'sine', hiddenLayers: 1, width: 32, activation: 'tanh', optimizer: 'adam', learningRate: state.lr,
      epochs: state.epochs, seed, count: OVERFIT_POINTS, noise: 0, batchSize: 8,
      // The fitted curve over the domain, drawn through the batch's labels.
      telemetry: { probe: { inputs: grid1D(-3, 3, 121) } },
    });
    config.dataset = { ...config.dataset, split: { train: 0.5, validation: 0.5, test: 0 } };
    return { stepsPerEvent: 10, runs: [{ kind: 'engine', config }] };
  }
  const layers = denseStack(1, 16, 'tanh');
  if (state.experiment === 'baseline') {
    return {
      stepsPerEvent: 10,
      dataSource: SINE_SOURCE,
      runs: [false, true].map((zeroInputs) => ({
        kind: 'engine' as const,
        config: inlineRun(state, sineSample({ count: 200, seed, zeroInputs }), layers, 10),
      })),
    };
  }
  const dataset = sineSample({ count: 200, seed, offset: OFFSET });
  const config = inlineRun(state, dataset, layers, 1);
  // Same seed, same initial weights; the second run's output bias starts at the target mean (a constant
  // initializer: the engine draws every other weight as in the first run).
  const output = layers.at(-1)!;
  const atMean: RunConfig = {
    ...config,
    model: { ...config.model, layers: [...layers.slice(0, -1), { ...output, biasInitializer: { name: 'constant', scale: meanTarget(dataset) } }] },
  };
  return {
    stepsPerEvent: 1,
    dataSource: { ...SINE_SOURCE, offset: OFFSET },
    runs: [{ kind: 'engine', config }, { kind: 'engine', config: atMean }],
  };
}

/** Curve keys per run, as keys of `widgets.series`. */
export function recipeRunNames(state: RecipeCheckState): string[] {
  if (state.experiment === 'baseline') return ['real', 'zeroed'];
  if (state.experiment === 'bias') return ['defaultBias', 'meanBias'];
  return ['loss'];
}
