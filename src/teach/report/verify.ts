/**
 * Verification of one reported experiment: its settings must be the assignment's where the assignment locked
 * them, and a replay on the same backend must give the same numbers (within float tolerance). Pure compare
 * functions here; the replay itself is in replay.ts.
 */
import { allDefinitions } from '@widgets/definitions';
import { decodeState, linkScope } from '@widgets/shell/permalink';
import type { Setup } from '../assignment/model';
import type { ReportExperiment } from './report';
import type { Replayed } from './replay';

export type Verdict =
  | { status: 'ok' }
  | { status: 'bad'; reason: 'numbers' | 'setting' | 'missing' | 'replayFailed'; keys?: string[] }
  | { status: 'unverifiable'; reason: 'backend'; backend: string };

/** Backends whose arithmetic is the same on every machine (plain JS and WebAssembly on the CPU). */
const CPU_CLASS = new Set(['cpu', 'wasm', 'dense-wasm']);

function stateOf(family: string, payload: string) {
  const definition = allDefinitions.find((candidate) => candidate.family === family);
  if (!definition) return null;
  const decoded = decodeState(definition, payload, linkScope(definition, '', true));
  return decoded.ok ? decoded.state : null;
}

/** Keys whose values differ between the assigned setup and the reported settings, among the locked ones. */
export function settingDifferences(setup: Setup, experiment: ReportExperiment): string[] {
  const assigned = stateOf(setup.family, setup.payload);
  const reported = stateOf(experiment.family, experiment.payload);
  if (!assigned || !reported || setup.family !== experiment.family) return ['family'];
  const mustMatch = ['preset', 'backend', ...setup.locked, ...setup.hidden];
  return [...new Set(mustMatch)].filter((key) => String(assigned[key]) !== String(reported[key]));
}

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value === null) out.push(Number.NaN);
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, out));
  else if (value && typeof value === 'object') for (const key of Object.keys(value).sort()) {
    out.push(Number.isFinite(Number(key)) ? Number(key) : key.length);
    numbersIn((value as Record<string, unknown>)[key], out);
  }
  return out;
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Two result attributes agree: same shape, every number within 1e-6 absolute or 1e-4 relative. */
export function sameNumbers(a: string, b: string): boolean {
  const left = numbersIn(parse(a));
  const right = numbersIn(parse(b));
  if (left.length !== right.length || left.length === 0) return a === b;
  return left.every((value, index) => {
    const other = right[index] ?? Number.NaN;
    if (Number.isNaN(value) || Number.isNaN(other)) return Number.isNaN(value) && Number.isNaN(other);
    return Math.abs(value - other) <= 1e-6 + 1e-4 * Math.max(Math.abs(value), Math.abs(other));
  });
}

export function compare(experiment: ReportExperiment, replayed: Replayed): Verdict {
  if (replayed.backend !== experiment.backend || !CPU_CLASS.has(experiment.backend)) {
    return { status: 'unverifiable', reason: 'backend', backend: experiment.backend };
  }
  const keys = [...new Set([...Object.keys(experiment.numbers), ...Object.keys(replayed.numbers)])];
  const differing = keys.filter((key) => !sameNumbers(experiment.numbers[key] ?? '', replayed.numbers[key] ?? ''));
  if (replayed.outcome !== experiment.outcome) differing.push('outcome');
  return differing.length > 0 ? { status: 'bad', reason: 'numbers', keys: differing } : { status: 'ok' };
}
