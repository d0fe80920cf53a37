/**
 * The exercises of chapter 4, «A deep learning project from start to finish» (`project-lifecycle`),
 * language-neutral: kinds, answers, tolerances and the ProjectLab widgets the two predictions read. The contract
 * is /work/ch4-contract.md (mirrored in docs/project-lifecycle/outline.md); the prose lives in each language's MDX.
 * Answers that come from an experiment come from the claims checked over five seeds
 * (docs/project-lifecycle/claims.md, lab-signatures.md, gradient-check.md). The order here is the order on the page.
 */
import type { Exercise } from './registry';

const lesson = (slug: string) => `project-lifecycle/${slug}`;

export const projectLifecycleExercises = {
  'baseline-first': { lesson: lesson('project-research'), kind: 'choice', options: ['fallback', 'accuracy', 'required'], correct: 'fallback' },
  // A $2,200 desktop against a $7.5/day spot instance (February 2018): 2200 / 7.5 ≈ 293 days.
  'gpu-breakeven': { lesson: lesson('project-research'), kind: 'numeric', answer: 293, tolerance: 1 },
  'scope-sentence': { lesson: lesson('project-research'), kind: 'choice', options: ['narrow', 'broad', 'method'], correct: 'narrow' },
  // Keeping 3 % of the training fives: accuracy loses 6–8.5 points, the fives' recall falls from ≈ 73 % to 0–5 % (5/5 seeds).
  'imbalance-predict': {
    lesson: lesson('dataset'), kind: 'predict', options: ['recall-collapses', 'both-fall', 'nothing'], correct: 'recall-collapses',
    widget: 'ex-class-imbalance', shows: ['final-accuracies', 'rare-recalls'],
  },
  // Half the labels flipped uniformly to one of 9 other classes: 50 / 9 ≈ 5.6 % per wrong class.
  'noise-wrong-class': { lesson: lesson('dataset'), kind: 'numeric', answer: 5.6, tolerance: 0.1 },
  // At q = 0.3 validation peaks at epochs 6–9.5 and falls 3.5–11.5 points after it (5/5 seeds).
  'noise-stop': { lesson: lesson('dataset'), kind: 'choice', options: ['peak', 'last', 'first'], correct: 'peak' },
  // s = (2, 1, 1.5), true class 0: max(0, 1 − 2 + 1) + max(0, 1 − 2 + 1.5).
  'hinge-loss': { lesson: lesson('design'), kind: 'numeric', answer: 0.5, tolerance: 0 },
  // Batch normalization after a convolution: one mean (and variance) per channel.
  'bn-means': { lesson: lesson('design'), kind: 'numeric', answer: 16, tolerance: 0 },
  // swish-missing-x: β₀, β₁, β₂ fail (1.3, 0.58, 0.18), every ∂x stays below 1e-10 (gradient-check.md).
  'missing-x-elements': { lesson: lesson('design'), kind: 'choice', options: ['beta-only', 'x-only', 'all'], correct: 'beta-only' },
  // 1 / (1 − 0.999).
  'adam-memory': { lesson: lesson('design'), kind: 'numeric', answer: 1000, tolerance: 0 },
  'loss-jump': { lesson: lesson('visualization'), kind: 'choice', options: ['too-high', 'too-low', 'overfitting'], correct: 'too-high' },
  'vanishing-layers': { lesson: lesson('visualization'), kind: 'choice', options: ['vanishing', 'exploding', 'healthy'], correct: 'vanishing' },
  // 0.002 / 4.
  'ratio-value': { lesson: lesson('visualization'), kind: 'numeric', answer: 0.0005, tolerance: 0.00001 },
  // −ln(1/10).
  'init-loss': { lesson: lesson('debugging'), kind: 'numeric', answer: 2.3, tolerance: 0.01 },
  // Two kernels and two biases.
  'trainable-variables': { lesson: lesson('debugging'), kind: 'numeric', answer: 4, tolerance: 0 },
  // zero-init: hidden gradient norm exactly 0, dead fraction 1, loss 2.301, validation 0.09 on every seed (lab-signatures.md).
  'flat-gradients': { lesson: lesson('debugging'), kind: 'choice', options: ['zero-init', 'learning-rate-x100', 'shuffled-labels'], correct: 'zero-init' },
  'too-perfect-validation': {
    lesson: lesson('debugging'), kind: 'choice', options: ['validation-own-statistics', 'unnormalized-inputs', 'repeated-batch'], correct: 'validation-own-statistics',
  },
  // The weighted vote beats the mean member in 5/5 populations and falls 0.5–1 point short of the best member in 5/5.
  'vote-predict': {
    lesson: lesson('tuning'), kind: 'predict', options: ['beats-best', 'beats-mean', 'below-mean'], correct: 'beats-mean',
    widget: 'ex-ensemble-vote', shows: ['votes'],
  },
  // update-ratio: the median ratio nearest 1e-3 is at η = 0.003 on every seed; the best final validation loss at 0.1 (0.3 once).
  'ratio-rule': { lesson: lesson('tuning'), kind: 'choice', options: ['starting-point', 'exact', 'useless'], correct: 'starting-point' },
  // 1e-1 … 1e-8, one point per decade.
  'log-grid': { lesson: lesson('tuning'), kind: 'numeric', answer: 8, tolerance: 0 },
  // ⌈700 / 32⌉.
  'steps-per-epoch': { lesson: lesson('tuning'), kind: 'numeric', answer: 22, tolerance: 0 },
} as const satisfies Record<string, Exercise>;
