/**
 * The view of GradientFlow `digits-activations`: the first step's gradient norm per layer (log y, one line per
 * activation through its seeds' dots) and the batch loss over steps (mean of the seeds over their range); the
 * readout gives each activation's first ÷ last hidden-layer ratio and final loss over the seeds.
 */
import type { EngineEvent } from '@engine/types';
import { chartLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { FamilyView, ViewContext } from '../shell/family';
import { defaultsOf } from '../shell/params';
import { fill, optionLabel } from '../shell/text';
import { ACTIVATIONS, ActivationResults, LOSS_WINDOW, activationsPlan, seedsOf, type StudiedActivation } from './activations';
import { gradientFlow, type GradientFlowState } from './definition';

export function activationsView(context: ViewContext): FamilyView<typeof gradientFlow.table> {
  const { strings, locale, plotArea } = context;
  // Two significant digits say what the claims say (a hundredth, three times); a loss needs three (2,31 vs 2,30).
  const digits = (significant: number) => new Intl.NumberFormat(locale, { minimumSignificantDigits: significant, maximumSignificantDigits: significant });
  const ratioFormat = digits(2);
  const lossFormat = digits(3);
  const gradientBox = document.createElement('div');
  const lossBox = document.createElement('div');
  plotArea.append(gradientBox, lossBox);
  // x: the layers 1 … depth + 1 (the last is the output layer); rebuilt when the depth changes.
  const gradientChart = (layers: number) =>
    lineChart(gradientBox, { locale, labels: chartLabels(strings, 'activationGradients'), data: { series: [] }, x: { nice: false, domain: [0.5, layers + 0.5] }, y: { type: 'log' } });
  let layers = 0;
  let gradients = gradientChart(layers);
  const losses = lineChart(lossBox, { locale, labels: chartLabels(strings, 'activationLoss'), data: { series: [] }, x: { nice: true } });
  const results = new ActivationResults();
  const label = (activation: StudiedActivation) => optionLabel(strings, activation);
  let state: GradientFlowState = defaultsOf(gradientFlow.table);

  const range = (values: number[], format: Intl.NumberFormat) => {
    const finite = values.filter((v) => Number.isFinite(v));
    if (!finite.length) return '—';
    const [low, high] = [format.format(Math.min(...finite)), format.format(Math.max(...finite))];
    return low === high ? low : fill(strings.readouts.range, { low, high });
  };
  const list = (value: (activation: StudiedActivation) => string) =>
    ACTIVATIONS.map((activation) => fill(strings.digits.readouts.armValue, { arm: label(activation), value: value(activation) })).join(strings.task.separator);

  function readout(): void {
    const depth = state.depth;
    const seeds = seedsOf(state);
    const ratios = Object.fromEntries(ACTIVATIONS.map((activation) => [activation, results.ratios(activation, depth)]));
    const finals = Object.fromEntries(ACTIVATIONS.map((activation) => [activation, results.finalLosses(activation)]));
    const round = (values: number[]) => values.map((v) => (Number.isFinite(v) ? Number(v.toPrecision(4)) : null));
    context.expose('gradient-ratio', JSON.stringify(Object.fromEntries(ACTIVATIONS.map((a) => [a, round(ratios[a] ?? [])]))));
    context.expose('final-losses', JSON.stringify(Object.fromEntries(ACTIVATIONS.map((a) => [a, round(finals[a] ?? [])]))));
    const seedRange = { first: seeds[0] ?? 1, last: seeds.at(-1) ?? 1 };
    const parts = [fill(strings.readouts.activationRatios, { layer: depth, ...seedRange, values: list((a) => range(ratios[a] ?? [], ratioFormat)) })];
    if (results.lastStep() >= LOSS_WINDOW) parts.push(fill(strings.readouts.activationLosses, { window: LOSS_WINDOW, steps: results.lastStep(), values: list((a) => range(finals[a] ?? [], lossFormat)) }));
    // Sentences ending in a full-width stop (zh) follow each other without a space.
    context.readout.textContent = parts.reduce((text, part) => (text === '' || /[。！？]$/.test(text) ? text + part : `${text} ${part}`), '');
  }

  return {
    plan: activationsPlan,
    reset(next: GradientFlowState) {
      state = next;
      if (state.depth + 1 !== layers) {
        layers = state.depth + 1;
        gradients.destroy();
        gradients = gradientChart(layers);
      }
      results.clear();
      context.readout.textContent = '';
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      results.progress(run, event);
      readout();
    },
    render() {
      gradients.update(results.gradientChart(label, strings.digits.series.seeds));
      losses.update(results.lossChart(label));
    },
    destroy() {
      gradients.destroy();
      losses.destroy();
      gradientBox.remove();
      lossBox.remove();
    },
  };
}
