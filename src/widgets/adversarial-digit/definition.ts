/**
 * AdversarialDigit: the fast gradient sign method against the pretrained digits MLP (docs/deep-learning-myth/
 * outline.md, `adversarial`): one validation digit and its adversarial twin, and validation accuracy against the
 * budget ε for FGSM and for random ±ε noise. Nothing trains.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';
import { SHOWN_ROWS } from './digits';

export const adversarialDigitPresets = ['fgsm'] as const;

/** The largest budget ε (pixels lie in [0, 1]). */
export const EPSILON_MAX = 0.3;

export const adversarialDigit = defineWidget({
  family: 'adversarial-digit',
  trains: true,
  usesEngine: true,
  probes: true,
  table: {
    ...shellParams(adversarialDigitPresets),
    /** Which of the 12 embedded validation digits (digits.ts) is attacked. */
    digit: numberParam({ default: 0, min: 0, max: SHOWN_ROWS.length - 1, step: 1, integer: true }),
    /** The budget: every pixel moves by at most ε. */
    epsilon: numberParam({ default: 0.1, min: 0, max: EPSILON_MAX, step: 0.01 }),
  },
  presets: { fgsm: {} },
  controls: ['digit', 'epsilon'],
});

export type AdversarialDigitState = StateOf<typeof adversarialDigit.table>;
