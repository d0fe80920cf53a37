/**
 * Every exercise, declared once and keyed by a stable id. This is the language-neutral half: the kind, the
 * correct answer and its tolerance, the widget an exercise reads and the check on that widget's run. The
 * prose (prompt, option texts, feedback, worked solution) lives in the lesson's MDX, in each language, and
 * the parity test checks that the three lessons carry the same exercises in this order.
 */
import type { RunOutcome } from './outcome';
import { diverged, finalLoss, numberAttribute } from './outcome';
import { deepLearningMythExercises } from './deep-learning-myth';
import { practicalTricksExercises } from './practical-tricks';
import { projectLifecycleExercises } from './project-lifecycle';
import { sevenTipsExercises } from './seven-tips';

export type ExerciseKind = 'choice' | 'numeric' | 'predict' | 'experiment';
export const exerciseKinds: readonly ExerciseKind[] = ['choice', 'numeric', 'predict', 'experiment'];

interface Common {
  /** The lesson key (frontmatter `key`) whose page carries the exercise. */
  lesson: string;
}

export interface ChoiceExercise extends Common {
  kind: 'choice';
  options: readonly string[];
  correct: string;
}

export interface NumericExercise extends Common {
  kind: 'numeric';
  answer: number;
  /** Absolute tolerance. */
  tolerance: number;
}

/** Commit a choice first; then the widget (inside the exercise) unlocks and its run shows the result. */
export interface PredictExercise extends Common {
  kind: 'predict';
  options: readonly string[];
  correct: string;
  /** Id of the widget inside the exercise. */
  widget: string;
  /** The numbers of the finished run shown next to the prediction (`data-*` names on `<dp-widget>`). */
  shows: readonly string[];
}

/** A task solved in a widget: a finished (or diverged) run whose state and numbers pass `check`. */
export interface ExperimentExercise extends Common {
  kind: 'experiment';
  widget: string;
  check(run: RunOutcome): boolean;
  /** The numbers of the run shown to the reader after each attempt. */
  shows: readonly string[];
}

export type Exercise = ChoiceExercise | NumericExercise | PredictExercise | ExperimentExercise;

const lesson = (slug: string) => `how-networks-learn/${slug}`;

const howNetworksLearn = {
  'relu-kinks': { lesson: lesson('one-neuron'), kind: 'choice', options: ['one', 'five', 'ten', 'unlimited'], correct: 'five' },
  'linear-stack': {
    lesson: lesson('one-neuron'), kind: 'predict', options: ['line', 'kinks', 'sine'], correct: 'line',
    widget: 'ex-fit-linear-stack', shows: ['final-losses'],
  },
  'sgd-diverges': {
    lesson: lesson('one-neuron'), kind: 'experiment', widget: 'ex-fit-diverge', shows: ['lr', 'final-losses'],
    // Plain SGD on the one-neuron line: the loss's curvature is ≈ 2·E[x²] = 6, so rates above ≈ 2/6 blow up.
    check: (run) => run.state.layers === 0 && run.state.optimizer === 'sgd' && diverged(run),
  },
  'zeros-init': { lesson: lesson('deeper-networks'), kind: 'choice', options: ['slower', 'stuck', 'diverges'], correct: 'stuck' },
  extrapolation: {
    lesson: lesson('deeper-networks'), kind: 'predict', options: ['oscillates', 'flat', 'linear'], correct: 'flat',
    widget: 'ex-fit-extrapolation', shows: ['inside-slope', 'outside-slope'],
  },
  'small-width': {
    lesson: lesson('deeper-networks'), kind: 'experiment', widget: 'ex-fit-small-width', shows: ['width', 'epochs', 'final-losses'],
    check: (run) => run.outcome === 'done' && run.state.layers === 1 && run.state.activation === 'tanh'
      && run.state.target === 'sine' && Number(run.state.width) <= 3 && finalLoss(run) < 0.01,
  },
  'forward-output': { lesson: lesson('what-training-is'), kind: 'numeric', answer: -0.2438, tolerance: 0.002 },
  'bias-update': { lesson: lesson('what-training-is'), kind: 'numeric', answer: 0.1153, tolerance: 0.001 },
  'negative-weight': { lesson: lesson('what-training-is'), kind: 'choice', options: ['too-high', 'negative-v2', 'sigmoid-slope'], correct: 'negative-v2' },
  'smallest-rate': {
    lesson: lesson('hyperparameters'), kind: 'predict', options: ['best', 'barely', 'diverges'], correct: 'barely',
    widget: 'ex-lr-sweep', shows: ['final-losses'],
  },
  'sigmoid-slope': { lesson: lesson('hyperparameters'), kind: 'numeric', answer: 0.25, tolerance: 0.001 },
  'noise-floor': { lesson: lesson('bias-variance'), kind: 'choice', options: ['bias', 'variance', 'noise'], correct: 'noise' },
  'noise-term': { lesson: lesson('bias-variance'), kind: 'numeric', answer: 0.09, tolerance: 0.001 },
  // Pure reasoning on two given pairs of losses (no widget run, so no engine claim): A underfits, B overfits.
  'bias-or-variance': {
    lesson: lesson('bias-variance'), kind: 'choice',
    options: ['a-bias-b-variance', 'a-variance-b-bias', 'only-b', 'more-data-both'], correct: 'a-bias-b-variance',
  },
  'initial-loss': { lesson: lesson('training-recipe'), kind: 'numeric', answer: Math.log(10), tolerance: 0.01 },
  'overfit-batch': { lesson: lesson('training-recipe'), kind: 'choice', options: ['more-data', 'bug', 'regularize'], correct: 'bug' },
} as const satisfies Record<string, Exercise>;

/** Every chapter's exercises; ids are unique across chapters (tests/unit/teach checks it). */
export const exercises = { ...practicalTricksExercises, ...howNetworksLearn, ...deepLearningMythExercises, ...projectLifecycleExercises, ...sevenTipsExercises } as const satisfies Record<string, Exercise>;

export type ExerciseId = keyof typeof exercises;
export const exerciseIds = Object.keys(exercises) as ExerciseId[];

export function isExerciseId(id: string): id is ExerciseId {
  return Object.hasOwn(exercises, id);
}

export function exercise(id: string): Exercise {
  if (!isExerciseId(id)) throw new Error(`Unknown exercise "${id}". Known exercises: ${exerciseIds.join(', ')}`);
  return exercises[id];
}

/** The exercises of one lesson, in order. */
export function exercisesOf(lessonKey: string): ExerciseId[] {
  return exerciseIds.filter((id) => exercises[id].lesson === lessonKey);
}

export { numberAttribute };
