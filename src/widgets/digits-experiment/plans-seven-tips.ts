/**
 * The runs of chapter 5's DigitsExperiment presets: the designs of docs/seven-tips/outline.md (T1–T6), with the
 * same data, network, optimizer, batch and step count as tests/claims/seven-tips.test.ts, so the widget shows the
 * numbers the outline reports.
 */
import { adam, asDrawn, digitsMlp, digitsRun, NEW_DIGITS, pretrainedStart, type DigitsPlan } from './digits-run';
import type { DigitsExperimentState } from './definition';

/** Fine-tuning rates of `finetune-rates` (one population: rates × seeds). */
export const FINETUNE_RATES = [1e-4, 1e-3, 1e-2, 1e-1] as const;
/** `finetune-rates` reads accuracy after this many steps (the "first steps" of the claim). */
export const EARLY_STEP = 3;
/** Hidden widths of `dropout-by-size`. */
export const DROPOUT_SIZES = [16, 128] as const;
/** Max-norm c of the two `max-norm` arms (0 = off), as the claims test names them. */
export const MAX_NORMS = [0, 5] as const;
export const TRANSFER_ARMS = ['scratch', 'frozen', 'free'] as const;

type Builder = (state: DigitsExperimentState, seeds: number[]) => DigitsPlan;

export const sevenTipsPlans = {
  'pretrained-vs-random': (_state, seeds) => {
    const n = seeds.length;
    const plain = seeds.map((seed) => ({ seed }));
    const config = digitsRun({ layers: digitsMlp(), optimizer: adam(0.001), dataset: NEW_DIGITS, members: [...plain, ...plain], steps: 40, every: 2 });
    return { stepsPerEvent: 2, runs: [{ kind: 'engine', config, prepare: pretrainedStart((member) => member < n), arms: ['pretrained', 'random'] }] };
  },
  'finetune-rates': (_state, seeds) => {
    const members = FINETUNE_RATES.flatMap((learningRate) => seeds.map((seed) => ({ seed, learningRate })));
    const config = digitsRun({ layers: digitsMlp(), optimizer: adam(0.001), dataset: NEW_DIGITS, members, steps: 30, every: 1 });
    return { stepsPerEvent: 1, runs: [{ kind: 'engine', config, prepare: pretrainedStart(), arms: FINETUNE_RATES.map(String) }] };
  },
  'dropout-by-size': (state, seeds) => {
    const rate = state.dropout;
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
  },
  'max-norm': (state, seeds) => ({
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
        optimizer: { name: 'momentum', learningRate: state.lr, momentum: 0.9 }, members: seeds.map((seed) => ({ seed })), steps: 60, every: 5, layerStats: true,
      }),
      arms: [String(maxNorm)],
    })),
  }),
  'frozen-layers': (_state, seeds) => ({
    stepsPerEvent: 5,
    runs: TRANSFER_ARMS.map((arm) => ({
      kind: 'engine' as const,
      config: digitsRun({ layers: digitsMlp({ trainable: arm !== 'frozen' }, 2, 'head'), optimizer: adam(0.01), dataset: { ...NEW_DIGITS, labels: 'parity' }, members: seeds.map((seed) => ({ seed })), steps: 60, every: 5 }),
      prepare: arm === 'scratch' ? asDrawn : pretrainedStart(),
      arms: [arm],
    })),
  }),
  'output-width': (state, seeds) => ({
    stepsPerEvent: 10,
    runs: [10, state.outputs].map((outputs, index) => ({
      kind: 'engine' as const,
      // The engine sizes a softmax head to the declared classes: K declared, only 0–9 ever labeled (the source's setup).
      config: digitsRun({ layers: [{ type: 'dense', units: 32, activation: 'relu' }, { type: 'dense', units: outputs, activation: 'softmax' }], optimizer: adam(0.003), dataset: { classes: outputs }, members: seeds.map((seed) => ({ seed })), steps: 100, every: 10 }),
      // Two identical arms when the reader picks 10: name the second apart.
      arms: [index === 1 && outputs === 10 ? '10-repeat' : String(outputs)],
    })),
  }),
} satisfies Record<string, Builder>;
