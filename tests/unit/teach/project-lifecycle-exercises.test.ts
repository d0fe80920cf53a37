/** Chapter 4's exercises and teacher-note plans: the contract's table (ids, kinds, answers, widgets, shows). */
import { describe, expect, it } from 'vitest';
import { teachStrings } from '@i18n/teach';
import { describeRun } from '@teach/exercises/describe-run';
import type { RunOutcome } from '@teach/exercises/outcome';
import { exercise, exercisesOf } from '@teach/exercises/registry';
import { notePlans, planAssignment } from '@teach/notes/plans';
import { decodeAssignment } from '@teach/assignment/model';
import { assignmentPath } from '@teach/assignment/setup';

const ch4 = (slug: string) => `project-lifecycle/${slug}`;

describe('project-lifecycle exercises', () => {
  it('lists the twenty-one exercises per lesson in page order (the predictions sit in the text, before the lesson\'s closing ones)', () => {
    expect(exercisesOf(ch4('project-research'))).toEqual(['baseline-first', 'gpu-breakeven', 'scope-sentence']);
    expect(exercisesOf(ch4('dataset'))).toEqual(['imbalance-predict', 'noise-wrong-class', 'noise-stop']);
    expect(exercisesOf(ch4('design'))).toEqual(['hinge-loss', 'bn-means', 'missing-x-elements', 'adam-memory']);
    expect(exercisesOf(ch4('visualization'))).toEqual(['loss-jump', 'vanishing-layers', 'ratio-value']);
    expect(exercisesOf(ch4('debugging'))).toEqual(['init-loss', 'trainable-variables', 'flat-gradients', 'too-perfect-validation']);
    expect(exercisesOf(ch4('tuning'))).toEqual(['vote-predict', 'ratio-rule', 'log-grid', 'steps-per-epoch']);
  });

  it('answers computed the way the solutions compute them', () => {
    expect(exercise('gpu-breakeven')).toMatchObject({ kind: 'numeric', answer: Math.round(2200 / 7.5), tolerance: 1 });
    expect(exercise('noise-wrong-class')).toMatchObject({ kind: 'numeric', answer: Math.round((50 / 9) * 10) / 10 });
    expect(exercise('hinge-loss')).toMatchObject({ kind: 'numeric', answer: Math.max(0, 1 - 2 + 1) + Math.max(0, 1 - 2 + 1.5), tolerance: 0 });
    expect(exercise('adam-memory')).toMatchObject({ kind: 'numeric', answer: Math.round(1 / (1 - 0.999)), tolerance: 0 });
    expect(exercise('ratio-value')).toMatchObject({ kind: 'numeric', answer: 0.002 / 4 });
    expect(Math.abs(-Math.log(0.1) - (exercise('init-loss') as { answer: number }).answer)).toBeLessThan(0.01);
    expect(exercise('steps-per-epoch')).toMatchObject({ kind: 'numeric', answer: Math.ceil(700 / 32), tolerance: 0 });
    expect(exercise('imbalance-predict')).toMatchObject({ kind: 'predict', correct: 'recall-collapses', widget: 'ex-class-imbalance', shows: ['final-accuracies', 'rare-recalls'] });
    expect(exercise('vote-predict')).toMatchObject({ kind: 'predict', correct: 'beats-mean', widget: 'ex-ensemble-vote', shows: ['votes'] });
  });

  it('describes the two predictions\' runs: the fives\' recall per fraction kept, the members beside the votes', () => {
    const numbers = teachStrings('pt').exercises.numbers;
    const imbalance: RunOutcome = {
      id: 'ex-class-imbalance', family: 'project-lab', payload: '', state: { preset: 'class-imbalance' }, outcome: 'done',
      data: { finalAccuracies: JSON.stringify({ 1: [0.86], 0.03: [0.775] }), rareRecalls: JSON.stringify({ 1: [0.714], 0.03: [0] }) },
    };
    expect(describeRun(imbalance, ['final-accuracies', 'rare-recalls'], numbers, 'pt-BR')).toBe('acurácia de validação: 1 → 86% · 0,03 → 77,5% · revocação dos cincos: 1 → 71,4% · 0,03 → 0%');
    const votes: RunOutcome = {
      id: 'ex-ensemble-vote', family: 'project-lab', payload: '', state: { preset: 'ensemble-vote' }, outcome: 'done',
      data: { votes: JSON.stringify({ members: [0.86, 0.85], mean: 0.853, best: 0.865, majority: 0.86, weighted: 0.86 }) },
    };
    expect(describeRun(votes, ['votes'], numbers, 'pt-BR')).toBe('membro médio 85,3% · melhor membro 86,5% · votação por maioria 86% · votação ponderada 86%');
    expect(describeRun({ ...votes, data: { votes: '{"mean":"x"}' } }, ['votes'], numbers, 'pt-BR')).toBe('');
  });

  it('the chapter\'s plans: lessons of the chapter, every exercise in one plan, the widgets\' default seeds', () => {
    const planned: string[] = [];
    for (const key of ['project-lifecycle/before-class', 'project-lifecycle/in-class', 'project-lifecycle/after-class'] as const) {
      const plan = notePlans[key];
      expect(plan.chapter).toBe('project-lifecycle');
      for (const lesson of plan.lessons) expect(lesson.startsWith('project-lifecycle/'), lesson).toBe(true);
      for (const id of plan.exercises) {
        expect(exercise(id).lesson.startsWith('project-lifecycle/'), id).toBe(true);
        planned.push(id);
      }
      // Every setup is valid for its family (GradientCheck, which has no seed control, has none).
      const assignment = planAssignment(key, { title: 'x' });
      for (const setup of assignment.setups) expect(setup.payload).toMatch(/^preset:[a-z0-9-]+,seed:1(,backend:cpu)?,v:[^,]+$/);
      const code = assignmentPath('pt', assignment).split('#a=')[1] ?? '';
      const decoded = decodeAssignment(code, plan.lessons);
      expect(decoded, `${key}: ${JSON.stringify(decoded.ok ? '' : decoded.problems)}`).toEqual({ ok: true, assignment });
    }
    expect(new Set(planned).size, 'no exercise in two plans').toBe(planned.length);
    expect(planned.length, 'every exercise of the chapter is in one plan').toBe(21);
  });
});
