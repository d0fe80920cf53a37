/** Chapter 3's exercises and teacher-note plans: the contract's table (ids, kinds, answers, widgets, shows). */
import { describe, expect, it } from 'vitest';
import { teachStrings } from '@i18n/teach';
import { describeRun } from '@teach/exercises/describe-run';
import type { RunOutcome } from '@teach/exercises/outcome';
import { exercise, exercisesOf } from '@teach/exercises/registry';
import { notePlans, planAssignment } from '@teach/notes/plans';

describe('deep-learning-myth exercises', () => {
  it('lists the fifteen exercises per lesson in page order', () => {
    expect(exercisesOf('deep-learning-myth/myth-and-history')).toEqual(['dqn-roots', 'imagenet-share']);
    expect(exercisesOf('deep-learning-myth/black-box')).toEqual(['mlp-parameters', 'prune-90', 'depth-16', 'degradation-meaning']);
    expect(exercisesOf('deep-learning-myth/priors')).toEqual(['conv-parameters', 'permuted-convnet', 'fgsm-sign']);
    expect(exercisesOf('deep-learning-myth/differentiable-programming')).toEqual(['first-epoch', 'program-gradient', 'outside-range']);
    expect(exercisesOf('deep-learning-myth/data-and-what-next')).toEqual(['alphago-value-data', 'semi-supervised-errors', 'pretraining-today']);
  });

  it('carries the contract\'s answers, widgets and shown numbers', () => {
    expect(exercise('dqn-roots')).toMatchObject({ kind: 'choice', options: ['q-learning', 'lstm', 'alexnet'], correct: 'q-learning' });
    expect(exercise('imagenet-share')).toMatchObject({ kind: 'numeric', answer: 9, tolerance: 0.5 });
    expect((100 * 1.28) / 14.2).toBeCloseTo(9, 0);
    expect(exercise('mlp-parameters')).toMatchObject({ kind: 'numeric', answer: 25450, tolerance: 0 });
    expect(exercise('prune-90')).toMatchObject({ kind: 'choice', options: ['collapses', 'small-loss', 'improves'], correct: 'collapses' });
    expect(exercise('depth-16')).toMatchObject({ kind: 'predict', options: ['plain-higher', 'plain-lower', 'same'], correct: 'plain-higher', widget: 'ex-plain-vs-residual', shows: ['final-losses'] });
    expect(exercise('degradation-meaning')).toMatchObject({ kind: 'choice', options: ['optimization', 'overfitting', 'too-few-parameters'], correct: 'optimization' });
    expect(exercise('conv-parameters')).toMatchObject({ kind: 'numeric', answer: 1168, tolerance: 0 });
    expect(exercise('permuted-convnet')).toMatchObject({ kind: 'predict', options: ['keeps-edge', 'loses-most', 'fails'], correct: 'loses-most', widget: 'ex-permuted-pixels', shows: ['final-accuracies'] });
    expect(exercise('fgsm-sign')).toMatchObject({ kind: 'choice', options: ['budget', 'random', 'lower-loss'], correct: 'budget' });
    expect(exercise('first-epoch')).toMatchObject({ kind: 'choice', options: ['sgd-behind', 'adam-behind', 'all-equal'], correct: 'sgd-behind' });
    expect(exercise('program-gradient')).toMatchObject({ kind: 'numeric', answer: 2, tolerance: 0 });
    expect(exercise('outside-range')).toMatchObject({ kind: 'choice', options: ['departs', 'exact', 'zero'], correct: 'departs' });
    expect(exercise('alphago-value-data')).toMatchObject({ kind: 'choice', options: ['self-play', 'human-games', 'imagenet'], correct: 'self-play' });
    expect(exercise('semi-supervised-errors')).toMatchObject({ kind: 'numeric', answer: 93, tolerance: 0 });
    expect(exercise('pretraining-today')).toMatchObject({ kind: 'choice', options: ['self-supervised', 'layerwise-rbm', 'none'], correct: 'self-supervised' });
  });

  it('describes the depth-16 run by network: the mean final training loss of each', () => {
    const run: RunOutcome = { id: 'ex-plain-vs-residual', family: 'digits-experiment', payload: '', state: { preset: 'plain-vs-residual' }, outcome: 'done', data: { finalLosses: JSON.stringify({ 'plain/4': 0.0041, 'plain/16': 0.69 }) } };
    expect(describeRun(run, ['final-losses'], teachStrings('pt').exercises.numbers, 'pt-BR')).toBe('plain/4 → 0,0041 · plain/16 → 0,69');
  });

  it('the chapter\'s plans: lessons of the chapter, its exercises, the widgets\' default seeds', () => {
    const planned = new Set<string>();
    for (const key of ['deep-learning-myth/before-class', 'deep-learning-myth/in-class', 'deep-learning-myth/after-class'] as const) {
      const plan = notePlans[key];
      expect(plan.chapter).toBe('deep-learning-myth');
      for (const lesson of plan.lessons) expect(lesson.startsWith('deep-learning-myth/'), lesson).toBe(true);
      for (const id of plan.exercises) {
        expect(exercise(id).lesson.startsWith('deep-learning-myth/'), id).toBe(true);
        planned.add(id);
      }
      const assignment = planAssignment(key, { title: 'x' });
      for (const setup of assignment.setups) expect(setup.payload).toMatch(/^preset:[a-z0-9-]+,seed:[0-9]+(,backend:cpu)?,v:[^,]+$/);
    }
    expect(planned.size, 'every exercise of the chapter is in one plan').toBe(15);
    expect(planAssignment('deep-learning-myth/in-class', { title: 'x' }).setups.map((setup) => setup.payload.replace(/,v:[^,]+$/, ''))).toEqual(['preset:magnitude-pruning,seed:1,backend:cpu', 'preset:plain-vs-residual,seed:1,backend:cpu', 'preset:swap-optimizer,seed:1,backend:cpu']);
  });
});
