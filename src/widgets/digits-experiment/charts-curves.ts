/**
 * Chart data of chapter 1's DigitsExperiment views (pure, no DOM): training (dashed) and validation (solid)
 * accuracy per arm over steps, final accuracies against a numeric setting with one dot per seed, and the hidden
 * layer's weight norm over steps.
 */
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import type { ArmLabel } from './charts';
import { mean, type DigitsResults } from './results';

type Which = 'accuracy' | 'train';

/** Mean over the finite seeds at each event. */
function meanLine(steps: number[], perSeed: number[][]): XYPoint[] {
  return steps.flatMap((x, i) => {
    const values = perSeed.map((seed) => seed[i] ?? Number.NaN).filter((v) => Number.isFinite(v));
    return values.length ? [{ x, y: mean(values) }] : [];
  });
}

/** Per arm: validation accuracy (solid, mean of seeds over the seeds' range as a band) and training accuracy (dashed). */
export function trainValidationCurves(results: DigitsResults, label: ArmLabel, names: { validation: string; train: string }, arms = [...results.arms.keys()], colorOf = (index: number) => index): LineChartData {
  const series: LineSeries[] = [];
  arms.forEach((arm, index) => {
    const data = results.arms.get(arm);
    if (!data) return;
    const color = colorOf(index);
    const low: XYPoint[] = [];
    const high: XYPoint[] = [];
    data.steps.forEach((x, i) => {
      const values = data.accuracy.map((seed) => seed[i] ?? Number.NaN).filter((v) => Number.isFinite(v));
      if (!values.length) return;
      low.push({ x, y: Math.min(...values) });
      high.push({ x, y: Math.max(...values) });
    });
    // The seeds' band only while it stays readable (up to three arms on one chart).
    if (arms.length <= 3) series.push({ id: `band-${arm}`, name: label(arm), points: high, lower: low, mark: 'area', color, opacity: 0.16, hideInLegend: true, hideInTable: true });
    series.push({ id: `validation-${arm}`, name: `${label(arm)} · ${names.validation}`, points: meanLine(data.steps, data.accuracy), color, dash: 0, symbol: index });
    series.push({ id: `train-${arm}`, name: `${label(arm)} · ${names.train}`, points: meanLine(data.steps, data.train), color, dash: 1, symbol: index, showSymbols: false });
  });
  return { series };
}

/**
 * Final accuracy against a numeric setting (training digits, hidden width, dropout rate): a mean line through the
 * arms and one dot per seed, for validation (solid) and training (dashed). `arms`: [x, arm] in x order.
 */
export function finalsByX(results: DigitsResults, arms: [number, string][], names: { validation: string; train: string; seeds: string }): LineChartData {
  const series: LineSeries[] = [];
  (['accuracy', 'train'] as Which[]).forEach((which, index) => {
    const name = which === 'train' ? names.train : names.validation;
    const dots: XYPoint[] = [];
    const line: XYPoint[] = [];
    for (const [x, arm] of arms) {
      const values = results.accuracyAt(arm, undefined, which).filter((v): v is number => v !== null);
      values.forEach((y) => dots.push({ x, y }));
      if (values.length) line.push({ x, y: mean(values) });
    }
    series.push({ id: which, name, points: line, color: index, dash: index, symbol: index });
    series.push({ id: `${which}-seeds`, name: `${name} · ${names.seeds}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.7, hideInLegend: true });
  });
  return { series };
}

/** The hidden layer's weight norm (‖W‖ + ‖b‖) over steps, mean of each arm's seeds: one line per arm. */
export function hiddenNormCurves(results: DigitsResults, label: ArmLabel, colorOf: (arm: string) => number, dashOf: (arm: string) => number): LineChartData {
  return {
    series: [...results.arms.entries()].map(([arm, data], index) => ({
      id: arm,
      name: label(arm),
      points: meanLine(data.steps, data.hiddenNorm),
      color: colorOf(arm),
      dash: dashOf(arm),
      symbol: index,
    })),
  };
}
