/**
 * Learning rate: the LR range test. The rate grows every step; loss is drawn against rate on a log axis, and
 * the suggested rate (typically where the smoothed loss falls fastest, a bit before its minimum) is marked
 * with a guide line and a star on the drawn (smoothed) curve.
 */
import type { LineChartData, LrRangeTestData, LrRangeTestOptions } from './types';
import { lineChart } from './line-chart';
import { nearestIndex } from './path';
import { smooth } from './smoothing';
import { formatValue } from './format';
import { mapped, type MappedLineChart } from './wrap';

export function lrRangeTest(container: HTMLElement, options: LrRangeTestOptions): MappedLineChart<LrRangeTestData> {
  const { labels, locale } = options;
  let smoothing = options.smoothing ?? 0.6;
  let last = options.data;
  const map = (data: LrRangeTestData): LineChartData => {
    last = data;
    const chartData: LineChartData = { series: [{ id: 'loss', name: labels.loss, points: data.points, color: 0 }] };
    if (data.suggested !== undefined && Number.isFinite(data.suggested)) {
      chartData.guides = [{ axis: 'x', value: data.suggested, label: `${labels.suggested}: ${formatValue(locale, data.suggested)}` }];
      const at = smooth(data.points, smoothing)[nearestIndex(data.points, data.suggested)];
      if (at) {
        chartData.series.push({ id: 'suggested', name: labels.suggested, points: [at], mark: 'dot', color: 3, symbol: 6, symbolSize: 7, hideInLegend: true, hideInTable: true });
      }
    }
    return chartData;
  };
  const chart = lineChart(container, {
    ...options,
    kind: 'lr-range-test',
    data: map(options.data),
    x: { type: 'log' },
    smoothing,
    yCapFactor: 2,
  });
  const plot = mapped(chart, map);
  return {
    ...plot,
    setSmoothing(weight) {
      smoothing = weight;
      chart.update(map(last));
      chart.setSmoothing(weight);
    },
  };
}
