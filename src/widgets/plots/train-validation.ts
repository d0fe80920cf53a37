/** Bias–variance: training against validation error, as a function of capacity or of epochs, best point marked. */
import type { LineChartData, TrainValidationData, TrainValidationOptions } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

export function trainVsValidation(container: HTMLElement, options: TrainValidationOptions): MappedLineChart<TrainValidationData> {
  const { labels } = options;
  const map = (data: TrainValidationData): LineChartData => ({
    series: [
      { id: 'train', name: labels.train, points: data.train, color: 0, dash: 0, symbol: 0 },
      { id: 'validation', name: labels.validation, points: data.validation, color: 3, dash: 1, symbol: 2 },
    ],
    guides: data.best !== undefined && labels.best ? [{ axis: 'x', value: data.best, label: labels.best }] : [],
  });
  const chart = lineChart(container, {
    ...options,
    kind: 'train-validation',
    data: map(options.data),
    x: { type: options.xType ?? 'linear', nice: true },
    y: { type: options.logY ? 'log' : 'linear', include: options.logY ? undefined : 0 },
  });
  return mapped(chart, map);
}
