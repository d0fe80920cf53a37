/**
 * Learning rate: the LR range test. The rate grows every step; loss is drawn against rate on a log axis, and
 * the suggested rate (typically where the smoothed loss falls fastest, a bit before its minimum) is marked.
 */
import type { LineChartData, LrRangeTestData, LrRangeTestOptions } from './types';
import { lineChart } from './line-chart';
import { nearestIndex } from './path';
import { formatValue } from './format';
import { mapped, type MappedLineChart } from './wrap';

export function lrRangeTest(container: HTMLElement, options: LrRangeTestOptions): MappedLineChart<LrRangeTestData> {
  const { labels, locale } = options;
  const map = (data: LrRangeTestData): LineChartData => {
    const chartData: LineChartData = { series: [{ id: 'loss', name: labels.loss, points: data.points, color: 0 }] };
    if (data.suggested !== undefined && Number.isFinite(data.suggested)) {
      chartData.guides = [{ axis: 'x', value: data.suggested, label: `${labels.suggested}: ${formatValue(locale, data.suggested)}` }];
      const at = data.points[nearestIndex(data.points, data.suggested)];
      if (at) {
        chartData.series.push({ id: 'suggested', name: labels.suggested, points: [at], mark: 'dot', color: 3, symbol: 6, hideInLegend: true, hideInTable: true });
      }
    }
    return chartData;
  };
  const chart = lineChart(container, {
    ...options,
    kind: 'lr-range-test',
    data: map(options.data),
    x: { type: 'log' },
    smoothing: options.smoothing ?? 0.6,
    yCapFactor: 2,
  });
  return mapped(chart, map);
}
