/**
 * The runs of each DigitsExperiment preset: the designs of docs/seven-tips/outline.md (T1–T6), with the same
 * data, network, optimizer, batch and step count as tests/claims/seven-tips.test.ts, so the widget shows the
 * numbers the outline reports. Every arm is one population of SEEDS_PER_ARM consecutive seeds.
 */
import type { Checkpoint, DenseLayerSpec, DigitsDataset, MemberOverrides, OptimizerConfig, RunConfig } from '@engine/types';
import type { AnyState } from '../shell/params';
import type { RunPlan, RunSpec } from '../shell/run';
import { SEEDS_PER_ARM, type DigitsPreset } from './definition';

/** Fine-tuning rates of `finetune-rates` (one population: rates × seeds). */
export const FINETUNE_RATES = [1e-4, 1e-3, 1e-2, 1e-1] as const;
/** `finetune-rates` reads accuracy after this many steps (the "first steps" of the claim). */
export const EARLY_STEP = 3;
/** Hidden widths of `dropout-by-size`. */
export const DROPOUT_SIZES = [16, 128] as const;
/** Max-norm c of the two `max-norm` arms (0 = off), as the claims test names them. */
export const MAX_NORMS = [0, 5] as const;
export const TRANSFER_ARMS = ['scratch', 'frozen', 'free'] as const;

/** One arm: an engine run, its members named by `arms` (each name covers SEEDS_PER_ARM consecutive members). */
export interface DigitsRun extends Extract<RunSpec, { kind: 'engine' }> {
  arms: string[];
}

export interface DigitsPlan extends RunPlan {
  runs: DigitsRun[];
}

interface RunOptions {
  layers: DenseLayerSpec[];
  optimizer: OptimizerConfig;
  dataset?: Omit<DigitsDataset, 'kind'>;
  members: MemberOverrides[];
  steps: number;
  every: number;
  inputDropout?: number;
  initializer?: RunConfig['model']['initializer'];
  layerStats?: boolean;
}

function digitsRun(o: RunOptions): RunConfig {
  return {
    model: { inputShape: [784], layers: o.layers, initializer: o.initializer ?? { name: 'he_normal' }, inputDropout: o.inputDropout ?? 0 },
    training: { loss: 'categorical_crossentropy', optimizer: o.optimizer, batchSize: 32, seed: 1, steps: o.steps },
    dataset: { kind: 'digits', seed: 1, ...o.dataset },
    population: { size: o.members.length, members: o.members },
    // Validation accuracy is what every preset shows; the train loss is the batch mean (no pass over the train split).
    telemetry: { every: o.every, validation: true, trainMetrics: false, layerStats: o.layerStats ?? false },
  };
}

export const seedsOf = (state: AnyState): number[] => Array.from({ length: SEEDS_PER_ARM }, (_, i) => Number(state.seed) + i);
const adam = (learningRate: number): OptimizerConfig => ({ name: 'adam', learningRate });
const digitsMlp = (hidden: Partial<DenseLayerSpec> = {}, outputs = 10, head = 'output'): DenseLayerSpec[] => [
  { type: 'dense', units: 32, activation: 'relu', name: 'hidden', ...hidden },
  { type: 'dense', units: outputs, activation: 'softmax', name: head },
];
/** The 100 digits the pretrained net never saw (the split's test part). */
const NEW_DIGITS = { trainOn: { split: 'test' as const } };

/** Copies the shipped pretrained digits MLP into the members `chosen` picks (loaded on demand, a separate chunk). */
export function pretrainedStart(chosen: (member: number) => boolean = () => true): (initial: Checkpoint) => Promise<Checkpoint> {
  return async (initial) => {
    const { loadPretrained, withPretrained } = await import('@engine/pretrained');
    return withPretrained(initial, await loadPretrained('digits-mlp'), chosen);
  };
}

/** Passes the initial weights on unchanged: the view receives them as the step-0 checkpoint (weight tiles). */
const asDrawn = (initial: Checkpoint): Checkpoint => initial;

