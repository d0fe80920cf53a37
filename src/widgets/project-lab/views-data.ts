/**
 * The views of lesson 2's data experiments (plans-data.ts): `class-imbalance` — overall validation accuracy and
 * the fives' recall against the fraction of fives kept, and where the fives go when only 3 % remain;
 * `label-noise` — validation accuracy and accuracy on the noisy training labels against epochs, per noise level.
 */
import type { ProgressEvent } from '@engine/types';
import { accuracyCurves } from '../digits-experiment/charts';
import type { DigitsResults } from '../digits-experiment/results';
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import { fill, type WidgetStrings } from '../shell/text';
import { classRecall, finiteMean } from './measures';
import { STEPS_PER_EPOCH } from './plan';
import { KEEP_FRACTIONS, RARE_CLASS } from './plans-data';

/** Per arm (a fraction kept), the last validation confusion matrix of each seed. */
export type Confusions = Map<string, number[][][]>;

export function keepConfusion(confusions: Confusions, arm: string, event: ProgressEvent): void {
  if (event.confusion) confusions.set(arm, event.confusion);
}

/** Per fraction kept: overall accuracy and the fives' recall, per seed (NaN when diverged). */
export function imbalanceFinals(results: DigitsResults, confusions: Confusions): { fraction: number; accuracy: number[]; recall: number[] }[] {
  return KEEP_FRACTIONS.map((fraction) => ({
    fraction,
    accuracy: results.accuracyAt(String(fraction)).map((v) => v ?? Number.NaN),
    recall: (confusions.get(String(fraction)) ?? []).map((matrix) => classRecall(matrix, RARE_CLASS)),
  }));
}

/** Accuracy and recall of the fives against the fraction kept (log x): mean lines and a dot per seed. */
export function imbalanceChart(results: DigitsResults, confusions: Confusions, names: { accuracy: string; recall: string; seeds: string }): LineChartData {
  const finals = imbalanceFinals(results, confusions);
  const series: LineSeries[] = [];
  (['accuracy', 'recall'] as const).forEach((key, index) => {
    const line: XYPoint[] = [];
    const dots: XYPoint[] = [];
    for (const row of finals) {
      row[key].filter(Number.isFinite).forEach((y) => dots.push({ x: row.fraction, y }));
      const m = finiteMean(row[key]);
      if (Number.isFinite(m)) line.push({ x: row.fraction, y: m });
    }
    series.push({ id: key, name: names[key], points: line, color: index, dash: index, symbol: index });
    series.push({ id: `${key}-seeds`, name: `${names[key]} · ${names.seeds}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.6, hideInLegend: true });
  });
  return { series };
}

/** Where the validation fives go at the smallest fraction: the mean count predicted as each class. */
export function rareRowChart(confusions: Confusions, name: string): LineChartData {
  const matrices = confusions.get(String(KEEP_FRACTIONS.at(-1))) ?? [];
  const points = Array.from({ length: 10 }, (_, c) => ({ x: c, y: finiteMean(matrices.map((matrix) => matrix[RARE_CLASS]?.[c] ?? Number.NaN)) })).filter((p) => Number.isFinite(p.y));
  return { series: [{ id: 'row', name, points, mark: 'dot', color: 3, symbol: 0, symbolSize: 5 }] };
}

/** Accuracy on the (noisy) training labels against epochs, one mean line per noise level over its seeds' band. */
export function noisyTrainChart(results: DigitsResults, label: (arm: string) => string): LineChartData {
  const asTrain = { arms: new Map([...results.arms].map(([arm, series]) => [arm, { ...series, accuracy: series.train }])) } as DigitsResults;
  const data = accuracyCurves(asTrain, label);
  return { ...data, series: data.series.map((s) => ({ ...s, points: s.points.map((p) => ({ x: p.x / STEPS_PER_EPOCH, y: p.y })), ...(s.lower ? { lower: s.lower.map((p) => ({ x: p.x / STEPS_PER_EPOCH, y: p.y })) } : {}) })) };
}

/** The readout of `class-imbalance`: accuracy and recall (means over seeds) at every fraction. */
export function imbalanceReadout(results: DigitsResults, confusions: Confusions, t: WidgetStrings['projectLab'], percent: Intl.NumberFormat): string {
  const values = imbalanceFinals(results, confusions).map((row) => fill(t.readouts.imbalanceValue, { k: percent.format(row.fraction), accuracy: percent.format(finiteMean(row.accuracy)), recall: percent.format(finiteMean(row.recall)) }));
  return fill(t.readouts.imbalance, { values: values.join(' · ') });
}

/** The readout of `label-noise`: per level, the final validation accuracy and its peak (means over seeds). */
export function noiseReadout(results: DigitsResults, t: WidgetStrings['projectLab'], percent: Intl.NumberFormat): string {
  const values = [...results.arms.entries()].map(([arm, series]) => {
    const peaks = series.accuracy.map((values) => Math.max(...values.filter(Number.isFinite)));
    return fill(t.readouts.noiseValue, { q: percent.format(Number(arm)), final: percent.format(results.meanAccuracy(arm)), peak: percent.format(finiteMean(peaks)) });
  });
  return fill(t.readouts.noise, { values: values.join(' · ') });
}
