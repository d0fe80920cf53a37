/**
 * DebugLab island: the project card, the dashboard's views of the case with the run beside it overlaid (the
 * healthy project model, or with «show the fix» the network without its bug), and the lab's own live parts under
 * the readout — the answer picker and verdict (picker.ts), «predict again» (predictions.ts), «show the fix» and
 * «new case». Nothing it draws before the verdict depends on which bug is hidden except the case's numbers: the
 * card, the task line and the rate come from the healthy project's config (plan.ts), and the rate a faulty run's
 * progress events carry is replaced by the project's before any view sees it.
 */
import type { EngineEvent, ProgressEvent } from '@engine/types';
import { html, setText } from '../plots/dom';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { defaultsOf } from '../shell/params';
import { fill } from '../shell/text';
import { cardRows, projectCard } from '../project-lab/card';
import { nextCase } from './cases';
import { debugLab, type DebugLabState } from './definition';
import { answerPicker } from './picker';
import { labPlan, PREDICTIONS, STEPS_PER_EPOCH, withProjectRate, type LabPlan } from './plan';
import { comparePredictions } from './predictions';
import { fedInputs, healthyReference, LabViews } from './views';
import { finalWeights, type FinalWeights } from '../common/final-weights';

function createView(context: ViewContext): FamilyView<typeof debugLab.table> {
  const { strings, locale, plotArea, format } = context;
  const t = strings.debugLab;
  const card = projectCard(plotArea, strings);
  const besideNote = html('p', { class: 'dp-debug-beside dp-wide' }, plotArea);
  const views = new LabViews(plotArea, context);
  const actions = context.actions ?? document.createElement('div');
  const panel = html('section', { class: 'dp-debug-lab dp-wide' }, actions);
  let state: DebugLabState = defaultsOf(debugLab.table);
  let plan: LabPlan = labPlan(state);
  let weights: FinalWeights = finalWeights();
  let asked = false;
  /** The case's network turned NaN: the engine zeroed its weights, so its predictions say nothing. */
  let lost = false;
  /** Each pass of the prediction run: `[member][digit][class]`. */
  let predictions: number[][][][] = [];
  const picker = answerPicker(panel, strings, (verdict) => context.expose('verdict', verdict.right ? 'right' : 'wrong'));
  const buttons = html('div', { class: 'dp-debug-actions', role: 'group' }, panel);
  const again = html('button', { type: 'button', 'data-action': 'predict-again' }, buttons);
  const fix = html('button', { type: 'button', 'data-action': 'show-fix' }, buttons);
  const another = html('button', { type: 'button', 'data-action': 'new-case' }, buttons);
  setText(again, t.predictAgain);
  setText(another, t.newCase);
  const predictLine = html('p', { class: 'dp-debug-predict', 'aria-live': 'polite' }, panel);

  again.addEventListener('click', () => {
    if (predictions.length < PREDICTIONS) {
      setText(predictLine, t.predictPending);
      return;
    }
    const comparison = comparePredictions(predictions[0]![0] ?? [], predictions[1]![0] ?? []);
    context.expose('predict-changed', comparison.changed);
    context.expose('predict-difference', !lost && Number.isFinite(comparison.largestChange) ? comparison.largestChange : 'NaN');
    if (lost || !Number.isFinite(comparison.largestChange)) setText(predictLine, t.predictLost);
    else if (comparison.largestChange === 0) setText(predictLine, fill(t.predictSame, { digits: format.integer(comparison.digits) }));
    else setText(predictLine, fill(t.predictDiffer, { changed: format.integer(comparison.changed), digits: format.integer(comparison.digits), largest: format.short(Math.round(comparison.largestChange * 100) / 100) }));
  });
  fix.addEventListener('click', () => context.change?.('fix', state.fix === 'on' ? 'off' : 'on', true));
  another.addEventListener('click', () => context.change?.('case', nextCase(state.case), true));

  /** The note under the views once the case's network turned NaN: a result to explain, not a broken page. */
  function divergedNote(event: ProgressEvent): void {
    setText(context.readout, fill(t.diverged, { epoch: format.short(Math.round(event.epoch * 10) / 10) }));
  }

  return {
    plan: (next: DebugLabState) => {
      plan = labPlan(next, weights);
      return plan;
    },
    reset: (next: DebugLabState) => {
      state = next;
      weights = finalWeights();
      plan = labPlan(next, weights);
      asked = false;
      lost = false;
      predictions = [];
      card.update(cardRows({ stepsPerEvent: plan.stepsPerEvent, runs: [{ ...plan.runs[0]!, arms: ['case'] }] }, strings, locale));
      views.reset(next, plan);
      picker.reset(plan.bug);
      setText(fix, next.fix === 'on' ? t.hideFix : t.showFix);
      setText(besideNote, next.fix === 'on' ? t.besideFixed : t.besideHealthy);
      setText(predictLine, '');
      setText(context.readout, '');
      context.expose('case', next.case);
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type === 'checkpoint') {
        if (run === 0 && event.checkpoint.step > 0) weights.resolve(event.checkpoint);
        return;
      }
      if (event.type === 'prediction') {
        predictions.push(event.predictions);
        return;
      }
      if (event.type !== 'progress') return;
      const role = plan.runs[run]?.role;
      if (role === 'case' || role === 'beside') views.progress(role, withProjectRate(event));
      if (role !== 'case') return;
      const total = state.epochs * STEPS_PER_EPOCH;
      if (event.members[0]?.diverged === true && !lost) {
        lost = true;
        divergedNote(event);
      }
      // The prediction run waits for the case's final weights (a network lost to NaN ends early).
      if (!asked && (event.step >= total || lost)) {
        asked = true;
        context.requestCheckpoint(0);
      }
    },
    render() {
      views.render();
    },
    destroy() {
      views.destroy();
    },
  };
}

/** View 1's statistics of the case's (faulty) dataset and the healthy reference, loaded before the pre-render draws. */
const viewData = async (state: DebugLabState): Promise<void> => {
  const config = labPlan(state).runs[0]?.config;
  await Promise.all([config ? fedInputs(config).promise : null, healthyReference().promise]);
};

export const family = defineFamily(debugLab, createView, viewData);
