/** ActivationFunctions island: f(z) solid and f′(z) dashed, for one activation or all of them. */
import type { EngineEvent } from '@engine/types';
import { chartLabels } from '../common/plot-labels';
import { seriesName } from '../common/series-names';
import { curves } from '../plots/curves';
import type { NamedCurve } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { taskNumber } from '../shell/task';
import { fill } from '../shell/text';
import { activationFunctions, type ActivationFunctionsState } from './definition';
import { activationFormulas, activationKeys, type ActivationKey } from './formulas';

const SAMPLES = 161;
const zs = Array.from({ length: SAMPLES }, (_, index) => -4 + (8 * index) / (SAMPLES - 1));

function createView(context: ViewContext): FamilyView<typeof activationFunctions.table> {
  const { strings, locale, plotArea, format } = context;
  const box = document.createElement('div');
  plotArea.append(box);
  const plot = curves(box, { locale, labels: chartLabels(strings, 'activations', { logScale: false }), data: { curves: [] }, y: { domain: [-1.5, 2] } });
  let chosen: ActivationKey[] = [...activationKeys];

  return {
    plan: (state: ActivationFunctionsState) => {
      const shown = state.activation === 'all' ? activationKeys : [state.activation];
      const task = fill(strings.task.activationCurves, {
        list: shown.map((key) => (key === 'linear' ? strings.task.identity : seriesName(strings, key))).join(' / '),
        low: taskNumber(zs[0] ?? 0, locale),
        high: taskNumber(zs[SAMPLES - 1] ?? 0, locale),
      });
      return { runs: [], stepsPerEvent: 1, task };
    },
    reset(state: ActivationFunctionsState) {
      chosen = state.activation === 'all' ? [...activationKeys] : [state.activation];
      context.readout.textContent = chosen
        .map((key) => fill(strings.readouts.activation, {
          name: seriesName(strings, key),
          value: format.short(activationFormulas[key].value(0)),
          slope: format.short(activationFormulas[key].derivative(0)),
        }))
        .join(' · ');
    },
    onEvent(_run: number, _event: EngineEvent) {},
    render() {
      const drawn: NamedCurve[] = chosen.flatMap((key) => [
        { id: key, name: seriesName(strings, key), points: zs.map((z) => ({ x: z, y: activationFormulas[key].value(z) })) },
        {
          id: `${key}-derivative`,
          name: `${seriesName(strings, key)} — ${strings.series.derivative}`,
          points: zs.map((z) => ({ x: z, y: activationFormulas[key].derivative(z) })),
        },
      ]);
      plot.update({ curves: drawn });
      context.expose('curves', drawn.length);
    },
    destroy() {
      plot.destroy();
    },
  };
}

export const family = defineFamily(activationFunctions, createView);
