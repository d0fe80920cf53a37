/**
 * The runs of chapter 3's DigitsExperiment presets (docs/deep-learning-myth/outline.md, experiments `depth` and
 * `swap-parts`): plain and residual MLPs of growing depth under SGD with momentum, and the base digits MLP with one
 * part swapped at a time (optimizer, loss, model). All 700 training digits; every arm one population of
 * SEEDS_PER_ARM consecutive seeds; dense layers only, so every run takes the dense-wasm path on a CPU backend.
 * tests/claims/deep-learning-myth.test.ts asserts the outline's claims on exactly these runs.
 */
import type { DenseLayerSpec, OptimizerConfig, RunConfig } from '@engine/types';
import { adam, digitsMlp, digitsRun, trainDigits, type DigitsPlan } from './digits-run';
import type { DigitsExperimentState } from './definition';

/** Optimizer steps of one epoch over the 700 training digits in batches of 32. */
export const STEPS_PER_EPOCH = Math.ceil(700 / 32);
/** `depth`: hidden layers of each network (width DEPTH_WIDTH), trained DEPTH_EPOCHS epochs. */
export const DEPTHS = [1, 2, 4, 8, 16] as const;
export const DEPTH_WIDTH = 32;
export const DEPTH_EPOCHS = 20;
export const DEPTH_FAMILIES = ['plain', 'residual'] as const;
export type DepthFamily = (typeof DEPTH_FAMILIES)[number];
/** SGD with momentum: Adam would hide part of the plain net's trouble (the outline's callout). */
export const DEPTH_OPTIMIZER: OptimizerConfig = { name: 'momentum', learningRate: 0.01, momentum: 0.9 };
/**
 * `swap-parts`: epochs of every swap, and the one part each preset changes. The optimizers at their customary
 * rates: SGD, momentum and RMSProp at Keras' defaults (SGD and momentum share η = 0.01, so the momentum line adds
 * only μ = 0.9: an effective step η/(1 − μ) = 0.1), Adam at the base setup's 0.003. The contract's SGD η = 0.1
 * kept up with the others after one epoch (docs/deep-learning-myth/outline.md, swap-parts: Measured).
 */
export const SWAP_EPOCHS = 10;
export const SWAP_OPTIMIZERS: Record<'sgd' | 'momentum' | 'rmsprop' | 'adam', OptimizerConfig> = {
  sgd: { name: 'sgd', learningRate: 0.01 },
  momentum: { name: 'momentum', learningRate: 0.01, momentum: 0.9 },
  rmsprop: { name: 'rmsprop', learningRate: 0.001 },
  adam: adam(0.003),
};
export const SWAP_LOSSES = ['categorical_crossentropy', 'mse'] as const satisfies readonly RunConfig['training']['loss'][];
/** Hidden widths of the two models (784-32-10 and 784-64-32-10). */
export const SWAP_MODELS: Record<string, readonly number[]> = { '32': [32], '64-32': [64, 32] };

/** Arm name of a depth run: `plain/16`. */
export const depthArm = (family: DepthFamily, depth: number): string => `${family}/${depth}`;

/**
 * The residual branches' initial weights: N(0, 0.05²) instead of He's N(0, 2/32). Without normalization each
 * He-initialized block h + ReLU(W h + b) doubles the signal's mean square (2¹⁵ after 15 blocks: the 8- and
 * 16-layer residual nets diverged on every seed); small branches start each block near the identity, as residual
 * networks without normalization are initialized in practice (Fixup, 2019; GPT-2's scaled residual layers).
 */
export const RESIDUAL_BRANCH_INIT = { name: 'normal', scale: 0.05 } as const;

/** D hidden ReLU layers of DEPTH_WIDTH: the first projects 784 → 32; in the residual family layers 2…D add their input. */
export function depthLayers(depth: number, family: DepthFamily): DenseLayerSpec[] {
  const hidden = Array.from({ length: depth }, (_, l): DenseLayerSpec => ({
    type: 'dense', units: DEPTH_WIDTH, activation: 'relu', name: l === 0 ? 'hidden' : `hidden${l + 1}`,
    ...(family === 'residual' && l > 0 ? { residual: true, initializer: RESIDUAL_BRANCH_INIT } : {}),
  }));
  return [...hidden, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }];
}

/** Hidden layers of the given widths, then the 10 softmax outputs. */
const mlp = (widths: readonly number[]): DenseLayerSpec[] => [
  ...widths.map((units, l): DenseLayerSpec => ({ type: 'dense', units, activation: 'relu', name: l === 0 ? 'hidden' : `hidden${l + 1}` })),
  ...digitsMlp().slice(1),
];

type Builder = (state: DigitsExperimentState, seeds: number[]) => DigitsPlan;

/** One run per arm: the base setup (all training digits, batch 32, one event per epoch) with `change` applied. */
const swapRun = (seeds: number[], arm: string, change: { layers?: DenseLayerSpec[]; optimizer?: OptimizerConfig; loss?: RunConfig['training']['loss'] }) => ({
  kind: 'engine' as const,
  config: digitsRun({
    layers: change.layers ?? digitsMlp(), optimizer: change.optimizer ?? adam(0.003), loss: change.loss, dataset: trainDigits(700),
    members: seeds.map((seed) => ({ seed })), steps: SWAP_EPOCHS * STEPS_PER_EPOCH, every: STEPS_PER_EPOCH,
  }),
  arms: [arm],
});

export const deepLearningMythPlans = {
  'plain-vs-residual': (_state, seeds) => ({
    stepsPerEvent: STEPS_PER_EPOCH,
    runs: DEPTH_FAMILIES.flatMap((family) => DEPTHS.map((depth) => ({
      kind: 'engine' as const,
      // trainMetrics: the loss each event reports is the whole training split's, not the last batches'.
      config: digitsRun({
        layers: depthLayers(depth, family), optimizer: DEPTH_OPTIMIZER, dataset: trainDigits(700),
        members: seeds.map((seed) => ({ seed })), steps: DEPTH_EPOCHS * STEPS_PER_EPOCH, every: STEPS_PER_EPOCH, trainMetrics: true,
      }),
      arms: [depthArm(family, depth)],
    }))),
  }),
  'swap-optimizer': (_state, seeds) => ({
    stepsPerEvent: STEPS_PER_EPOCH,
    runs: Object.entries(SWAP_OPTIMIZERS).map(([arm, optimizer]) => swapRun(seeds, arm, { optimizer })),
  }),
  'swap-loss': (_state, seeds) => ({
    stepsPerEvent: STEPS_PER_EPOCH,
    runs: SWAP_LOSSES.map((loss) => swapRun(seeds, loss, { loss })),
  }),
  'swap-model': (_state, seeds) => ({
    stepsPerEvent: STEPS_PER_EPOCH,
    runs: Object.entries(SWAP_MODELS).map(([arm, widths]) => swapRun(seeds, arm, { layers: mlp(widths) })),
  }),
} satisfies Record<string, Builder>;
