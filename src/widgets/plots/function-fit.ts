/**
 * Model view: a 1-D function fit. Target, training points, the network's prediction(s), the contribution of
 * each hidden unit drawn thin underneath, the training domain shaded, and readouts such as learned w and b.
 */
import type { FunctionFitData, FunctionFitOptions, LineChartData, LineSeries } from './types';
import { lineChart } from './line-chart';
import { mapped, type MappedLineChart } from './wrap';

// Fixed palette slots so that colours do not shift when optional layers come and go.
const TARGET = 7;
const TRAINING = 5;
const UNITS = 6;

export function functionFitData(data: FunctionFitData, labels: FunctionFitOptions['labels']): LineChartData {
  const series: LineSeries[] = [];
  for (const key of ['target', 'training', 'units'] as const) {
    if (data[key] && !labels[key]) throw new Error(`functionFit: labels.${key} is required when data.${key} is given`);
  }
  const units = data.units ?? [];
  if (units.length && labels.units) {
    // One legend entry stands for all unit curves.
    series.push({ id: '__units-legend', name: labels.units, points: [], color: UNITS, dash: 2, width: 1.2, showSymbols: false, hideInTable: true });
  }
  units.forEach((unit) =>
    series.push({ ...unit, id: `unit:${unit.id}`, color: UNITS, dash: 2, width: 1.2, opacity: 0.7, showSymbols: false, hideInLegend: true }),
  );
  if (data.target && labels.target) {
    series.push({ id: '__target', name: labels.target, points: data.target, color: TARGET, dash: 1, width: 2, showSymbols: false });
  }
  if (data.training && labels.training) {
    series.push({ id: '__training', name: labels.training, points: data.training, mark: 'dot', color: TRAINING, symbol: 0, opacity: 0.8 });
  }
  data.predictions.forEach((p, i) => series.push({ ...p, color: i, dash: i === 0 ? 0 : i, symbol: i + 1, width: 2.5 }));
  return {
    series,
    bands: data.domain ? [{ axis: 'x', from: data.domain[0], to: data.domain[1], label: labels.domain }] : [],
    readouts: data.readouts,
  };
}

export function functionFit(container: HTMLElement, options: FunctionFitOptions): MappedLineChart<FunctionFitData> {
  const map = (data: FunctionFitData) => functionFitData(data, options.labels);
  const chart = lineChart(container, {
    ...options,
    kind: 'function-fit',
    data: map(options.data),
    y: { domain: options.yDomain },
  });
  return mapped(chart, map);
}
