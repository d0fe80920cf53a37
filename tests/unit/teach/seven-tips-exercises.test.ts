/** Chapter 5's exercises: the contract's table (ids, kinds, answers, widgets, shows) and the experiment's check. */
import { describe, expect, it } from 'vitest';
import { teachStrings } from '@i18n/teach';
import { describeRun } from '@teach/exercises/describe-run';
import type { RunOutcome } from '@teach/exercises/outcome';
import { exercise, exercisesOf, type ExperimentExercise } from '@teach/exercises/registry';

const run = (state: Record<string, string | number>, data: Record<string, string>, outcome: 'done' | 'failed' = 'done'): RunOutcome =>
  ({ id: 'ex-max-norm', family: 'digits-experiment', payload: '', state, outcome, data });

describe('seven-tips exercises', () => {
  it('lists the nine exercises per lesson in page order (predictions first, inline before their experiment)', () => {
    expect(exercisesOf('seven-tips/borrow-wisely')).toEqual(['finetune-large-rate', 'head-rate', 'transfer-params']);
    expect(exercisesOf('seven-tips/regularize-and-constrain')).toEqual(['dropout-small-net', 'logspace-grid', 'maxnorm-rate']);
    expect(exercisesOf('seven-tips/look-inside')).toEqual(['output-width-predict', 'param-count', 'multilabel-head']);
  });

  it('carries the contract\'s answers, widgets and shown numbers', () => {
    expect(exercise('finetune-large-rate')).toMatchObject({ kind: 'predict', options: ['improves', 'keeps', 'drops'], correct: 'drops', widget: 'ex-finetune-rates' });
    expect(exercise('head-rate')).toMatchObject({ kind: 'choice', correct: 'random-start' });
    expect(exercise('transfer-params')).toMatchObject({ kind: 'numeric', answer: 32 * 26 + 26, tolerance: 0 });
    expect(exercise('logspace-grid')).toMatchObject({ kind: 'numeric', tolerance: 0.005 });
    expect((exercise('logspace-grid') as { answer: number }).answer).toBeCloseTo(Math.sqrt(0.05 * 0.8), 12);
    expect(exercise('dropout-small-net')).toMatchObject({ kind: 'predict', options: ['up', 'same', 'down'], correct: 'down', widget: 'ex-dropout-by-size' });
    expect(exercise('param-count')).toMatchObject({ answer: 784 * 128 + 128 + 128 * 128 + 128 + 128 * 10 + 10 });
    expect(exercise('multilabel-head')).toMatchObject({ options: ['softmax', 'sigmoid', 'linear'], correct: 'sigmoid' });
    expect(exercise('output-width-predict')).toMatchObject({ options: ['better', 'noise', 'worse'], correct: 'noise', widget: 'ex-output-width' });
  });

  it('maxnorm-rate passes only when both arms reach 0.6 on average in a finished max-norm run', () => {
    const check = (exercise('maxnorm-rate') as ExperimentExercise).check;
    const accuracies = (off: number[], on: (number | null)[]) => ({ finalAccuracies: JSON.stringify({ 0: off, 5: on }) });
    expect(check(run({ preset: 'max-norm', lr: 0.1 }, accuracies([0.7, 0.72, 0.74, 0.7, 0.73], [0.71, 0.7, 0.69, 0.74, 0.72])))).toBe(true);
    expect(check(run({ preset: 'max-norm', lr: 1 }, accuracies([0.1, 0.12, 0.09, 0.1, 0.11], [0.1, 0.1, 0.2, 0.1, 0.1])))).toBe(false);
    // A diverged seed counts as 0: four good seeds at 0.7 and one null average 0.56.
    expect(check(run({ preset: 'max-norm', lr: 0.3 }, accuracies([0.7, 0.7, 0.7, 0.7, 0.7], [0.7, 0.7, 0.7, 0.7, null])))).toBe(false);
    expect(check(run({ preset: 'max-norm', lr: 0.1 }, accuracies([0.7, 0.7, 0.7, 0.7, 0.7], [0.7, 0.7, 0.7, 0.7, 0.7]), 'failed'))).toBe(false);
    expect(check(run({ preset: 'output-width' }, accuracies([0.7, 0.7, 0.7, 0.7, 0.7], [0.7, 0.7, 0.7, 0.7, 0.7])))).toBe(false);
  });

  it('describes the shown numbers in the reader\'s language', () => {
    const numbers = teachStrings('ru').exercises.numbers;
    const outcome = run({ preset: 'finetune-rates' }, { startAccuracy: '0.865', earlyAccuracies: JSON.stringify({ 0.0001: [0.865, 0.865], 0.1: [0.3, 0.4] }) });
    expect(describeRun(outcome, ['start-accuracy', 'early-accuracies'], numbers, 'ru').replace(/\s/g, ' ')).toBe('до дообучения 86,5 % · после 3 шагов: 10⁻⁴ → 86,5 % · 0,1 → 35 %');
    const widths = run({ preset: 'output-width' }, { finalAccuracies: JSON.stringify({ 10: [0.85, 0.87], 14: [0.86, 0.9] }), meanDifference: '0.02' });
    expect(describeRun(widths, ['final-accuracies', 'mean-difference'], teachStrings('pt').exercises.numbers, 'pt-BR').replace(/\s/g, ' ')).toBe('acurácia de validação: 10 → 86% · 14 → 88% · diferença média +2 pontos percentuais');
  });
});
