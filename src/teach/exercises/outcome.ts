/**
 * What a finished widget run looks like to exercises, progress and reports: the widget's decoded state,
 * how the run ended, and the numbers the widget exposes as `data-*` attributes (see docs/widgets.md).
 */
import type { AnyState } from '@widgets/shell/params';

export interface RunOutcome {
  /** Widget id on the page. */
  id: string;
  family: string;
  /** The widget's permalink payload (`preset:…,seed:…,…`). */
  payload: string;
  state: AnyState;
  outcome: 'done' | 'failed';
  /** Why it failed: `diverged` or `error`. */
  reason?: string | undefined;
  /** `data-*` attributes of the `<dp-widget>` (camelCase keys, as in `dataset`). */
  data: Record<string, string>;
}

/** `final-losses` → `finalLosses`. */
export function datasetKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export function numberAttribute(run: RunOutcome, name: string): number {
  const raw = run.data[datasetKey(name)];
  return raw === undefined || raw === '' ? Number.NaN : Number(raw);
}

export function finalLosses(run: RunOutcome): Record<string, number | null> {
  try {
    const parsed: unknown = JSON.parse(run.data.finalLosses ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, number | null> = {};
    for (const [key, value] of Object.entries(parsed)) out[key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
    return out;
  } catch {
    return {};
  }
}

/** The single network's final loss (`fit`), or ∞ when it diverged or is missing. */
export function finalLoss(run: RunOutcome, key = 'fit'): number {
  return finalLosses(run)[key] ?? Number.POSITIVE_INFINITY;
}

export function diverged(run: RunOutcome, key = 'fit'): boolean {
  if (run.outcome === 'failed') return run.reason === 'diverged';
  return finalLosses(run)[key] === null;
}

/** `data-final-accuracies` of a DigitsExperiment: `{arm: [validation accuracy per seed]}` (null = diverged). */
export function finalAccuracies(run: RunOutcome, name = 'finalAccuracies'): Record<string, (number | null)[]> {
  try {
    const parsed: unknown = JSON.parse(run.data[name] ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, (number | null)[]> = {};
    for (const [key, value] of Object.entries(parsed)) {
      if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
    }
    return out;
  } catch {
    return {};
  }
}

/** `data-votes` of ProjectLab's ensemble-vote: the mean and best member's accuracy and the two votes'; null when absent or malformed. */
export function voteNumbers(run: RunOutcome): { mean: number; best: number; majority: number; weighted: number } | null {
  try {
    const parsed: unknown = JSON.parse(run.data.votes ?? 'null');
    if (!parsed || typeof parsed !== 'object') return null;
    const record = parsed as Record<string, unknown>;
    const keys = ['mean', 'best', 'majority', 'weighted'] as const;
    if (!keys.every((key) => typeof record[key] === 'number' && Number.isFinite(record[key]))) return null;
    return { mean: record.mean as number, best: record.best as number, majority: record.majority as number, weighted: record.weighted as number };
  } catch {
    return null;
  }
}

/** Mean accuracy of one arm over its seeds, a diverged seed counting as 0; NaN when the arm is missing. */
export function meanAccuracy(values: (number | null)[] | undefined): number {
  if (!values || values.length === 0) return Number.NaN;
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0) / values.length;
}
