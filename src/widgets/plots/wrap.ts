/** Turn a line chart into a typed plot whose data is mapped onto line-chart data on every update. */
import type { LineChartData, LineChartHandle, PlotHandle } from './types';

export interface MappedLineChart<D> extends PlotHandle<D> {
  setLogY(on: boolean): void;
  setSmoothing(weight: number): void;
}

export function mapped<D>(chart: LineChartHandle, map: (data: D) => LineChartData): MappedLineChart<D> {
  return {
    element: chart.element,
    dataFormat: chart.dataFormat,
    update: (data) => chart.update(map(data)),
    destroy: () => chart.destroy(),
    exportData: () => chart.exportData(),
    exportSvg: () => chart.exportSvg(),
    exportPng: () => chart.exportPng(),
    setLogY: (on) => chart.setLogY(on),
    setSmoothing: (w) => chart.setSmoothing(w),
  };
}
