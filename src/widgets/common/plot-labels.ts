/** Builds the already-translated label objects the plot primitives take, from the widget strings. */
import type { LineChartLabels } from '../plots/types';
import type { WidgetStrings } from '../shell/text';

export type PlotKey = keyof WidgetStrings['plots']['charts'];

/** The labels every figure shares: its table toggle, exports and keyboard hint. */
export function figureLabels(strings: WidgetStrings) {
  const common = strings.plots.common;
  return {
    showTable: common.showTable,
    hideTable: common.hideTable,
    download: common.download,
    exportPng: common.exportPng,
    exportSvg: common.exportSvg,
    exportCsv: common.exportCsv,
    exportJson: common.exportJson,
    keyboardHint: common.keyboardHint,
  };
}

/**
 * A chart's labels. `logScale: false` leaves out the log-y toggle: for charts of function values (activations,
 * fits), where y ≤ 0 is the normal case and a log axis would mean nothing.
 */
export function chartLabels(strings: WidgetStrings, key: PlotKey, { logScale = true } = {}): LineChartLabels {
  const common = strings.plots.common;
  const chart = strings.plots.charts[key];
  return {
    title: chart.title,
    description: chart.description,
    x: chart.x,
    y: chart.y,
    ...figureLabels(strings),
    ...(logScale ? { logY: common.logY } : {}),
    diverged: common.diverged,
  };
}
