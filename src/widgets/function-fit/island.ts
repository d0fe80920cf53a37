/** FunctionFit island: the fit (with unit contributions and readouts) above its loss curves. */
import type { Checkpoint, EngineEvent } from '@engine/types';
import { FUNCTIONS_1D } from '@engine/datasets/functions1d';
import { chartLabels } from '../common/plot-labels';
import { LossStore } from '../common/loss-store';
import { seriesName } from '../common/series-names';
import { functionFit as functionFitPlot } from '../plots/function-fit';
import { lossCurves } from '../plots/loss-curves';
import { lineChart } from '../plots/line-chart';
import type { NamedCurve, XYPoint } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { defaultsOf } from '../shell/params';
import { fill, pluralForm } from '../shell/text';
import { functionFit, sweepWidths, type FunctionFitState } from './definition';
import { functionFitPlan, probeDomain, runNames } from './plan';
import { extrapolationSlopes, singleNeuron, unitContributions, type UnitCurve } from './units';

function createView(context: ViewContext): FamilyView<typeof functionFit.table> {
  const { strings, locale, plotArea } = context;
  const fitBox = document.createElement('div');
  const lossBox = document.createElement('div');
  const sweepBox = document.createElement('div');
  plotArea.append(fitBox, lossBox, sweepBox);
  const fitLabels = {
    ...chartLabels(strings, 'fit', { logScale: false }),
    target: strings.series.target,
    units: strings.series.units,
    domain: strings.series.domain,
  };
  const fitPlot = functionFitPlot(fitBox, { locale, labels: fitLabels, data: { predictions: [] } });
  const lossPlot = lossCurves(lossBox, { locale, labels: chartLabels(strings, 'loss'), data: { runs: [] }, logY: true });
  const sweepPlot = lineChart(sweepBox, { locale, labels: chartLabels(strings, 'widthSweep'), data: { series: [] }, x: { type: 'log' }, y: { type: 'log' } });

  let state: FunctionFitState = defaultsOf(functionFit.table);
  let names: string[] = [];
  const losses = new LossStore();
  let predictions = new Map<string, XYPoint[]>();
  let units: UnitCurve[] = [];
  let neuron: { w: number; b: number } | null = null;

  const curveKey = (run: number, member: number) => (state.experiment === 'initializers' ? names[member] : names[run]) ?? 'fit';
  const label = (key: string) =>
    state.experiment === 'width-sweep' || state.experiment === 'widths'
      ? fill(pluralForm(strings.series.width, locale, Number(key)), { width: context.format.integer(Number(key)) })
      : seriesName(strings, key);

  const onCheckpoint = (checkpoint: Checkpoint) => {
    if (state.layers === 0) {
      neuron = singleNeuron(checkpoint);
      if (neuron) {
        context.expose('w', neuron.w);
        context.expose('b', neuron.b);
        context.readout.textContent = fill(strings.readouts.neuron, { w: context.format.short(neuron.w), b: context.format.short(neuron.b) });
      }
    } else if (state.view === 'units' && state.layers === 1) {
      const [low, high] = probeDomain(state);
      const xs = Array.from({ length: 121 }, (_, index) => low + ((high - low) * index) / 120);
      units = unitContributions(checkpoint, state.activation, xs);
    }
  };

  const onProgress = (run: number, event: Extract<EngineEvent, { type: 'progress' }>) => {
    losses.add(event, (member) => curveKey(run, member));
    if (event.probe) {
      event.probe.predictions.forEach((memberPredictions, member) => {
        const points = event.probe?.inputs.map((input, index) => ({ x: input[0] ?? 0, y: memberPredictions[index]?.[0] ?? Number.NaN })) ?? [];
        predictions.set(curveKey(run, member), points);
      });
    }
    if (state.layers === 0 || state.view === 'units') context.requestCheckpoint(run);
    context.expose('final-losses', JSON.stringify(losses.finals()));
    const first = predictions.get(names[0] ?? 'fit');
    if (state.view === 'wide' && first) {
      // Far outside the training domain [-3, 3]: every tanh unit has saturated, so the fit is flat there.
      const slopes = extrapolationSlopes(first);
      context.expose('inside-slope', slopes.inside);
      context.expose('outside-slope', slopes.outside);
    }
    if (state.layers > 0) {
      const finals = losses.finals();
      context.readout.textContent = fill(strings.readouts.finalLoss, {
        values: Object.entries(finals).map(([key, value]) => `${label(key)} ${value === null ? '∞' : context.format.short(value)}`).join(' · '),
      });
    }
  };

  return {
    plan: functionFitPlan,
    reset(next) {
      state = next;
      names = runNames(next);
      losses.clear();
      predictions = new Map();
      units = [];
      neuron = null;
      context.readout.textContent = '';
      sweepBox.hidden = next.experiment !== 'width-sweep';
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type === 'progress') onProgress(run, event);
      else if (event.type === 'checkpoint') onCheckpoint(event.checkpoint);
    },
    render() {
      const [low, high] = probeDomain(state);
      const truth = FUNCTIONS_1D[state.target];
      const target = truth ? Array.from({ length: 121 }, (_, index) => {
        const x = low + ((high - low) * index) / 120;
        return { x, y: truth(x) };
      }) : [];
      const latest = [...predictions.keys()].pop();
      const shown: NamedCurve[] = names
        .filter((key) => predictions.has(key) && (state.experiment !== 'width-sweep' || key === latest))
        .map((key) => ({ id: key, name: label(key), points: predictions.get(key) ?? [] }));
      fitPlot.update({
        predictions: shown,
        target,
        domain: [-3, 3],
        units: units.map((unit) => ({ id: unit.id, name: fill(strings.series.unit, { unit: unit.id }), points: unit.points })),
        readouts: neuron ? [{ label: 'w', value: neuron.w }, { label: 'b', value: neuron.b }] : [],
      });
      lossPlot.update({ runs: losses.runs(label, names) });
      if (state.experiment === 'width-sweep') {
        const points = sweepWidths
          .map((width) => ({ x: width, y: losses.final(String(width)) }))
          .filter((point) => Number.isFinite(point.y));
        sweepPlot.update({ series: [{ id: 'final', name: strings.series.finalLoss, points }] });
      }
    },
    destroy() {
      fitPlot.destroy();
      lossPlot.destroy();
      sweepPlot.destroy();
    },
  };
}

export const family = defineFamily(functionFit, createView);
