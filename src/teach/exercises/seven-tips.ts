/**
 * The exercises of chapter 5, «Seven tips» (`seven-tips`), language-neutral: kinds, answers, tolerances, the
 * DigitsExperiment widgets they read and the check of the one experiment. The contract is /work/ch5-contract.md
 * (mirrored in docs/seven-tips/outline.md); the prose lives in each language's MDX. The three predictions sit in
 * the lesson text, right before the experiment they predict (the prose after it gives the answer); the others
 * close the lesson. The order here is the order on the page.
 */
import { finalAccuracies, meanAccuracy } from './outcome';
import type { Exercise } from './registry';

const lesson = (slug: string) => `seven-tips/${slug}`;

export const sevenTipsExercises = {
  'finetune-large-rate': {
    lesson: lesson('borrow-wisely'), kind: 'predict', options: ['improves', 'keeps', 'drops'], correct: 'drops',
    widget: 'ex-finetune-rates', shows: ['start-accuracy', 'early-accuracies'],
  },
  'head-rate': { lesson: lesson('borrow-wisely'), kind: 'choice', options: ['random-start', 'fewer-params', 'softmax'], correct: 'random-start' },
  // A new head for 26 letters on the frozen 32-unit body: 32·26 + 26 parameters train (the lesson computes only the body's 25 120 and the 10-digit head's 330).
  'transfer-params': { lesson: lesson('borrow-wisely'), kind: 'numeric', answer: 858, tolerance: 0 },
  'dropout-small-net': {
    lesson: lesson('regularize-and-constrain'), kind: 'predict', options: ['up', 'same', 'down'], correct: 'down',
    widget: 'ex-dropout-by-size', shows: ['final-accuracies'],
  },
  // The middle of 5 log-spaced rates from 0.05 to 0.8: √(0.05 · 0.8) = 0.2.
  'logspace-grid': { lesson: lesson('regularize-and-constrain'), kind: 'numeric', answer: 0.2, tolerance: 0.005 },
  'maxnorm-rate': {
    lesson: lesson('regularize-and-constrain'), kind: 'experiment', widget: 'ex-max-norm', shows: ['lr', 'final-accuracies'],
    // Both arms (c = 0: no max-norm; c = 5) train: mean validation accuracy ≥ 0.6 each (a diverged seed counts as 0).
    check: (run) => run.outcome === 'done' && run.state.preset === 'max-norm' && ['0', '5'].every((arm) => meanAccuracy(finalAccuracies(run)[arm]) >= 0.6),
  },
  'output-width-predict': {
    lesson: lesson('look-inside'), kind: 'predict', options: ['better', 'noise', 'worse'], correct: 'noise',
    widget: 'ex-output-width', shows: ['final-accuracies', 'mean-difference'],
  },
  // 784·128 + 128, 128·128 + 128, 128·10 + 10.
  'param-count': { lesson: lesson('look-inside'), kind: 'numeric', answer: 118282, tolerance: 0 },
  'multilabel-head': { lesson: lesson('look-inside'), kind: 'choice', options: ['softmax', 'sigmoid', 'linear'], correct: 'sigmoid' },
} as const satisfies Record<string, Exercise>;
