/**
 * GradientCheck island: the engine's numerical gradient check of a custom layer, run on the page (plain float64
 * TypeScript, no worker): the element table, the verdict, and the max relative error against h (log–log) for both
 * precisions with the current h marked. Nothing trains: every change of a setting redraws at once.
 */
import type { EngineEvent } from '@engine/types';
import { figureLabels } from '../common/plot-labels';
import { curves } from '../plots/curves';
import { element } from '../shell/dom';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { optionLabel } from '../shell/text';
import { checkView, CURVE_STEPS, errorCurves, type CheckView, type CurvePoint } from './check-view';
import { gradientCheck, precisionKeys, type GradientCheckState } from './definition';
import { elementTable } from './table';
import { curveReadout, gradientCheckFormat, taskText, verdictText } from './text';
import type { CustomLayerKey } from '@engine/gradcheck/custom-layers';
import type { Precision } from '@engine/gradcheck/gradient-check';

function createView(context: ViewContext): FamilyView<typeof gradientCheck.table> {
  const { strings, locale, plotArea } = context;
  const text = strings.gradientCheck;
  const format = gradientCheckFormat(strings, locale);
  const verdict = element('p', { class: 'dp-gc-verdict' });
  const table = elementTable(strings, format);
  const plotBox = element('div', { class: 'dp-gc-plot' });
  // Three children of the plot area (the pre-render draws a plot's child at two widths: the table stays out of it);
  // widget.css sets them as verdict, then table beside curve where there is room.
  plotArea.append(verdict, table.element, plotBox);
  const plot = curves(plotBox, {
    locale,
    kind: 'gradient-check',
    labels: { ...text.chart, ...figureLabels(strings) },
    data: { curves: [] },
    x: { type: 'log', domain: [CURVE_STEPS[0]!, CURVE_STEPS.at(-1)!] },
    y: { type: 'log' },
  });
  const curveCache = new Map<CustomLayerKey, Record<Precision, CurvePoint[]>>();
  const curvesOf = (layer: CustomLayerKey) => curveCache.get(layer) ?? curveCache.set(layer, errorCurves(layer)).get(layer)!;
  let shown: { state: GradientCheckState; view: CheckView } | null = null;

  return {
    plan: (state: GradientCheckState): RunPlan => ({ runs: [], stepsPerEvent: 1, task: taskText(strings, locale, state) }),
    reset(state: GradientCheckState) {
      const view = checkView(state);
      shown = { state, view };
      verdict.textContent = verdictText(strings, view, format);
      verdict.dataset.verdict = view.verdict;
      table.update(view.rows);
      context.readout.textContent = curveReadout(strings, curvesOf(state.layer)[state.precision], state.precision, format);
      context.expose('verdict', view.verdict);
      context.expose('max-relative-error', view.result.maxRelativeError);
      context.expose('failing', JSON.stringify(view.rows.filter((row) => row.level === 'fail').map((row) => `${row.element.tensor}[${row.element.index.join(',')}]`)));
      context.expose('non-finite', view.count.nonFinite);
    },
    onEvent(_run: number, _event: EngineEvent) {},
    render() {
      if (!shown) return;
      const { state } = shown;
      const byPrecision = curvesOf(state.layer);
      plot.update({
        curves: precisionKeys.map((precision, index) => ({
          id: precision,
          name: optionLabel(strings, precision),
          points: byPrecision[precision].map((p) => ({ x: p.h, y: p.maxRelativeError })),
          color: index,
          width: precision === state.precision ? 2.5 : 1.5,
        })),
        guides: [{ axis: 'x', value: state.h, label: text.currentH }],
      });
    },
    destroy() {
      plot.destroy();
    },
  };
}

export const family = defineFamily(gradientCheck, createView);
