/**
 * TrainingDashboard island: the six views (views.ts) of the project model's run, the «healthy reference» toggle
 * that overlays the shipped default run (reference.ts) on views 2, 4 and 5, and a readout of the numbers lesson 4
 * reads off the views; exposes them for the e2e checks (docs/widgets.md).
 */
import type { EngineEvent } from '@engine/types';
import { formatScientific } from '../plots/format';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { defaultsOf } from '../shell/params';
import { fill } from '../shell/text';
import { trainingDashboard, type TrainingDashboardState } from './definition';
import { projectInputs } from './inputs';
import { dashboardPlan } from './plan';
import { loadHealthyReference } from './reference';
import { createDashboardViews } from './views';

const r4 = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : null);

function createView(context: ViewContext): FamilyView<typeof trainingDashboard.table> {
  const { strings, locale, plotArea, format } = context;
  const t = strings.dashboard;
  let state: TrainingDashboardState = defaultsOf(trainingDashboard.table);
  const views = createDashboardViews(plotArea, { strings, locale, epochs: state.epochs, bins: state.bins });
  views.setInputs(projectInputs());
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

  // The overlay switch (a live control: the pre-render shows the run alone).
  const toggle = document.createElement('label');
  toggle.className = 'dp-dash__reference dp-wide dp-live-only';
  const box = document.createElement('input');
  box.type = 'checkbox';
  const text = document.createElement('span');
  text.textContent = t.reference;
  const status = document.createElement('span');
  status.className = 'dp-dash__reference-status';
  status.setAttribute('role', 'status');
  toggle.append(box, text, status);
  plotArea.prepend(toggle);
  box.addEventListener('change', () => {
    if (!box.checked) {
      views.setReference(null);
      status.textContent = '';
      return;
    }
    status.textContent = t.referenceLoading;
    loadHealthyReference().then(
      (reference) => {
        status.textContent = '';
        if (box.checked) views.setReference(reference);
      },
      () => {
        box.checked = false;
        status.textContent = t.referenceFailed;
      },
    );
  });

  function readout(): void {
    const record = views.record();
    const last = record.points.at(-1);
    if (!last) return;
    const norms = last.gradientNorms;
    const gradientRatio = Math.max(...norms) / Math.min(...norms);
    const ratios = record.points.flatMap((p) => p.updateRatios).filter((v) => v > 0);
    context.expose('final-losses', JSON.stringify({ train: r4(last.trainLoss), validation: r4(last.validationLoss) }));
    context.expose('dead-fraction', JSON.stringify(record.points.map((p) => r4(p.deadFraction))));
    context.expose('gradient-ratio', JSON.stringify(record.points.map((p) => r4(Math.max(...p.gradientNorms) / Math.min(...p.gradientNorms)))));
    context.expose('update-ratios', JSON.stringify({ min: r4(Math.min(...ratios)), max: r4(Math.max(...ratios)) }));
    context.readout.textContent = fill(t.readout, {
      epoch: format.short(Math.round(last.epoch * 10) / 10),
      train: format.short(last.trainLoss),
      validation: format.short(last.validationLoss),
      accuracy: percent.format(last.validationAccuracy),
      dead: percent.format(last.deadFraction),
      gradients: format.short(Math.round(gradientRatio * 10) / 10),
      low: formatScientific(locale, Math.min(...ratios), 2),
      high: formatScientific(locale, Math.max(...ratios), 2),
    });
  }

  return {
    plan: (next: TrainingDashboardState) => dashboardPlan(next),
    reset(next: TrainingDashboardState) {
      state = next;
      views.reset({ epochs: state.epochs, bins: state.bins });
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      views.update(event);
      readout();
    },
    render() {
      views.render();
    },
    destroy() {
      views.destroy();
      toggle.remove();
    },
  };
}

export const family = defineFamily(trainingDashboard, createView);
