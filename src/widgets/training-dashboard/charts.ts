/**
 * A run's record (and the healthy reference's) → the line charts' data (pure, no DOM). Time runs in epochs. A
 * reference curve is the same quantity of the pre-rendered healthy run, drawn thin, faint and dashed in the same
 * colour as the run's own curve; a reference histogram is the one at the same step (or the last before it).
 */
import type { Histogram } from '@engine/types';
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import { RATIO_BAND } from '../project-lab/charts';
import type { DashboardPoint, DashboardRecord, HiddenHistograms } from './record';

export interface SeriesNames {
  /** A name for the run's curve, and for the reference's (`reference` fills in the run's name). */
  run: string;
  reference: string;
}

const finite = (points: XYPoint[]) => points.filter((p) => Number.isFinite(p.y));
const positive = (points: XYPoint[]) => points.filter((p) => Number.isFinite(p.y) && p.y > 0);

/** One quantity over epochs: the run's curve and, when a reference is given, the reference's behind it. */
function overTime(
  id: string,
  record: DashboardRecord,
  reference: DashboardRecord | null,
  name: SeriesNames,
  color: number,
  pick: (point: DashboardPoint) => number,
  keep: (points: XYPoint[]) => XYPoint[] = finite,
): LineSeries[] {
  const points = (r: DashboardRecord) => keep(r.points.map((p) => ({ x: p.epoch, y: pick(p) })));
  const own: LineSeries = { id, name: name.run, points: points(record), color, dash: 0, symbol: color, ...(record.divergedAt !== null ? { diverged: true } : {}) };
  if (!reference) return [own];
  return [{ id: `${id}-reference`, name: name.reference, points: points(reference), color, dash: 2, width: 1.5, opacity: 0.55, showSymbols: false }, own];
}

export interface PairNames {
  train: SeriesNames;
  validation: SeriesNames;
}

export function lossData(record: DashboardRecord, reference: DashboardRecord | null, names: PairNames): LineChartData {
  return {
    series: [
      ...overTime('train-loss', record, reference, names.train, 0, (p) => p.trainLoss),
      ...overTime('validation-loss', record, reference, names.validation, 1, (p) => p.validationLoss),
    ],
  };
}

export function accuracyData(record: DashboardRecord, reference: DashboardRecord | null, names: PairNames): LineChartData {
  return {
    series: [
      ...overTime('train-accuracy', record, reference, names.train, 0, (p) => p.trainAccuracy),
      ...overTime('validation-accuracy', record, reference, names.validation, 1, (p) => p.validationAccuracy),
    ],
  };
}

export function deadData(record: DashboardRecord, reference: DashboardRecord | null, names: SeriesNames): LineChartData {
  return { series: overTime('dead', record, reference, names, 2, (p) => p.deadFraction) };
}

/** One curve per layer (input → output), log-y: only positive values are drawn. */
export function perLayerData(
  record: DashboardRecord,
  reference: DashboardRecord | null,
  layerName: (layer: number) => SeriesNames,
  pick: (point: DashboardPoint) => number[],
): LineSeries[] {
  return record.layerNames.flatMap((_, layer) => overTime(`layer-${layer + 1}`, record, reference, layerName(layer), layer, (p) => pick(p)[layer] ?? Number.NaN, positive));
}

export function gradientData(record: DashboardRecord, reference: DashboardRecord | null, layerName: (layer: number) => SeriesNames): LineChartData {
  return { series: perLayerData(record, reference, layerName, (p) => p.gradientNorms) };
}

/** Update/weight ratios over the shaded band of the 10⁻³ rule (ProjectLab's band, a factor of 3 either side). */
export function ratioData(record: DashboardRecord, reference: DashboardRecord | null, layerName: (layer: number) => SeriesNames, bandName: string, epochs: number): LineChartData {
  const edge = (y: number) => [{ x: 0, y }, { x: epochs, y }];
  const band: LineSeries = { id: 'band', name: bandName, points: edge(RATIO_BAND.to), lower: edge(RATIO_BAND.from), mark: 'area', color: 7, opacity: 0.15, hideInTable: true };
  return { series: [band, ...perLayerData(record, reference, layerName, (p) => p.updateRatios)] };
}

/** A histogram as a density curve: the share of the values in each bin over the bin's width, at the bin's centre, so
 * histograms with different bins (z and relu(z), a run and its reference) compare by height (bins with none are left
 * out: a log axis must be able to draw them). */
export function histogramPoints(h: Histogram): XYPoint[] {
  const total = h.counts.reduce((sum, c) => sum + c, 0) || 1;
  return h.counts
    .map((c, k) => {
      const [low, high] = [h.edges[k] ?? 0, h.edges[k + 1] ?? 0];
      return { x: (low + high) / 2, y: high > low ? c / total / (high - low) : 0 };
    })
    .filter((p) => p.y > 0);
}

/** The reference's histograms at `step`: the last taken at or before it (the first when none). */
export function histogramsAt(list: HiddenHistograms[], step: number): HiddenHistograms | undefined {
  let found = list[0];
  for (const h of list) if (h.step <= step) found = h;
  return found;
}

export interface HiddenNames {
  preActivation: SeriesNames;
  activation: SeriesNames;
}

/** The hidden layer's latest pre-activation and activation histograms (and the reference's at the same step). */
export function hiddenData(record: DashboardRecord, reference: DashboardRecord | null, names: HiddenNames): LineChartData {
  const latest = record.hidden.at(-1);
  if (!latest) return { series: [] };
  const healthy = reference ? histogramsAt(reference.hidden, latest.step) : undefined;
  const curve = (id: string, h: Histogram, name: string, color: number, isReference: boolean): LineSeries =>
    isReference
      ? { id: `${id}-reference`, name, points: histogramPoints(h), color, dash: 2, width: 1.5, opacity: 0.55, showSymbols: false }
      : { id, name, points: histogramPoints(h), color, dash: 0, symbol: color, showSymbols: false };
  return {
    series: [
      ...(healthy ? [curve('pre', healthy.preActivation, names.preActivation.reference, 3, true), curve('post', healthy.activation, names.activation.reference, 4, true)] : []),
      curve('pre', latest.preActivation, names.preActivation.run, 3, false),
      curve('post', latest.activation, names.activation.run, 4, false),
    ],
  };
}
