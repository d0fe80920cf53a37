/** Builds the already-translated label objects the plot primitives take, from the widget strings. */
import type { LineChartLabels } from '../plots/types';
import type { WidgetStrings } from '../shell/text';

export type PlotKey = keyof WidgetStrings['plots']['charts'];

export function chartLabels(strings: WidgetStrings, key: PlotKey): LineChartLabels {
  const common = strings.plots.common;
  const chart = strings.plots.charts[key];
  return {
    title: chart.title,
    description: chart.description,
    x: chart.x,
    y: chart.y,
    showTable: common.showTable,
    hideTable: common.hideTable,
    exportPng: common.exportPng,
    exportSvg: common.exportSvg,
    exportData: common.exportData,
    keyboardHint: common.keyboardHint,
    logY: common.logY,
    diverged: common.diverged,
  };
}
