/** Gradients: per-layer gradient norm over steps, one line per layer, log-y to show vanishing and exploding. */
import type { GradientNormsOptions, LayerSeriesData, LineChartData } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

export function layerSeriesData(data: LayerSeriesData): LineChartData {
  return { series: data.layers.map((layer) => ({ id: layer.id, name: layer.name, points: layer.points })) };
}

export function gradientNorms(container: HTMLElement, options: GradientNormsOptions): MappedLineChart<LayerSeriesData> {
  const chart = lineChart(container, {
    ...options,
    kind: 'gradient-norms',
    data: layerSeriesData(options.data),
    x: { nice: true },
    y: { type: options.logY === false ? 'linear' : 'log' },
    smoothing: options.smoothing ?? 0,
  });
  return mapped(chart, layerSeriesData);
}
