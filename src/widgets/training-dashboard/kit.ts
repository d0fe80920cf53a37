/** What every dashboard view is built with: the page's strings and locale, and a helper that adds a line chart. */
import { figureLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { AxisOptions, LineChartHandle, LineChartLabels } from '../plots/types';
import type { WidgetStrings } from '../shell/text';
import { fill } from '../shell/text';
import type { SeriesNames } from './charts';

export type DashboardStrings = WidgetStrings['dashboard'];
export type DashboardChart = keyof DashboardStrings['charts'];

export interface ViewKit {
  strings: WidgetStrings;
  t: DashboardStrings;
  locale: string;
  /** A figure's labels: the chart's title, description and axes, the shared toolbar strings, and the log-y toggle. */
  labels(key: DashboardChart, logY?: boolean): LineChartLabels;
  /** A line chart in a new box of `panel`. */
  chart(panel: HTMLElement, key: DashboardChart, x: AxisOptions, y: AxisOptions, logY?: boolean): LineChartHandle;
  /** A curve's name and its reference's (`reference` filled with the run's name: «treinamento (referência saudável)»). */
  names(run: string): SeriesNames;
  /** The template of a reference curve's name (`{name}`): the strings' `series.reference` unless `setReference` named it. */
  reference: string;
  /** The name of layer `index` (engine order: the hidden layer, then the output layer). */
  layer(index: number): string;
}

export function viewKit(strings: WidgetStrings, locale: string): ViewKit {
  const t = strings.dashboard;
  const labels = (key: DashboardChart, logY = false): LineChartLabels => ({
    ...t.charts[key],
    ...figureLabels(strings),
    ...(logY ? { logY: strings.plots.common.logY } : {}),
    diverged: strings.plots.common.diverged,
  });
  const kit: ViewKit = {
    strings,
    t,
    reference: t.series.reference,
    locale,
    labels,
    chart(panel, key, x, y, logY = false) {
      const box = document.createElement('div');
      box.className = 'dp-dash__chart';
      panel.append(box);
      return lineChart(box, { locale, labels: labels(key, logY), data: { series: [] }, x, y });
    },
    names: (run) => ({ run, reference: fill(kit.reference, { name: run }) }),
    layer: (index) => (index === 0 ? t.series.hidden : index === 1 ? t.series.output : fill(t.series.layer, { layer: index + 1 })),
  };
  return kit;
}
