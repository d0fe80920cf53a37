/**
 * The exercises of chapter 1, «Practical tricks» (`practical-tricks`), language-neutral: kinds, answers,
 * tolerances and the DigitsExperiment widgets the two predictions read. The contract is /work/ch1-contract.md
 * (numbers from docs/practical-tricks/outline.md); the prose lives in each language's MDX. The order here is the
 * order on the page.
 */
import type { Exercise } from './registry';

const lesson = (slug: string) => `practical-tricks/${slug}`;

export const practicalTricksExercises = {
  // Validation accuracy with 400 training digits, against the preset's 200 and 700 (it trains all five sizes).
  'data-400': {
    lesson: lesson('what-you-need'), kind: 'predict', options: ['below-200', 'between', 'above-700'], correct: 'between',
    widget: 'ex-data-size', shows: ['final-accuracies'],
  },
  // P · B · steps / t = 32 · 32 · 10 / 2.
  'examples-per-second': { lesson: lesson('what-you-need'), kind: 'numeric', answer: 5120, tolerance: 0 },
  'diagnose-small': { lesson: lesson('reading-the-curves'), kind: 'choice', options: ['high-bias', 'overfitting', 'fine'], correct: 'high-bias' },
  'diagnose-large': { lesson: lesson('reading-the-curves'), kind: 'choice', options: ['high-bias', 'overfitting', 'fine'], correct: 'overfitting' },
  // σ′ ≤ 1/4 per layer: through 5 sigmoid layers at least 4⁵ times smaller.
  'sigmoid-depth': { lesson: lesson('reading-the-curves'), kind: 'numeric', answer: 1024, tolerance: 0 },
  'dropout-short-run': {
    lesson: lesson('regularize-and-augment'), kind: 'predict', options: ['gains', 'about-same', 'loses'], correct: 'about-same',
    widget: 'ex-dropout-rates', shows: ['final-accuracies'],
  },
  'remedy': { lesson: lesson('regularize-and-augment'), kind: 'choice', options: ['more-layers', 'more-data', 'higher-rate'], correct: 'more-data' },
  'sensible-augmentation': { lesson: lesson('regularize-and-augment'), kind: 'choice', options: ['hflip', 'vflip', 'small-shift'], correct: 'small-shift' },
  // Gradient of c·ΣW² is 2cW; equal to the decay λW with λ = 0.1 when c = λ/2.
  'l2-coefficient': { lesson: lesson('stand-on-shoulders'), kind: 'numeric', answer: 0.05, tolerance: 0.0005 },
  'adamw-why': { lesson: lesson('stand-on-shoulders'), kind: 'choice', options: ['divided-by-v', 'adam-faster', 'sgd-only-l2'], correct: 'divided-by-v' },
} as const satisfies Record<string, Exercise>;
