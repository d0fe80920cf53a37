/**
 * The ready-made assignments of the teacher notes, declared once and keyed by a stable string
 * ("<chapter>/<moment>"). A notes page in any language names a plan (`<AssignmentLink plan="…">`) and adds
 * only its own words (title and note); the lessons, exercises and widget setups are the same in pt, ru and zh,
 * and the link is built with the instructor page's own format (see ../assignment/setup.ts).
 */
import type { ChapterKey } from '@lib/chapters';
import type { Assignment } from '../assignment/model';
import { buildSetup, type SetupChoice } from '../assignment/setup';
import type { ExerciseId } from '../exercises/registry';

export interface NotePlan {
  chapter: ChapterKey;
  /** Lesson keys ("<chapter>/<lesson>"). */
  lessons: readonly string[];
  exercises: readonly ExerciseId[];
  setups: readonly SetupChoice[];
}

const ch1 = (slug: string) => `practical-tricks/${slug}`;
const ch2 = (slug: string) => `how-networks-learn/${slug}`;
const ch3 = (slug: string) => `deep-learning-myth/${slug}`;
const ch4 = (slug: string) => `project-lifecycle/${slug}`;
const ch5 = (slug: string) => `seven-tips/${slug}`;

export const notePlans = {
  /** Lesson 1 at home: the data-size prediction sits in the lesson, so reading it first still asks for one. */
  'practical-tricks/before-class': {
    chapter: 'practical-tricks',
    lessons: [ch1('what-you-need')],
    exercises: ['data-400', 'examples-per-second'],
    setups: [],
  },
  /** The 45-minute class on lessons 2 and 3: diagnose from the curves, then the remedies, each with its experiment. */
  'practical-tricks/in-class': {
    chapter: 'practical-tricks',
    lessons: [],
    exercises: ['diagnose-small', 'diagnose-large', 'sigmoid-depth', 'dropout-short-run', 'remedy', 'sensible-augmentation'],
    setups: [
      // Seeds 2–6: seed 1's 2-unit net is dead (docs/practical-tricks/outline.md, E3).
      { family: 'digits-experiment', preset: 'capacity', seed: 2 },
      { family: 'digits-experiment', preset: 'augmentation', seed: 1 },
    ],
  },
  /** After class: lessons 2 and 3 read whole, lesson 4 with its computation and the decay experiment. */
  'practical-tricks/after-class': {
    chapter: 'practical-tricks',
    lessons: [ch1('reading-the-curves'), ch1('regularize-and-augment'), ch1('stand-on-shoulders')],
    exercises: ['l2-coefficient', 'adamw-why'],
    setups: [
      { family: 'digits-experiment', preset: 'decay-vs-l2', seed: 1 },
      { family: 'digits-experiment', preset: 'dropout-rates', seed: 1 },
    ],
  },
  /** Read lesson 1 at home: the vocabulary the class builds on. */
  'how-networks-learn/before-class': {
    chapter: 'how-networks-learn',
    lessons: [ch2('one-neuron')],
    exercises: ['relu-kinks'],
    setups: [],
  },
  /** The 45-minute class: one prediction per idea, then the experiment that settles it. */
  'how-networks-learn/in-class': {
    chapter: 'how-networks-learn',
    lessons: [],
    exercises: ['linear-stack', 'sgd-diverges', 'smallest-rate', 'zeros-init', 'extrapolation'],
    setups: [
      { family: 'function-fit', preset: 'relu-neurons', seed: 1, locked: ['target', 'layers', 'activation'] },
      { family: 'learning-rate-sweep', preset: 'too-small-vs-too-large', seed: 1, locked: ['optimizer'] },
      { family: 'function-fit', preset: 'tanh-initializers', seed: 1, locked: ['target', 'layers', 'width', 'activation'], hidden: ['init'] },
      { family: 'gradient-flow', preset: 'deep-sigmoid', seed: 1, locked: ['depth', 'width'] },
      { family: 'gradient-flow', preset: 'deep-relu-he', seed: 1, locked: ['depth', 'width'] },
    ],
  },
  /** After class: the lessons the class only sampled, with their computations. */
  'how-networks-learn/after-class': {
    chapter: 'how-networks-learn',
    lessons: [ch2('deeper-networks'), ch2('what-training-is'), ch2('hyperparameters')],
    exercises: ['small-width', 'forward-output', 'bias-update', 'negative-weight', 'sigmoid-slope'],
    setups: [
      { family: 'function-fit', preset: 'two-hidden-layers', seed: 1, locked: ['target', 'activation', 'init'] },
      { family: 'function-fit', preset: 'sgd-vs-momentum', seed: 1, locked: ['target', 'optimizer'] },
    ],
  },
  /** A second session: generalization and the training recipe. */
  'how-networks-learn/follow-up': {
    chapter: 'how-networks-learn',
    lessons: [ch2('bias-variance'), ch2('training-recipe')],
    exercises: ['noise-floor', 'noise-term', 'bias-or-variance', 'initial-loss', 'overfit-batch'],
    setups: [
      { family: 'bias-variance', preset: 'capacity', seed: 1, locked: ['noise'] },
      { family: 'recipe-check', preset: 'input-independent-baseline', seed: 1 },
    ],
  },
  /** Lesson 1 at home: the history (the belief «it is new») needs reading, not a class; its two exercises. */
  'deep-learning-myth/before-class': {
    chapter: 'deep-learning-myth',
    lessons: [ch3('myth-and-history')],
    exercises: ['dqn-roots', 'imagenet-share'],
    setups: [],
  },
  /**
   * The 45-minute class on lessons 2 and 4: each belief of the black-box myth put to the experiment that exposes
   * it, a prediction first. «A trained net needs every weight» / «removing weights is free» → magnitude pruning
   * (half of each layer costs 1–5.5 points, 90 % collapses the small MLP: the prune-90 choice); «deeper is better»
   * → plain-vs-residual (the depth-16 prediction, then the degradation question); «the optimizer is a detail» →
   * swap-optimizer (the first-epoch choice). Lesson 3's priors (mlp-vs-convnet, permuted-pixels) and the FGSM
   * attack are set in the after-class plan.
   */
  'deep-learning-myth/in-class': {
    chapter: 'deep-learning-myth',
    lessons: [],
    exercises: ['mlp-parameters', 'prune-90', 'depth-16', 'degradation-meaning', 'first-epoch'],
    setups: [
      { family: 'prune-network', preset: 'magnitude-pruning', seed: 1 },
      { family: 'digits-experiment', preset: 'plain-vs-residual', seed: 1 },
      { family: 'digits-experiment', preset: 'swap-optimizer', seed: 1 },
    ],
  },
  /**
   * After class: lesson 3 (what a prior is: «an MLP learns anything» → the convnet against the MLP, on ordered and
   * on scrambled pixels; «better than humans» → FGSM), lesson 4 read whole (the other two swaps; «a learned box
   * extrapolates» → the square's area) and lesson 5.
   */
  'deep-learning-myth/after-class': {
    chapter: 'deep-learning-myth',
    lessons: [ch3('priors'), ch3('differentiable-programming'), ch3('data-and-what-next')],
    exercises: ['conv-parameters', 'permuted-convnet', 'fgsm-sign', 'program-gradient', 'outside-range', 'alphago-value-data', 'semi-supervised-errors', 'pretraining-today'],
    setups: [
      { family: 'adversarial-digit', preset: 'fgsm', seed: 1 },
      { family: 'digits-experiment', preset: 'swap-loss', seed: 1 },
      { family: 'digits-experiment', preset: 'swap-model', seed: 1 },
      { family: 'learnable-function', preset: 'square-area', seed: 1 },
    ],
  },
  /** Lessons 1 and 2 at home: the baseline, the budget, the scope; the class-imbalance prediction sits in the text. */
  'project-lifecycle/before-class': {
    chapter: 'project-lifecycle',
    lessons: [ch4('project-research'), ch4('dataset')],
    exercises: ['baseline-first', 'gpu-breakeven', 'scope-sentence', 'imbalance-predict', 'noise-wrong-class', 'noise-stop'],
    setups: [{ family: 'project-lab', preset: 'first-baseline', seed: 1 }],
  },
  /**
   * The 45-minute class around the debugging lab (lessons 4 and 5): «if it trains without an error, it is right» →
   * the lab's hidden bugs, read off the dashboard's views; the dashboard's readings (loss jump, vanishing
   * gradients, the update ratio), the loss at the start, the count of trainable variables and the two lab readings.
   */
  'project-lifecycle/in-class': {
    chapter: 'project-lifecycle',
    lessons: [],
    exercises: ['loss-jump', 'vanishing-layers', 'ratio-value', 'init-loss', 'trainable-variables', 'flat-gradients', 'too-perfect-validation'],
    setups: [],
  },
  /**
   * After class: lesson 3 (the gradient check of a custom layer: no setup, GradientCheck trains nothing and has no seed)
   * and lesson 6 (the update ratio, the vote) read whole.
   */
  'project-lifecycle/after-class': {
    chapter: 'project-lifecycle',
    lessons: [ch4('design'), ch4('tuning')],
    exercises: ['hinge-loss', 'bn-means', 'missing-x-elements', 'adam-memory', 'vote-predict', 'ratio-rule', 'log-grid', 'steps-per-epoch'],
    setups: [
      { family: 'project-lab', preset: 'update-ratio', seed: 1 },
      { family: 'project-lab', preset: 'ensemble-vote', seed: 1 },
    ],
  },
  /** Lesson 1 at home: its prediction sits before the experiment, so reading it first still asks for one. */
  'seven-tips/before-class': {
    chapter: 'seven-tips',
    lessons: [ch5('borrow-wisely')],
    exercises: ['finetune-large-rate', 'head-rate', 'transfer-params'],
    setups: [],
  },
  /** The 45-minute class on lessons 2 and 3: a prediction before each experiment, with the defaults' seeds. */
  'seven-tips/in-class': {
    chapter: 'seven-tips',
    lessons: [],
    exercises: ['dropout-small-net', 'logspace-grid', 'maxnorm-rate', 'output-width-predict', 'multilabel-head'],
    setups: [
      // The transfer presets start at seed 2 (the pretrained net was trained from seed 1).
      { family: 'digits-experiment', preset: 'frozen-layers', seed: 2 },
    ],
  },
  /** After class: lessons 2 and 3 read whole, the counting exercise, and the two searches the class only started. */
  'seven-tips/after-class': {
    chapter: 'seven-tips',
    lessons: [ch5('regularize-and-constrain'), ch5('look-inside')],
    exercises: ['param-count'],
    setups: [
      { family: 'digits-experiment', preset: 'dropout-by-size', seed: 1 },
      { family: 'digits-experiment', preset: 'output-width', seed: 1 },
    ],
  },
} as const satisfies Record<string, NotePlan>;

export type NotePlanKey = keyof typeof notePlans;
export const notePlanKeys = Object.keys(notePlans) as NotePlanKey[];

export function isNotePlanKey(key: string): key is NotePlanKey {
  return Object.hasOwn(notePlans, key);
}

export function notePlan(key: string): NotePlan {
  if (!isNotePlanKey(key)) throw new Error(`Unknown assignment plan "${key}". Known plans: ${notePlanKeys.join(', ')}.`);
  return notePlans[key];
}

/** The plan as an assignment, with this language's title and note (no due date: the instructor sets one). */
export function planAssignment(key: string, text: { title: string; note?: string }): Assignment {
  const plan = notePlan(key);
  return {
    title: text.title,
    due: '',
    note: text.note ?? '',
    lessons: [...plan.lessons],
    exercises: [...plan.exercises],
    setups: plan.setups.map(buildSetup),
  };
}
