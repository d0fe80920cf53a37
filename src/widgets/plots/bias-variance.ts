/**
 * Bias–variance: expected test error = bias² + variance + noise, against model complexity or epochs.
 * 'lines' draws each term; 'stacked' stacks noise, bias² and variance as bands under the total.
 * The measured expected error (dots) should sit on the total.
 */
import type { DecompositionData, DecompositionOptions, DecompositionRow, LineChartData, LineSeries } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';
import type { TableModel } from './table';

const total = (r: DecompositionRow) => r.total ?? r.bias2 + r.variance + r.noise;

export function biasVarianceDecomposition(container: HTMLElement, options: DecompositionOptions): MappedLineChart<DecompositionData> {
  const { labels } = options;
  const mode = options.mode ?? 'lines';
  if (options.data.rows.some((r) => r.measured !== undefined) && !labels.measured) {
    throw new Error('biasVarianceDecomposition: labels.measured is required when rows have measured values');
  }
  let current = options.data;

  const map = (data: DecompositionData): LineChartData => {
    current = data;
    const rows = [...data.rows].sort((a, b) => a.x - b.x);
    const at = (f: (r: DecompositionRow) => number) => rows.map((r) => ({ x: r.x, y: f(r) }));
    const series: LineSeries[] = [];
    if (mode === 'stacked') {
      const noise = at((r) => r.noise);
      const noiseBias = at((r) => r.noise + r.bias2);
      series.push(
        { id: 'noise', name: labels.noise, points: noise, mark: 'area', color: 7, readoutValues: rows.map((r) => r.noise) },
        { id: 'bias2', name: labels.bias2, points: noiseBias, lower: noise, mark: 'area', color: 3, readoutValues: rows.map((r) => r.bias2) },
        { id: 'variance', name: labels.variance, points: at(total), lower: noiseBias, mark: 'area', color: 0, readoutValues: rows.map((r) => r.variance) },
      );
    } else {
      series.push(
        { id: 'bias2', name: labels.bias2, points: at((r) => r.bias2), color: 3, dash: 0, symbol: 1 },
        { id: 'variance', name: labels.variance, points: at((r) => r.variance), color: 0, dash: 1, symbol: 0 },
        { id: 'noise', name: labels.noise, points: at((r) => r.noise), color: 7, dash: 2, symbol: 5, width: 1.5 },
      );
    }
    series.push({ id: 'total', name: labels.total, points: at(total), color: 2, dash: 3, symbol: 3, width: 2.5 });
    const measured = rows.filter((r) => r.measured !== undefined);
    if (measured.length && labels.measured) {
      series.push({ id: 'measured', name: labels.measured, points: measured.map((r) => ({ x: r.x, y: r.measured! })), mark: 'dot', color: 4, symbol: 6 });
    }
    return { series };
  };

  const table = (): TableModel => {
    const hasMeasured = current.rows.some((r) => r.measured !== undefined);
    return {
      columns: [labels.x, labels.bias2, labels.variance, labels.noise, labels.total, ...(hasMeasured ? [labels.measured!] : [])],
      rows: [...current.rows]
        .sort((a, b) => a.x - b.x)
        .map((r) => [r.x, r.bias2, r.variance, r.noise, total(r), ...(hasMeasured ? [r.measured ?? null] : [])]),
    };
  };

  const chart = lineChart(container, {
    ...options,
    kind: 'bias-variance',
    data: map(options.data),
    x: { type: options.xType ?? 'linear' },
    y: { type: options.logY ? 'log' : 'linear', include: options.logY ? undefined : 0 },
    table,
  });
  return mapped(chart, map);
}
