/**
 * Gradients: per-layer update/weight ratio ‖Δw‖/‖w‖ over steps against a guide line (default 10⁻³, the usual
 * rule of thumb: much lower learns too slowly, much higher is unstable).
 */
import type { LayerSeriesData, LineChartData, UpdateRatioOptions } from './types';
import { lineChart } from './line-chart';
import { layerSeriesData } from './gradient-norms';
import { mapped, type MappedLineChart } from './wrap';

export function updateRatio(container: HTMLElement, options: UpdateRatioOptions): MappedLineChart<LayerSeriesData> {
  const guideValue = options.guideValue ?? 1e-3;
  const map = (data: LayerSeriesData): LineChartData => ({
    ...layerSeriesData(data),
    guides: [{ axis: 'y', value: guideValue, label: options.labels.guide }],
  });
  const chart = lineChart(container, {
    ...options,
    kind: 'update-ratio',
    data: map(options.data),
    x: { nice: true },
    y: { type: 'log' },
    smoothing: options.smoothing ?? 0,
  });
  return mapped(chart, map);
}
