/**
 * The exercises of chapter 3, «The deep learning myth» (`deep-learning-myth`), language-neutral: kinds, answers,
 * tolerances and the DigitsExperiment widgets the two predictions read. The contract is /work/ch3-contract.md;
 * the answers marked there «from the check» come from the claims checked over the widgets' five seeds
 * (docs/deep-learning-myth/outline.md, «Measured:» lines). The prose lives in each language's MDX. The order here
 * is the order on the page.
 */
import type { Exercise } from './registry';

const lesson = (slug: string) => `deep-learning-myth/${slug}`;

export const deepLearningMythExercises = {
  // DQN's decision part is Watkins's Q-learning (1989).
  'dqn-roots': { lesson: lesson('myth-and-history'), kind: 'choice', options: ['q-learning', 'lstm', 'alexnet'], correct: 'q-learning' },
  // ILSVRC-2012 training images over full ImageNet: 1.28 M / 14.2 M ≈ 9 %.
  'imagenet-share': { lesson: lesson('myth-and-history'), kind: 'numeric', answer: 9, tolerance: 0.5 },
  // 784·32 + 32 + 32·10 + 10.
  'mlp-parameters': { lesson: lesson('black-box'), kind: 'numeric', answer: 784 * 32 + 32 + 32 * 10 + 10, tolerance: 0 },
  // 90 % of each layer's weights removed from the pretrained digits MLP: 86.5 % → 41.5 % (below 50 % on 5 of 6 nets;
  // ch3-probe's magnitude-pruning check, docs/deep-learning-myth/outline.md): `collapses`, not the expected `small-loss`.
  'prune-90': { lesson: lesson('black-box'), kind: 'choice', options: ['collapses', 'small-loss', 'improves'], correct: 'collapses' },
  // The plain 16-layer MLP ends 20 epochs with a higher training loss than the 4-layer one on every seed.
  'depth-16': {
    lesson: lesson('black-box'), kind: 'predict', options: ['plain-higher', 'plain-lower', 'same'], correct: 'plain-higher',
    widget: 'ex-plain-vs-residual', shows: ['final-losses'],
  },
  'degradation-meaning': { lesson: lesson('black-box'), kind: 'choice', options: ['optimization', 'overfitting', 'too-few-parameters'], correct: 'optimization' },
  // 9·8·16 + 16.
  'conv-parameters': { lesson: lesson('priors'), kind: 'numeric', answer: 9 * 8 * 16 + 16, tolerance: 0 },
  // On permuted pixels the convnet keeps about a third of its lead over the MLP (mean of 5 seeds: 10.9 / 8.1 / 5.1
  // points at 100 / 300 / 700 digits → 3.1 / 2.8 / 2.0; ch3-conv's permuted-pixels check): most of it was the prior.
  'permuted-convnet': {
    lesson: lesson('priors'), kind: 'predict', options: ['keeps-edge', 'loses-most', 'fails'], correct: 'loses-most',
    widget: 'ex-permuted-pixels', shows: ['final-accuracies'],
  },
  'fgsm-sign': { lesson: lesson('priors'), kind: 'choice', options: ['budget', 'random', 'lower-loss'], correct: 'budget' },
  // swap-optimizer after one epoch: plain SGD well behind Adam and momentum on every seed.
  'first-epoch': { lesson: lesson('differentiable-programming'), kind: 'choice', options: ['sgd-behind', 'adam-behind', 'all-equal'], correct: 'sgd-behind' },
  // d(Σ dᵢ²/2)/d d₁ = d₁ = 2.
  'program-gradient': { lesson: lesson('differentiable-programming'), kind: 'numeric', answer: 2, tolerance: 0 },
  // The learned area at d = 4, outside the training range [0.5, 3], departs from d²/2 (ch3-program's check).
  'outside-range': { lesson: lesson('differentiable-programming'), kind: 'choice', options: ['departs', 'exact', 'zero'], correct: 'departs' },
  'alphago-value-data': { lesson: lesson('data-and-what-next'), kind: 'choice', options: ['self-play', 'human-games', 'imagenet'], correct: 'self-play' },
  // 0.93 % of 10,000 test images.
  'semi-supervised-errors': { lesson: lesson('data-and-what-next'), kind: 'numeric', answer: 93, tolerance: 0 },
  'pretraining-today': { lesson: lesson('data-and-what-next'), kind: 'choice', options: ['self-supervised', 'layerwise-rbm', 'none'], correct: 'self-supervised' },
} as const satisfies Record<string, Exercise>;