export function digitsPlan(state: AnyState): DigitsPlan {
  const seeds = seedsOf(state);
  const n = seeds.length;
  const plain = seeds.map((seed) => ({ seed }));
  switch (state.preset as DigitsPreset) {
    case 'pretrained-vs-random': {
      const config = digitsRun({ layers: digitsMlp(), optimizer: adam(0.001), dataset: NEW_DIGITS, members: [...plain, ...plain], steps: 40, every: 2 });
      return { stepsPerEvent: 2, runs: [{ kind: 'engine', config, prepare: pretrainedStart((member) => member < n), arms: ['pretrained', 'random'] }] };
    }
    case 'finetune-rates': {
      const members = FINETUNE_RATES.flatMap((learningRate) => seeds.map((seed) => ({ seed, learningRate })));
      const config = digitsRun({ layers: digitsMlp(), optimizer: adam(0.001), dataset: NEW_DIGITS, members, steps: 30, every: 1 });
      return { stepsPerEvent: 1, runs: [{ kind: 'engine', config, prepare: pretrainedStart(), arms: FINETUNE_RATES.map(String) }] };
    }
    case 'dropout-by-size': {
      const rate = Number(state.dropout);
      const members = [0, rate].flatMap((dropout) => seeds.map((seed) => ({ seed, dropout })));
      return {
        stepsPerEvent: 10,
        runs: DROPOUT_SIZES.map((units) => ({
          kind: 'engine' as const,
          config: digitsRun({
            layers: [{ type: 'dense', units, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }],
            optimizer: adam(0.001), dataset: { trainOn: { split: 'train', perClass: 10 } }, members, steps: 100, every: 10,
          }),
          arms: [`${units}/0`, `${units}/${rate}`],
        })),
      };
    }
    case 'max-norm':
      return {
        stepsPerEvent: 5,
        runs: MAX_NORMS.map((maxNorm) => ({
          kind: 'engine' as const,
          config: digitsRun({
            layers: [
              { type: 'dense', units: 128, activation: 'relu', maxNorm, dropout: 0.5, name: 'relu128' },
              { type: 'dense', units: 128, activation: 'tanh', maxNorm, dropout: 0.5, name: 'tanh128' },
              { type: 'dense', units: 10, activation: 'softmax', name: 'output' },
            ],
            inputDropout: 0.2, initializer: { name: 'normal', scale: 0.05 },
            optimizer: { name: 'momentum', learningRate: Number(state.lr), momentum: 0.9 }, members: plain, steps: 60, every: 5, layerStats: true,
          }),
          arms: [String(maxNorm)],
        })),
      };
    case 'frozen-layers':
      return {
        stepsPerEvent: 5,
        runs: TRANSFER_ARMS.map((arm) => ({
          kind: 'engine' as const,
          config: digitsRun({ layers: digitsMlp({ trainable: arm !== 'frozen' }, 2, 'head'), optimizer: adam(0.01), dataset: { ...NEW_DIGITS, labels: 'parity' }, members: plain, steps: 60, every: 5 }),
          prepare: arm === 'scratch' ? asDrawn : pretrainedStart(),
          arms: [arm],
        })),
      };
    case 'output-width':
      return {
        stepsPerEvent: 10,
        runs: [10, Number(state.outputs)].map((outputs, index) => ({
          kind: 'engine' as const,
          // The engine sizes a softmax head to the declared classes: K declared, only 0–9 ever labeled (the source's setup).
          config: digitsRun({ layers: [{ type: 'dense', units: 32, activation: 'relu' }, { type: 'dense', units: outputs, activation: 'softmax' }], optimizer: adam(0.003), dataset: { classes: outputs }, members: plain, steps: 100, every: 10 }),
          // Two identical arms when the reader picks 10: name the second apart.
          arms: [index === 1 && outputs === 10 ? '10-repeat' : String(outputs)],
        })),
      };
    default:
      throw new Error(`Unknown DigitsExperiment preset "${String(state.preset)}"`);
  }
}

/** The arm of member `member` of run `run`. */
export function armOf(plan: DigitsPlan, run: number, member: number): string {
  return plan.runs[run]?.arms[Math.floor(member / SEEDS_PER_ARM)] ?? `${run}`;
}
