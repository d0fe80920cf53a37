/** Chapter 1's exercises and teacher-note plans: the contract's table (ids, kinds, answers, widgets, shows). */
import { describe, expect, it } from 'vitest';
import { teachStrings } from '@i18n/teach';
import { describeRun } from '@teach/exercises/describe-run';
import type { RunOutcome } from '@teach/exercises/outcome';
import { exercise, exercisesOf } from '@teach/exercises/registry';
import { notePlans, planAssignment } from '@teach/notes/plans';

describe('practical-tricks exercises', () => {
  it('lists the ten exercises per lesson in page order', () => {
    expect(exercisesOf('practical-tricks/what-you-need')).toEqual(['data-400', 'examples-per-second']);
    expect(exercisesOf('practical-tricks/reading-the-curves')).toEqual(['diagnose-small', 'diagnose-large', 'sigmoid-depth']);
    expect(exercisesOf('practical-tricks/regularize-and-augment')).toEqual(['dropout-short-run', 'remedy', 'sensible-augmentation']);
    expect(exercisesOf('practical-tricks/stand-on-shoulders')).toEqual(['l2-coefficient', 'adamw-why']);
  });

  it('carries the contract\'s answers, widgets and shown numbers', () => {
    expect(exercise('data-400')).toMatchObject({ kind: 'predict', options: ['below-200', 'between', 'above-700'], correct: 'between', widget: 'ex-data-size', shows: ['final-accuracies'] });
    expect(exercise('examples-per-second')).toMatchObject({ kind: 'numeric', answer: (32 * 32 * 10) / 2, tolerance: 0 });
    expect(exercise('diagnose-small')).toMatchObject({ kind: 'choice', options: ['high-bias', 'overfitting', 'fine'], correct: 'high-bias' });
    expect(exercise('diagnose-large')).toMatchObject({ kind: 'choice', options: ['high-bias', 'overfitting', 'fine'], correct: 'overfitting' });
    expect(exercise('sigmoid-depth')).toMatchObject({ kind: 'numeric', answer: 4 ** 5, tolerance: 0 });
    expect(exercise('dropout-short-run')).toMatchObject({ kind: 'predict', options: ['gains', 'about-same', 'loses'], correct: 'about-same', widget: 'ex-dropout-rates', shows: ['final-accuracies'] });
    expect(exercise('remedy')).toMatchObject({ kind: 'choice', options: ['more-layers', 'more-data', 'higher-rate'], correct: 'more-data' });
    expect(exercise('sensible-augmentation')).toMatchObject({ kind: 'choice', options: ['hflip', 'vflip', 'small-shift'], correct: 'small-shift' });
    expect(exercise('l2-coefficient')).toMatchObject({ kind: 'numeric', answer: 0.1 / 2, tolerance: 0.0005 });
    expect(exercise('adamw-why')).toMatchObject({ kind: 'choice', options: ['divided-by-v', 'adam-faster', 'sgd-only-l2'], correct: 'divided-by-v' });
  });

  it('describes the data-size run by training digits', () => {
    const run: RunOutcome = { id: 'ex-data-size', family: 'digits-experiment', payload: '', state: { preset: 'data-size' }, outcome: 'done', data: { finalAccuracies: JSON.stringify({ 200: [0.79, 0.775], 400: [0.82, 0.82], 700: [0.86, 0.86] }) } };
    expect(describeRun(run, ['final-accuracies'], teachStrings('pt').exercises.numbers, 'pt-BR').replace(/\s/g, ' ')).toBe('acurácia de validação: 200 → 78,3% · 400 → 82% · 700 → 86%');
  });

  it('the chapter\'s plans: lessons of the chapter, its exercises, the widgets\' default seeds', () => {
    for (const key of ['practical-tricks/before-class', 'practical-tricks/in-class', 'practical-tricks/after-class'] as const) {
      const plan = notePlans[key];
      expect(plan.chapter).toBe('practical-tricks');
      for (const id of plan.exercises) expect(exercise(id).lesson.startsWith('practical-tricks/'), id).toBe(true);
      const assignment = planAssignment(key, { title: 'x' });
      for (const setup of assignment.setups) expect(setup.payload).toMatch(/^preset:[a-z0-9-]+,seed:[0-9]+,backend:cpu,v:[^,]+$/);
    }
    expect(planAssignment('practical-tricks/in-class', { title: 'x' }).setups.map((setup) => setup.payload.replace(/,v:[^,]+$/, ''))).toEqual(['preset:capacity,seed:2,backend:cpu', 'preset:augmentation,seed:1,backend:cpu']);
  });
});
