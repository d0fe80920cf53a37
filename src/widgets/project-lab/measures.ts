/**
 * The numbers ProjectLab reads out and the claims check asserts (pure, no DOM): the slope of the update ratio
 * against the rate on log-log axes, the rate whose ratio sits nearest the 1e-3 rule, and the votes' accuracies.
 */
import { accuracyOf, confidenceVote, majorityVote } from '@engine/train/ensemble';

/** Least-squares slope of log10 y against log10 x over the finite positive pairs (NaN with fewer than two). */
export function slopeOf(x: number[], y: number[]): number {
  const pairs = x.map((v, i) => [Math.log10(v), Math.log10(y[i] ?? Number.NaN)] as const).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  if (pairs.length < 2) return Number.NaN;
  const mx = pairs.reduce((s, [a]) => s + a, 0) / pairs.length;
  const my = pairs.reduce((s, [, b]) => s + b, 0) / pairs.length;
  const sxy = pairs.reduce((s, [a, b]) => s + (a - mx) * (b - my), 0);
  const sxx = pairs.reduce((s, [a]) => s + (a - mx) ** 2, 0);
  return sxy / sxx;
}

/** Median of the finite values (NaN when none). */
export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The index of the series (one per rate, ratio per event) whose median ratio is nearest 1e-3 on a log scale. */
export function ratioNearBand(series: number[][], target = 1e-3): number {
  const distances = series.map((values) => {
    const m = median(values.filter((v) => v > 0));
    return Number.isFinite(m) ? Math.abs(Math.log10(m / target)) : Number.POSITIVE_INFINITY;
  });
  return distances.indexOf(Math.min(...distances));
}

export interface VoteAccuracies {
  members: number[];
  mean: number;
  best: number;
  majority: number;
  weighted: number;
}

const argmax = (row: number[]) => row.reduce((best, v, c) => (v > row[best]! ? c : best), 0);

/** Validation accuracy of each member, their mean and best, and of the two votes (`majority`, `weighted`). */
export function voteAccuracies(predictions: number[][][], labels: number[]): VoteAccuracies {
  const members = predictions.map((member) => accuracyOf(member.map(argmax), labels));
  return {
    members,
    mean: members.reduce((a, b) => a + b, 0) / members.length,
    best: Math.max(...members),
    majority: accuracyOf(majorityVote(predictions), labels),
    weighted: accuracyOf(confidenceVote(predictions), labels),
  };
}

/** Recall of class `c` from a confusion matrix `[true][predicted]` (NaN when the class has no rows or the member diverged). */
export function classRecall(matrix: number[][] | undefined, c: number): number {
  const row = matrix?.[c];
  if (!row) return Number.NaN;
  const total = row.reduce((a, b) => a + b, 0);
  return total > 0 ? (row[c] ?? 0) / total : Number.NaN;
}

/** Mean of the finite values (NaN when none). */
export function finiteMean(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : Number.NaN;
}
