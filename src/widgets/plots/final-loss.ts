/**
 * Learning rate: final loss against learning rate (the U shape: too small learns slowly, too large diverges).
 * Also fits any "final value against a swept setting", e.g. final loss against width.
 */
import type { FinalLossData, FinalLossOptions, LineChartData, LineSeries } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

export function finalLossData(data: FinalLossData, name: string): LineChartData {
  const runs = [...data.runs].sort((a, b) => a.x - b.x);
  const series: LineSeries[] = [{ id: 'final', name, points: runs.map((r) => ({ x: r.x, y: r.loss })), color: 0 }];
  // Each diverged run gets its own marker at its rate, on the top edge when its loss is off the chart.
  runs.forEach((run, i) => {
    if (run.diverged) {
      series.push({ id: `diverged:${i}`, name, points: [], diverged: true, divergedAt: run.x, color: 3, hideInLegend: true, hideInTable: true });
    }
  });
  return { series };
}

export function finalLoss(container: HTMLElement, options: FinalLossOptions): MappedLineChart<FinalLossData> {
  const map = (data: FinalLossData) => finalLossData(data, options.labels.loss);
  const chart = lineChart(container, {
    ...options,
    kind: 'final-loss',
    data: map(options.data),
    x: { type: options.xType ?? 'log' },
    y: { type: options.logY ? 'log' : 'linear', include: options.logY ? undefined : 0 },
    yCapFactor: 2,
  });
  return mapped(chart, map);
}
