/**
 * DigitsResults → chart data (pure, no DOM): accuracy curves per arm (mean of seeds with the seeds' range as a
 * band), final accuracies as dots per seed, paired per-seed lines, loss and weight-norm curves.
 */
import type { Guide, LineChartData, LineSeries, XYPoint } from '../plots/types';
import { mean, type DigitsResults } from './results';

export type ArmLabel = (arm: string) => string;

const finite = (values: number[]) => values.filter((v) => Number.isFinite(v));

/** Mean (over the seeds still finite) at every event, and the min–max band. */
function meanAndBand(steps: number[], perSeed: number[][]): { mean: XYPoint[]; low: XYPoint[]; high: XYPoint[] } {
  const out = { mean: [] as XYPoint[], low: [] as XYPoint[], high: [] as XYPoint[] };
  steps.forEach((x, i) => {
    const values = finite(perSeed.map((seed) => seed[i] ?? Number.NaN));
    if (!values.length) return;
    out.mean.push({ x, y: mean(values) });
    out.low.push({ x, y: Math.min(...values) });
    out.high.push({ x, y: Math.max(...values) });
  });
  return out;
}

/** Validation accuracy vs step: one line per arm (mean of seeds) over a band spanning its seeds. */
export function accuracyCurves(results: DigitsResults, label: ArmLabel, guides: Guide[] = []): LineChartData {
  const series: LineSeries[] = [];
  [...results.arms.entries()].forEach(([arm, data], index) => {
    const { mean: line, low, high } = meanAndBand(data.steps, data.accuracy);
    series.push({ id: `band-${arm}`, name: label(arm), points: high, lower: low, mark: 'area', color: index, opacity: 0.18, hideInLegend: true, hideInTable: true });
    series.push({ id: arm, name: label(arm), points: line, color: index, dash: index, symbol: index });
  });
  return { series, guides };
}

/** Training loss vs step of each arm's first seed (diverged runs end in the marker). */
export function lossCurves(results: DigitsResults, label: ArmLabel): LineChartData {
  return {
    series: [...results.arms.entries()].map(([arm, data], index) => {
      const losses = data.loss[0] ?? [];
      const points = data.steps.map((x, i) => ({ x, y: losses[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.y));
      const diverged = losses.some((v) => !Number.isFinite(v));
      return { id: arm, name: label(arm), points, color: index, dash: index, symbol: index, diverged };
    }),
  };
}

/** Largest unit norm per hidden layer vs step (over each arm's seeds), with `guides` (the max-norm cap). */
export function normCurves(results: DigitsResults, label: (arm: string, layer: number) => string, layers: readonly string[], guides: Guide[] = []): LineChartData {
  const series: LineSeries[] = [];
  [...results.arms.entries()].forEach(([arm, data], a) => {
    layers.forEach((layer, l) => {
      const norms = data.norms.get(layer) ?? [];
      const points = data.steps.map((x, i) => ({ x, y: norms[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.y) && p.y > 0);
      series.push({ id: `${arm}-${layer}`, name: label(arm, l + 1), points, color: a, dash: l, symbol: a * layers.length + l });
    });
  });
  return { series, guides };
}

/**
 * Final accuracy against a numeric x per arm group: for each group (e.g. a hidden width) a mean line through its
 * arms and one dot per seed. `groups`: name → [x, arm][] in x order.
 */
export function finalDots(results: DigitsResults, groups: { id: string; name: string; arms: [number, string][] }[], seedName: string): LineChartData {
  const series: LineSeries[] = [];
  groups.forEach((group, index) => {
    const dots: XYPoint[] = [];
    const line: XYPoint[] = [];
    for (const [x, arm] of group.arms) {
      const values = results.accuracyAt(arm).filter((v): v is number => v !== null);
      values.forEach((y) => dots.push({ x, y }));
      if (values.length) line.push({ x, y: mean(values) });
    }
    series.push({ id: group.id, name: group.name, points: line, color: index, dash: index, symbol: index });
    series.push({ id: `${group.id}-seeds`, name: `${group.name} · ${seedName}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.7, hideInLegend: true });
  });
  return { series };
}

/** Paired lines: one per seed from (x₀, accuracy of arm₀) to (x₁, accuracy of arm₁), and their mean. */
export function pairedLines(results: DigitsResults, pair: [[number, string], [number, string]], seedName: (index: number) => string, meanName: string): LineChartData {
  const [a, b] = pair.map(([x, arm]) => ({ x, values: results.accuracyAt(arm) }));
  const series: LineSeries[] = [];
  const seeds = Math.max(a!.values.length, b!.values.length);
  for (let s = 0; s < seeds; s++) {
    const points = [a!, b!].flatMap((side) => (side.values[s] == null ? [] : [{ x: side.x, y: side.values[s] as number }]));
    series.push({ id: `seed-${s}`, name: seedName(s), points, color: 7, dash: 0, symbol: s, width: 1.2, opacity: 0.7 });
  }
  const means = [a!, b!].flatMap((side) => {
    const values = side.values.filter((v): v is number => v !== null);
    return values.length ? [{ x: side.x, y: mean(values) }] : [];
  });
  series.push({ id: 'mean', name: meanName, points: means, color: 0, dash: 0, symbol: 0, width: 3 });
  return { series };
}
