/**
 * The runs of chapter 1's DigitsExperiment presets: the designs of docs/practical-tricks/outline.md (E1, E3, E5,
 * E6, E8), with the same data, network, optimizer, batch and step count as tests/claims/practical-tricks.test.ts,
 * so the widget shows the numbers the outline reports. Every preset also measures training accuracy (the gap
 * between the training and validation curves is what the chapter teaches to read).
 */
import type { DigitsAugmentation, OptimizerConfig } from '@engine/types';
import { adam, digitsMlp, digitsRun, distinctArms, trainDigits, type DigitsPlan } from './digits-run';
import type { DigitsExperimentState } from './definition';

/** E1: training-set sizes (balanced subsets; 700 = the whole training split) of the lesson's widget. */
export const DATA_SIZES = [50, 100, 200, 700] as const;
/** E1 in the exercise's widget (`data-size-400`): also 400, the size its question asks about (the lesson's must not show it). */
export const EXERCISE_DATA_SIZES = [50, 100, 200, 400, 700] as const;
export const dataSizes = (preset: string): readonly number[] => (preset === 'data-size-400' ? EXERCISE_DATA_SIZES : DATA_SIZES);
/** E3: the fixed small and large hidden widths; the middle arm is the `hidden` control (default 32). */
export const CAPACITY_WIDTHS = { small: 2, large: 128 } as const;
/** E5: the fixed dropout rates; the third arm is the `dropout` control (default 0.5). */
export const DROPOUT_RATES = [0, 0.2] as const;
/** E6: the variants, each the training digits plus AUGMENT_COPIES transformed copies of each. */
export const AUGMENT_ARMS = ['none', 'mild', 'hflip'] as const;
export const AUGMENT_COPIES = 4;
export const AUGMENT_SEED = 7;
/** E8: decay rate λ (the equal L2 penalty is (λ/2)·ΣW²) and the two optimizers. */
export const DECAY_LAMBDA = 0.1;
export const DECAY_OPTIMIZERS: readonly OptimizerConfig[] = [{ name: 'sgd', learningRate: 0.1 }, adam(0.003)];
export const DECAY_VARIANTS = ['l2', 'decay'] as const;

type Builder = (state: DigitsExperimentState, seeds: number[]) => DigitsPlan;

/** The transforms of an E6 arm: the reader's amounts for `mild` (an amount of 0 leaves that transform out). */
export function augmentationOf(arm: (typeof AUGMENT_ARMS)[number], state: DigitsExperimentState): DigitsAugmentation {
  const mild = ([['shift', state.shift], ['rotate', state.rotate], ['noise', state.noise]] as const)
    .filter(([, amount]) => Number(amount) > 0)
    .map(([name, amount]) => ({ name, amount: Number(amount) }));
  const transforms = arm === 'none' ? [] : arm === 'hflip' ? [{ name: 'hflip' as const }] : mild;
  return { transforms, copies: AUGMENT_COPIES, seed: AUGMENT_SEED };
}

const dataSizePlan = (sizes: readonly number[]): Builder => (_state, seeds) => ({
  stepsPerEvent: 5,
  runs: sizes.map((size) => ({
    kind: 'engine' as const,
    config: digitsRun({ layers: digitsMlp(), optimizer: adam(0.003), dataset: trainDigits(size), members: seeds.map((seed) => ({ seed })), steps: 80, every: 5, trainMetrics: true }),
    arms: [String(size)],
  })),
});

export const practicalTricksPlans = {
  'data-size': dataSizePlan(DATA_SIZES),
  'data-size-400': dataSizePlan(EXERCISE_DATA_SIZES),
  capacity: (state, seeds) => {
    const widths = [CAPACITY_WIDTHS.small, state.hidden, CAPACITY_WIDTHS.large];
    const arms = distinctArms(widths.map(String));
    return {
      stepsPerEvent: 5,
      runs: widths.map((units, index) => ({
        kind: 'engine' as const,
        config: digitsRun({ layers: digitsMlp({ units }), optimizer: adam(0.003), dataset: trainDigits(state.trainSize), members: seeds.map((seed) => ({ seed })), steps: 120, every: 5, trainMetrics: true }),
        arms: [arms[index]!],
      })),
    };
  },
  'dropout-rates': (state, seeds) => {
    const rates = [...DROPOUT_RATES, state.dropout];
    const members = rates.flatMap((dropout) => seeds.map((seed) => ({ seed, dropout })));
    const config = digitsRun({ layers: digitsMlp({ units: 128 }), optimizer: adam(0.001), dataset: trainDigits(state.trainSize), members, steps: 100, every: 5, trainMetrics: true });
    return { stepsPerEvent: 5, runs: [{ kind: 'engine', config, arms: distinctArms(rates.map(String)) }] };
  },
  augmentation: (state, seeds) => ({
    stepsPerEvent: 5,
    runs: AUGMENT_ARMS.map((arm) => ({
      kind: 'engine' as const,
      config: digitsRun({
        layers: digitsMlp(), optimizer: adam(0.003), dataset: { ...trainDigits(state.trainSize), augment: augmentationOf(arm, state) },
        members: seeds.map((seed) => ({ seed })), steps: 100, every: 5, trainMetrics: true,
      }),
      arms: [arm],
    })),
  }),
  'decay-vs-l2': (_state, seeds) => ({
    stepsPerEvent: 2,
    runs: DECAY_OPTIMIZERS.map((optimizer) => ({
      kind: 'engine' as const,
      // One population per optimizer: the same seeds (same start, same batches) with the penalty or the decay.
      config: digitsRun({
        layers: digitsMlp({ units: 16 }), optimizer, dataset: trainDigits(200),
        members: [...seeds.map((seed) => ({ seed, l2: DECAY_LAMBDA / 2 })), ...seeds.map((seed) => ({ seed, weightDecay: DECAY_LAMBDA }))],
        steps: 30, every: 2, layerStats: true,
      }),
      arms: DECAY_VARIANTS.map((variant) => `${optimizer.name}/${variant}`),
    })),
  }),
} satisfies Record<string, Builder>;
