/**
 * The runs of chapter 3's prior experiments (docs/deep-learning-myth/outline.md, `mlp-vs-convnet` and
 * `permuted-pixels`): an MLP and a convnet with equal parameter budgets (within 1 %), each trained on 100, 300
 * and 700 training digits (balanced subsets) for the same number of steps at every size, validated on the same
 * 200 digits. `permuted-pixels` scrambles every image of every split by one fixed permutation (seed 7).
 *
 * The outline's two-layer convnet (9,098 parameters) takes ~0.6 s a step for 5 seeds on the CPU paths, too slow
 * to pre-render and to check three times in CI; this one (conv 4×3×3 → max-pool 2 → dense 10) keeps the three
 * priors the lesson names (local filters, shared weights, pooling) at a tenth of the cost.
 */
import type { DigitsDataset, LayerSpec, RunConfig } from '@engine/types';
import { countParameters } from '@engine/model/parameter-count';
import { adam, trainDigits, type DigitsPlan } from './digits-run';
import type { DigitsExperimentState } from './definition';

export const PRIOR_SIZES = [100, 300, 700] as const;
/** Optimizer steps of every run, whatever its training-set size (equal optimization effort). */
export const PRIOR_STEPS = 150;
export const PERMUTATION_SEED = 7;
export const PRIOR_NETWORKS = ['mlp', 'convnet'] as const;
export type PriorNetwork = (typeof PRIOR_NETWORKS)[number];

/** The two networks: 784-10-10 (7,960 parameters) and conv 4×3×3 same ReLU → max-pool 2 → dense 10 (7,890). */
export const PRIOR_MODELS: Record<PriorNetwork, Pick<RunConfig['model'], 'inputShape' | 'layers'>> = {
  mlp: {
    inputShape: [784],
    layers: [{ type: 'dense', units: 10, activation: 'relu', name: 'hidden' }, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }],
  },
  convnet: {
    inputShape: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu', name: 'conv' },
      { type: 'pool2d', pool: 'max', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax', name: 'output' },
    ] satisfies LayerSpec[],
  },
};

export const priorParameters = (network: PriorNetwork): number => countParameters(PRIOR_MODELS[network]).total;

/** The arm of one network at one size: "mlp/100". */
export const priorArm = (network: PriorNetwork, size: number): string => `${network}/${size}`;
export function parsePriorArm(arm: string): { network: PriorNetwork; size: number } {
  const [network, size] = arm.split('/');
  return { network: network === 'convnet' ? 'convnet' : 'mlp', size: Number(size) };
}

function priorRun(network: PriorNetwork, size: number, permuted: boolean, seeds: number[]): RunConfig {
  const dataset: DigitsDataset = {
    kind: 'digits',
    seed: 1,
    ...trainDigits(size),
    ...(network === 'convnet' ? { layout: 'image' as const } : {}),
    ...(permuted ? { permutePixels: { seed: PERMUTATION_SEED } } : {}),
  };
  return {
    model: { ...PRIOR_MODELS[network], initializer: { name: 'he_normal' } },
    training: { loss: 'categorical_crossentropy', optimizer: adam(0.003), batchSize: 32, seed: 1, steps: PRIOR_STEPS },
    dataset,
    population: { size: seeds.length, members: seeds.map((seed) => ({ seed })) },
    telemetry: { every: 10, validation: true },
  };
}

const priorPlan = (permuted: boolean) => (_state: DigitsExperimentState, seeds: number[]): DigitsPlan => ({
  stepsPerEvent: 10,
  runs: PRIOR_SIZES.flatMap((size) => PRIOR_NETWORKS.map((network) => ({ kind: 'engine' as const, config: priorRun(network, size, permuted, seeds), arms: [priorArm(network, size)] }))),
});

export const priorsPlans = {
  'mlp-vs-convnet': priorPlan(false),
  'permuted-pixels': priorPlan(true),
} satisfies Record<string, (state: DigitsExperimentState, seeds: number[]) => DigitsPlan>;
