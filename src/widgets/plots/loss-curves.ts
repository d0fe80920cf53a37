/** Learning rate: loss curves of several runs on one chart, log-y on demand, smoothing, divergence markers. */
import type { LossCurvesData, LossCurvesOptions, LineChartData } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

export function lossCurvesData(data: LossCurvesData): LineChartData {
  return {
    series: data.runs.map((run) => ({
      id: run.id,
      name: run.name,
      points: run.points,
      diverged: run.diverged,
      divergedAt: run.divergedAt,
    })),
  };
}

export function lossCurves(container: HTMLElement, options: LossCurvesOptions): MappedLineChart<LossCurvesData> {
  const chart = lineChart(container, {
    ...options,
    kind: 'loss-curves',
    data: lossCurvesData(options.data),
    x: { nice: true },
    y: { type: options.logY ? 'log' : 'linear', include: options.logY ? undefined : 0 },
    smoothing: options.smoothing ?? 0,
    yCapFactor: options.yCapFactor ?? 3,
  });
  return mapped(chart, lossCurvesData);
}
