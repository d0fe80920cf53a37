/**
 * ProjectLab results → chart data (pure, no DOM): validation accuracy against epochs (reusing DigitsExperiment's
 * per-arm mean and seed band), the update ratio per rate against epochs with the 10⁻³ band, final validation
 * loss against the rate, and the members' accuracies beside their two votes.
 */
import { accuracyCurves, type ArmLabel } from '../digits-experiment/charts';
import type { DigitsResults } from '../digits-experiment/results';
import type { Guide, LineChartData, LineSeries } from '../plots/types';
import { RATIO_RATES, STEPS_PER_EPOCH } from './plan';
import type { RatioResults } from './ratio-results';
import type { VoteAccuracies } from './measures';

/** The band around the rule of thumb ‖ΔW‖/‖W‖ ≈ 10⁻³ (a factor of 3 either side). */
export const RATIO_BAND = { from: 10 ** -3.5, to: 10 ** -2.5 } as const;

const toEpochs = (data: LineChartData): LineChartData => ({
  ...data,
  series: data.series.map((series) => ({
    ...series,
    points: series.points.map((p) => ({ x: p.x / STEPS_PER_EPOCH, y: p.y })),
    ...(series.lower ? { lower: series.lower.map((p) => ({ x: p.x / STEPS_PER_EPOCH, y: p.y })) } : {}),
  })),
});

/** Validation accuracy against epochs, one mean line per arm over its seeds' band. */
export function accuracyByEpoch(results: DigitsResults, label: ArmLabel, guides: Guide[] = []): LineChartData {
  return toEpochs(accuracyCurves(results, label, guides));
}

/** Hidden-layer update ratio against epochs, one line per rate (a diverged rate ends in its marker), over the
 * band of the rule of thumb (a legend entry of its own, so its name never covers a curve). */
export function ratioCurves(results: RatioResults, label: (rate: number) => string, bandLabel: string, epochs: number): LineChartData {
  const edge = (y: number) => [{ x: 0, y }, { x: epochs, y }];
  const band: LineSeries = { id: 'band', name: bandLabel, points: edge(RATIO_BAND.to), lower: edge(RATIO_BAND.from), mark: 'area', color: 0, opacity: 0.12, hideInTable: true };
  const series: LineSeries[] = RATIO_RATES.map((rate, r) => {
    const values = results.ratios[r] ?? [];
    const points = results.steps.map((step, i) => ({ x: step / STEPS_PER_EPOCH, y: values[i] ?? Number.NaN })).filter((p) => Number.isFinite(p.y) && p.y > 0);
    return { id: String(rate), name: label(rate), points, color: r, dash: r % 4, symbol: r, ...(results.diverged[r] ? { diverged: true } : {}) };
  });
  return { series: [band, ...series] };
}

/** Final validation loss against the rate (log x); diverged rates get a marker. */
export function lossByRate(results: RatioResults, name: string): LineChartData {
  const losses = results.finalLosses();
  const series: LineSeries[] = [{ id: 'loss', name, points: RATIO_RATES.map((x, r) => ({ x, y: losses[r] ?? Number.NaN })).filter((p) => Number.isFinite(p.y)), color: 0 }];
  RATIO_RATES.forEach((rate, r) => {
    if (results.diverged[r]) series.push({ id: `diverged:${r}`, name, points: [], diverged: true, divergedAt: rate, color: 3, hideInLegend: true, hideInTable: true });
  });
  return { series };
}

/** Each member's validation accuracy as a dot at its seed; the mean member and the two votes as level lines
 * across the seeds, each in the legend (two votes often tie: the legend and table keep both visible). */
export function voteChart(votes: VoteAccuracies, seeds: number[], names: { members: string; mean: string; majority: string; weighted: string }): LineChartData {
  const from = (seeds[0] ?? 1) - 0.4;
  const to = (seeds.at(-1) ?? 5) + 0.4;
  const level = (id: string, name: string, y: number, color: number, dash: number): LineSeries => ({ id, name, points: [{ x: from, y }, { x: to, y }], color, dash, showSymbols: false, hideInTable: true });
  return {
    series: [
      { id: 'members', name: names.members, points: votes.members.map((y, i) => ({ x: seeds[i] ?? i, y })), mark: 'dot', color: 0, symbol: 0, symbolSize: 5 },
      level('mean', names.mean, votes.mean, 7, 1),
      // The solid weighted line first: a majority vote that ties it stays visible, dotted, on top.
      level('weighted', names.weighted, votes.weighted, 2, 0),
      level('majority', names.majority, votes.majority, 1, 2),
    ],
  };
}

/** A y-domain around the members and votes, half a point beyond on each side (one digit is half a point). */
export function voteDomain(votes: VoteAccuracies): [number, number] {
  const values = [...votes.members, votes.mean, votes.majority, votes.weighted];
  return [Math.floor((Math.min(...values) - 0.005) * 100) / 100, Math.ceil((Math.max(...values) + 0.005) * 100) / 100];
}
