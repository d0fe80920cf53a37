/**
 * LearnableFunction island: the program as code (the learnable `area` marked), the function it learned drawn
 * over [0, 4] against the true one with the training range shaded, and the loss curve of the program's cost.
 */
import type { EngineEvent } from '@engine/types';
import { PROGRAMS } from '@engine/datasets/programs';
import { chartLabels } from '../common/plot-labels';
import { LossStore } from '../common/loss-store';
import { functionFit as functionFitPlot } from '../plots/function-fit';
import { lossCurves } from '../plots/loss-curves';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { fill } from '../shell/text';
import { renderProgram } from './code';
import { learnableFunction, type LearnableFunctionState } from './definition';
import { learnableFunctionPlan, probeArguments } from './plan';
import { learnedCurve, meanRelativeError, OUTSIDE_POINT, valueAt, type Point } from './readings';

function createView(context: ViewContext): FamilyView<typeof learnableFunction.table> {
  const { strings, locale, plotArea } = context;
  const t = strings.learnableFunction;
  const codeBox = document.createElement('figure');
  codeBox.className = 'dp-wide dp-program';
  const caption = document.createElement('figcaption');
  caption.textContent = t.caption;
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  pre.append(code);
  codeBox.append(caption, pre);
  const fitBox = document.createElement('div');
  const lossBox = document.createElement('div');
  plotArea.append(codeBox, fitBox, lossBox);
  const fitLabels = { ...chartLabels(strings, 'learnedFunction', { logScale: false }), target: t.truth, units: strings.series.units, domain: strings.series.domain };
  const fitPlot = functionFitPlot(fitBox, { locale, labels: fitLabels, data: { predictions: [] } });
  const lossPlot = lossCurves(lossBox, { locale, labels: chartLabels(strings, 'loss'), data: { runs: [] }, logY: true });

  let state: LearnableFunctionState = defaultsOf(learnableFunction.table);
  const losses = new LossStore();
  let learned: Point[] = [];

  const program = () => PROGRAMS[state.program];

  const onProgress = (event: Extract<EngineEvent, { type: 'progress' }>) => {
    losses.add(event, () => 'fit');
    const outputs = event.probe?.predictions[0]?.map((row) => row[0] ?? Number.NaN);
    if (!outputs) return;
    const { arguments: calls, domain, part } = program();
    learned = learnedCurve(probeArguments(), outputs, calls);
    const error = meanRelativeError(learned, part, domain);
    const outside = valueAt(learned, OUTSIDE_POINT);
    context.expose('relative-error', error);
    context.expose('outside-value', outside);
    context.readout.textContent = fill(t.readout, {
      // Two significant digits for the error and three for the area: what the outline's Measured lines quote.
      error: context.format.short(Number((100 * error).toPrecision(2))),
      low: context.format.short(domain[0]),
      high: context.format.short(domain[1]),
      x: context.format.short(OUTSIDE_POINT),
      learned: context.format.short(Number(outside.toPrecision(3))),
      truth: context.format.short(part(OUTSIDE_POINT)),
    });
  };

  return {
    plan: learnableFunctionPlan,
    reset(next: LearnableFunctionState) {
      state = next;
      losses.clear();
      learned = [];
      context.readout.textContent = '';
      renderProgram(code, strings, next.hidden);
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type === 'progress') onProgress(event);
    },
    render() {
      const { domain, part } = program();
      const target = probeArguments().map((x) => ({ x, y: part(x) }));
      fitPlot.update({
        predictions: learned.length > 0 ? [{ id: 'fit', name: t.learned, points: learned }] : [],
        target,
        domain,
      });
      lossPlot.update({ runs: losses.runs(() => t.costLoss, ['fit']) });
    },
    destroy() {
      fitPlot.destroy();
      lossPlot.destroy();
    },
  };
}

export const family = defineFamily(learnableFunction, createView);
