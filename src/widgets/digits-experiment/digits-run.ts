/**
 * The pieces every DigitsExperiment plan is built from: one engine run of the digits MLP family on the shipped
 * digits (data seed 1, the 70/20/10 split the claims harness uses), its members, the reference network and the
 * pretrained start. Every arm is one population of SEEDS_PER_ARM consecutive seeds.
 */
import type { Checkpoint, DenseLayerSpec, DigitsDataset, MemberOverrides, OptimizerConfig, RunConfig } from '@engine/types';
import type { RunPlan, RunSpec } from '../shell/run';
import { SEEDS_PER_ARM, type DigitsExperimentState } from './definition';

/** One arm: an engine run, its members named by `arms` (each name covers SEEDS_PER_ARM consecutive members). */
export interface DigitsRun extends Extract<RunSpec, { kind: 'engine' }> {
  arms: string[];
}

export interface DigitsPlan extends RunPlan {
  runs: DigitsRun[];
}

export interface RunOptions {
  layers: DenseLayerSpec[];
  optimizer: OptimizerConfig;
  /** Default categorical cross-entropy. */
  loss?: RunConfig['training']['loss'];
  dataset?: Omit<DigitsDataset, 'kind'>;
  members: MemberOverrides[];
  steps: number;
  every: number;
  inputDropout?: number;
  initializer?: RunConfig['model']['initializer'];
  layerStats?: boolean;
  /** Also evaluate the whole training split at every event (training accuracy curves). Default false. */
  trainMetrics?: boolean;
}

export function digitsRun(o: RunOptions): RunConfig {
  return {
    model: { inputShape: [784], layers: o.layers, initializer: o.initializer ?? { name: 'he_normal' }, inputDropout: o.inputDropout ?? 0 },
    training: { loss: o.loss ?? 'categorical_crossentropy', optimizer: o.optimizer, batchSize: 32, seed: 1, steps: o.steps },
    dataset: { kind: 'digits', seed: 1, ...o.dataset },
    population: { size: o.members.length, members: o.members },
    // Validation accuracy is what every preset shows; without trainMetrics the train loss is the batch mean.
    telemetry: { every: o.every, validation: true, trainMetrics: o.trainMetrics ?? false, layerStats: o.layerStats ?? false },
  };
}

export const seedsOf = (state: DigitsExperimentState): number[] => Array.from({ length: SEEDS_PER_ARM }, (_, i) => state.seed + i);
export const adam = (learningRate: number): OptimizerConfig => ({ name: 'adam', learningRate });
export const digitsMlp = (hidden: Partial<DenseLayerSpec> = {}, outputs = 10, head = 'output'): DenseLayerSpec[] => [
  { type: 'dense', units: 32, activation: 'relu', name: 'hidden', ...hidden },
  { type: 'dense', units: outputs, activation: 'softmax', name: head },
];
/** The 100 digits the pretrained net never saw (the split's test part). */
export const NEW_DIGITS = { trainOn: { split: 'test' as const } };
/** Training digits of the split: the first `size / 10` of each class (a balanced subset), or all 700. */
export const trainDigits = (size: number): Pick<DigitsDataset, 'trainOn'> => ({
  trainOn: size >= 700 ? { split: 'train' } : { split: 'train', perClass: Math.max(1, Math.round(size / 10)) },
});

/** Copies the shipped pretrained digits MLP into the members `chosen` picks (loaded on demand, a separate chunk). */
export function pretrainedStart(chosen: (member: number) => boolean = () => true): (initial: Checkpoint) => Promise<Checkpoint> {
  return async (initial) => {
    const { loadPretrained, withPretrained } = await import('@engine/pretrained');
    return withPretrained(initial, await loadPretrained('digits-mlp'), chosen);
  };
}

/** Passes the initial weights on unchanged: the view receives them as the step-0 checkpoint (weight tiles). */
export const asDrawn = (initial: Checkpoint): Checkpoint => initial;

/** Arm names made distinct: a repeated name gets `-repeat` (the reader set a control to a fixed arm's value). */
export function distinctArms(names: string[]): string[] {
  return names.map((name, i) => (names.indexOf(name) < i ? `${name}-repeat` : name));
}
