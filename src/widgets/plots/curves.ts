/** A plain chart of named curves: activation functions and their derivatives, sweeps, anything x–y. */
import type { CurvesOptions, LineChartData } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

type CurvesData = CurvesOptions['data'];

export function curves(container: HTMLElement, options: CurvesOptions): MappedLineChart<CurvesData> {
  const map = (data: CurvesData): LineChartData => ({ series: data.curves.map((c) => ({ ...c })), guides: data.guides });
  const chart = lineChart(container, { ...options, kind: options.kind ?? 'curves', data: map(options.data) });
  return mapped(chart, map);
}
