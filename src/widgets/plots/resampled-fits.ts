/**
 * Bias–variance: fits from many resampled training sets overlaid (their spread is the variance), their mean
 * (its distance to the truth is the bias) and the true function.
 */
import type { LineChartData, LineSeries, ResampledFitsData, ResampledFitsOptions } from './types';
import { lineChart } from './line-chart';
import { formatValue } from './format';
import { mapped, type MappedLineChart } from './wrap';

export function resampledFits(container: HTMLElement, options: ResampledFitsOptions): MappedLineChart<ResampledFitsData> {
  const { labels, locale } = options;
  if (options.data.training && !labels.training) throw new Error('resampledFits: labels.training is required when data.training is given');
  const map = (data: ResampledFitsData): LineChartData => {
    const series: LineSeries[] = [];
    if (data.fits.length) {
      series.push({ id: '__fits-legend', name: labels.fit, points: [], color: 5, width: 1, opacity: 0.6, showSymbols: false, hideInTable: true });
    }
    data.fits.forEach((points, i) =>
      series.push({
        id: `fit:${i}`,
        name: `${labels.fit} ${formatValue(locale, i + 1)}`,
        points,
        color: 5,
        dash: 0,
        width: 1,
        opacity: 0.35,
        showSymbols: false,
        hideInLegend: true,
      }),
    );
    series.push({ id: 'truth', name: labels.truth, points: data.truth, color: 7, dash: 1, width: 2, symbol: 1 });
    series.push({ id: 'mean', name: labels.mean, points: data.mean, color: 3, dash: 0, width: 3, symbol: 0 });
    if (data.training) series.push({ id: 'training', name: labels.training!, points: data.training, mark: 'dot', color: 7, symbol: 2, opacity: 0.8 });
    return { series };
  };
  const chart = lineChart(container, { ...options, kind: 'resampled-fits', data: map(options.data) });
  return mapped(chart, map);
}
