/**
 * The run of AdversarialDigit: the shipped digits MLP restored (no training), then its questions in order: the
 * input gradient of the 200 validation digits with their true labels; the chosen digit pushed along the gradient's
 * sign at every ε of the slider (0, 0.01, …, 0.3: its probabilities and the ε where the answer flips); and the
 * validation accuracy of FGSM and of random ±ε noise (seeded by the widget's seed) at each ε of the curve and at
 * the chosen ε. The same network, data and ε as tests/claims/deep-learning-myth-probe.test.ts.
 */
import { fgsm, randomSignNoise } from '@engine/adversarial';
import { DIGITS_MLP_CONFIG } from '@engine/pretrained/configs';
import type { RunPlan } from '../shell/run';
import { EPSILON_MAX, type AdversarialDigitState } from './definition';
import { SHOWN_ROWS, shownDigits } from './digits';

/** ε of the slider, in hundredths: the chosen digit is attacked at each (index k ↔ ε = k / 100). */
export const DIGIT_EPSILONS = Array.from({ length: Math.round(EPSILON_MAX * 100) + 1 }, (_, k) => k / 100);
/** ε of the accuracy curve (0.1 and 0.2 among them). */
export const CURVE_EPSILONS = Array.from({ length: 13 }, (_, k) => Math.round(k * 25) / 1000);

export type Attack = 'fgsm' | 'noise';

/** The ε of the curve plus the chosen one, in increasing order. */
export function curveEpsilons(state: AdversarialDigitState): number[] {
  return [...new Set([...CURVE_EPSILONS, chosenEpsilon(state)])].sort((a, b) => a - b);
}

export const chosenEpsilon = (state: AdversarialDigitState): number => Math.round(state.epsilon * 100) / 100;

/** The label an evaluation carries: "fgsm@0.1". */
export const evaluationLabel = (attack: Attack, epsilon: number) => `${attack}@${epsilon}`;

export function parseLabel(label: string | undefined): { attack: Attack; epsilon: number } | null {
  const match = /^(fgsm|noise)@([0-9.]+)$/.exec(label ?? '');
  return match ? { attack: match[1] as Attack, epsilon: Number(match[2]) } : null;
}

export function adversarialPlan(state: AdversarialDigitState): RunPlan {
  const digit = state.digit;
  const seed = state.seed;
  const epsilons = curveEpsilons(state);
  return {
    stepsPerEvent: 1,
    runs: [{
      kind: 'engine',
      config: { ...DIGITS_MLP_CONFIG, telemetry: { every: 1 } },
      prepare: async () => (await import('@engine/pretrained')).loadPretrained('digits-mlp'),
      probe: async (engine) => {
        const { digitsSplit } = await import('@engine/datasets/digits-split');
        const { inputs, labels } = (await digitsSplit(1)).validation;
        const gradients = (await engine.inputGradient(inputs, labels)).gradients[0] as number[][];
        const x = shownDigits()[digit] as number[];
        const g = gradients[SHOWN_ROWS[digit] as number] as number[];
        await engine.predict(DIGIT_EPSILONS.map((epsilon) => fgsm([x], [g], epsilon)[0] as number[]));
        for (const epsilon of epsilons) {
          await engine.evaluate({ inputs: fgsm(inputs, gradients, epsilon), targets: labels, label: evaluationLabel('fgsm', epsilon) });
          await engine.evaluate({ inputs: randomSignNoise(inputs, epsilon, seed), targets: labels, label: evaluationLabel('noise', epsilon) });
        }
      },
    }],
  };
}
