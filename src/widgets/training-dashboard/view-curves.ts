/**
 * Views 2, 4 and 5, the curves over time the healthy reference overlays: (2) loss and accuracy, training and
 * validation; (4) the hidden layer's pre-activation and activation histograms now, and the dead-unit ratio;
 * (5) per-layer gradient norms and update/weight ratios (log y) over the 10⁻³ band.
 */
import type { LineChartHandle } from '../plots/types';
import { accuracyData, deadData, gradientData, hiddenData, lossData, ratioData } from './charts';
import type { ViewKit } from './kit';
import type { DashboardRecord } from './record';

export interface CurveView {
  draw(record: DashboardRecord, reference: DashboardRecord | null): void;
  destroy(): void;
}

function curveView(charts: LineChartHandle[], draw: (record: DashboardRecord, reference: DashboardRecord | null) => void): CurveView {
  return {
    draw,
    destroy: () => charts.forEach((chart) => chart.destroy()),
  };
}

/** View 2. `epochs`: the run's length (the x axis is fixed to it, so the curves grow into a still frame). */
export function curvesView(panel: HTMLElement, kit: ViewKit, epochs: number): CurveView {
  const { t } = kit;
  const x = { nice: false, domain: [0, epochs] as [number, number] };
  const loss = kit.chart(panel, 'loss', x, { include: 0 }, true);
  const accuracy = kit.chart(panel, 'accuracy', x, { domain: [0, 1] });
  return curveView([loss, accuracy], (record, reference) => {
    const names = { train: kit.names(t.series.train), validation: kit.names(t.series.validation) };
    loss.update(lossData(record, reference, names));
    accuracy.update(accuracyData(record, reference, names));
  });
}

/** View 4. */
export function activationsView(panel: HTMLElement, kit: ViewKit, epochs: number): CurveView {
  const { t } = kit;
  const hidden = kit.chart(panel, 'hidden', { nice: true }, {}, true);
  const dead = kit.chart(panel, 'dead', { nice: false, domain: [0, epochs] }, { domain: [0, 1] });
  return curveView([hidden, dead], (record, reference) => {
    const names = { preActivation: kit.names(t.series.preActivation), activation: kit.names(t.series.activation) };
    const deadNames = kit.names(t.series.dead);
    hidden.update(hiddenData(record, reference, names));
    dead.update(deadData(record, reference, deadNames));
  });
}

/** View 5. */
export function gradientsView(panel: HTMLElement, kit: ViewKit, epochs: number): CurveView {
  const x = { nice: false, domain: [0, epochs] as [number, number] };
  const gradients = kit.chart(panel, 'gradients', x, { type: 'log' });
  const ratios = kit.chart(panel, 'ratios', x, { type: 'log' });
  const layerNames = (layer: number) => kit.names(kit.layer(layer));
  return curveView([gradients, ratios], (record, reference) => {
    gradients.update(gradientData(record, reference, layerNames));
    ratios.update(ratioData(record, reference, layerNames, kit.t.series.band, epochs));
  });
}
