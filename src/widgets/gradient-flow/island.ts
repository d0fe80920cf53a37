/**
 * GradientFlow island: per-layer gradient norms (log-y, one line per layer) next to the loss; the preset
 * `digits-activations` has its own view (activations-view.ts). The Lab switches presets in place, so the view
 * follows the preset of each reset.
 */
import type { EngineEvent, OptimizerName } from '@engine/types';
import { initializerSpec } from '../common/initializers';
import { LossStore } from '../common/loss-store';
import { chartLabels } from '../common/plot-labels';
import { function1DRun, STEPS_PER_EVENT } from '../common/run-config';
import { gradientNorms } from '../plots/gradient-norms';
import { lossCurves } from '../plots/loss-curves';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { fill } from '../shell/text';
import { activationsPlan } from './activations';
import { activationsView } from './activations-view';
import { gradientFlow, type GradientFlowState } from './definition';

export function gradientFlowPlan(state: GradientFlowState): RunPlan {
  if (state.preset === 'digits-activations') return activationsPlan(state);
  const config = function1DRun({
    fn: 'sine',
    hiddenLayers: state.depth,
    width: state.width,
    activation: state.activation,
    initializer: initializerSpec(state.init),
    optimizer: 'sgd' as OptimizerName,
    learningRate: state.lr,
    epochs: state.epochs,
    seed: state.seed,
    telemetry: { layerStats: true },
  });
  return { stepsPerEvent: STEPS_PER_EVENT, runs: [{ kind: 'engine', config }] };
}

/** The engine lists layers input → output: the first hidden layer's gradient norm over the output layer's. */
export function gradientRatio(norms: readonly number[]): number {
  return (norms[0] ?? Number.NaN) / (norms[norms.length - 1] ?? Number.NaN);
}

function sineView(context: ViewContext): FamilyView<typeof gradientFlow.table> {
  const { strings, locale, plotArea, format } = context;
  const gradientBox = document.createElement('div');
  const lossBox = document.createElement('div');
  plotArea.append(gradientBox, lossBox);
  const gradientPlot = gradientNorms(gradientBox, { locale, labels: chartLabels(strings, 'gradientNorms'), data: { layers: [] } });
  const lossPlot = lossCurves(lossBox, { locale, labels: chartLabels(strings, 'loss'), data: { runs: [] } });
  const losses = new LossStore();
  let layers: { x: number; y: number }[][] = [];

  return {
    plan: gradientFlowPlan,
    reset() {
      losses.clear();
      layers = [];
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      losses.add(event, () => 'loss');
      const norms = event.gradientNormsByLayer?.[0];
      if (!norms) return;
      norms.forEach((norm, layer) => {
        layers[layer] ??= [];
        if (norm > 0 && Number.isFinite(norm)) layers[layer]?.push({ x: event.step, y: norm });
      });
      const ratio = gradientRatio(norms);
      context.expose('gradient-ratio', ratio);
      context.expose('final-losses', JSON.stringify(losses.finals()));
      context.readout.textContent = fill(strings.readouts.gradientRatio, { ratio: format.short(ratio) });
    },
    render() {
      gradientPlot.update({
        layers: layers.map((points, index) => ({ id: `layer-${index + 1}`, name: fill(strings.series.layer, { layer: index + 1 }), points })),
      });
      lossPlot.update({ runs: losses.runs(() => strings.series.loss) });
    },
    destroy() {
      gradientPlot.destroy();
      lossPlot.destroy();
      gradientBox.remove();
      lossBox.remove();
    },
  };
}

/** The sine view or the digits view, whichever the state's preset needs (rebuilt when the Lab switches). */
function createView(context: ViewContext): FamilyView<typeof gradientFlow.table> {
  let digits: boolean | null = null;
  let view: FamilyView<typeof gradientFlow.table> | null = null;
  const current = (): FamilyView<typeof gradientFlow.table> => {
    if (!view) throw new Error('GradientFlow view used before reset');
    return view;
  };
  return {
    plan: gradientFlowPlan,
    reset(state: GradientFlowState) {
      const wanted = state.preset === 'digits-activations';
      if (wanted !== digits) {
        view?.destroy();
        view = wanted ? activationsView(context) : sineView(context);
        digits = wanted;
      }
      current().reset(state);
    },
    onEvent: (run, event) => current().onEvent(run, event),
    render: () => view?.render(),
    destroy: () => view?.destroy(),
  };
}

export const family = defineFamily(gradientFlow, createView);
