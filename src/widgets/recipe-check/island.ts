/**
 * RecipeCheck island: loss curves of the compared runs (log-y), the 1e-3 goal line for the overfit check (with,
 * above it, the batch's labels and the network's curve through them), and a readout with the numbers each check
 * is about (exposed as data-* for tests).
 */
import type { EngineEvent } from '@engine/types';
import { LossStore } from '../common/loss-store';
import { chartLabels } from '../common/plot-labels';
import { seriesName } from '../common/series-names';
import { functionFit } from '../plots/function-fit';
import { lineChart } from '../plots/line-chart';
import type { XYPoint } from '../plots/types';
import { lossCurvesData } from '../plots/loss-curves';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { fill } from '../shell/text';
import { recipeCheck, type RecipeCheckState } from './definition';
import { overfitBatch } from './data';
import { recipeCheckPlan, recipeRunNames } from './plan';

const GOAL = 1e-3;

function createView(context: ViewContext): FamilyView<typeof recipeCheck.table> {
  const { strings, locale, plotArea, format } = context;
  const batchBox = document.createElement('div');
  const box = document.createElement('div');
  plotArea.append(batchBox, box);
  const batchLabels = { ...chartLabels(strings, 'batchFit', { logScale: false }), target: strings.series.target, training: strings.series.batch };
  const batchPlot = functionFit(batchBox, { locale, labels: batchLabels, data: { predictions: [] } });
  const chart = lineChart(box, { locale, labels: chartLabels(strings, 'loss'), data: { series: [] }, y: { type: 'log' }, kind: 'loss-curves' });
  const losses = new LossStore();
  let state: RecipeCheckState = defaultsOf(recipeCheck.table);
  let names: string[] = [];
  let batch: XYPoint[] = [];
  let curve: XYPoint[] = [];

  const describe = () => {
    const short = (key: string) => format.short(losses.final(key));
    if (state.experiment === 'overfit') {
      context.expose('final-loss', losses.final('loss'));
      context.expose('batch-size', batch.length);
      return fill(strings.readouts.overfit, { loss: short('loss') });
    }
    if (state.experiment === 'baseline') {
      context.expose('final-losses', JSON.stringify(losses.finals()));
      return fill(strings.readouts.baseline, { real: short('real'), zeroed: short('zeroed') });
    }
    const initial = { defaultBias: losses.first('defaultBias'), meanBias: losses.first('meanBias') };
    context.expose('initial-losses', JSON.stringify(initial));
    return fill(strings.readouts.bias, { zero: format.short(initial.defaultBias), mean: format.short(initial.meanBias) });
  };

  return {
    plan: recipeCheckPlan,
    reset(next: RecipeCheckState) {
      state = next;
      names = recipeRunNames(next);
      batch = next.experiment === 'overfit' ? overfitBatch(next.seed) : [];
      curve = [];
      batchBox.hidden = next.experiment !== 'overfit';
      losses.clear();
      context.readout.textContent = '';
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      // The bias check is about the very first steps: plot against steps, not epochs.
      losses.add(event, () => names[run] ?? 'loss', state.experiment === 'bias' ? event.step : event.epoch);
      const probe = event.probe;
      if (probe) curve = probe.inputs.map((input, index) => ({ x: input[0] ?? 0, y: probe.predictions[0]?.[index]?.[0] ?? Number.NaN }));
      context.readout.textContent = describe();
    },
    render() {
      if (state.experiment === 'overfit') {
        const truth = curve.map(({ x }) => ({ x, y: Math.sin(x) }));
        batchPlot.update({ predictions: curve.length ? [{ id: 'fit', name: strings.series.fit, points: curve }] : [], target: truth, training: batch });
      }
      const data = lossCurvesData({ runs: losses.runs((key) => seriesName(strings, key), names) });
      chart.update({
        ...data,
        guides: state.experiment === 'overfit' ? [{ axis: 'y', value: GOAL, label: strings.series.goal }] : [],
      });
    },
    destroy() {
      batchPlot.destroy();
      chart.destroy();
    },
  };
}

export const family = defineFamily(recipeCheck, createView);
