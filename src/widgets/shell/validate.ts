/**
 * Validation of untrusted values (URL hash, control input) against a state table. Nothing here throws or
 * evaluates: values are matched against a strict character set, parsed as numbers or looked up in option lists.
 */
import type { AnyState, ParamSpec, StateTable } from './params';

export type ProblemCode =
  | 'unknownParam'
  | 'duplicateParam'
  | 'hiddenParam'
  | 'badValue'
  | 'outOfRange'
  | 'notAllowed'
  | 'notInteger'
  | 'unknownPreset'
  | 'presetNotHere'
  | 'malformed';

/** A machine-readable problem; the shell turns it into a localized sentence. */
export interface Problem {
  code: ProblemCode;
  /** The parameter key (already checked against the table, or cut to a safe length for unknown ones). */
  param: string;
  min?: number;
  max?: number;
  allowed?: readonly string[];
}

/** Keys and values in a permalink may only use these characters (no markup, no quotes, no spaces). */
export const SAFE_TOKEN = /^[A-Za-z0-9._+-]{1,40}$/;

export function safeDisplay(raw: string): string {
  return raw.replace(/[^A-Za-z0-9._+-]/g, '?').slice(0, 24);
}

/** Parses one raw string for one parameter. Returns the typed value or a problem. */
export function parseValue(key: string, spec: ParamSpec, raw: string): { value: number | string } | { problem: Problem } {
  if (!SAFE_TOKEN.test(raw)) return { problem: { code: 'badValue', param: key } };
  if (spec.kind === 'choice') {
    return spec.options.includes(raw) ? { value: raw } : { problem: { code: 'notAllowed', param: key, allowed: spec.options } };
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw)) return { problem: { code: 'badValue', param: key } };
  const value = Number(raw);
  return checkNumber(key, spec, value);
}

export function checkNumber(key: string, spec: ParamSpec, value: number): { value: number } | { problem: Problem } {
  if (spec.kind !== 'number' || !Number.isFinite(value)) return { problem: { code: 'badValue', param: key } };
  if (value < spec.min || value > spec.max) return { problem: { code: 'outOfRange', param: key, min: spec.min, max: spec.max } };
  if (spec.integer && !Number.isInteger(value)) return { problem: { code: 'notInteger', param: key } };
  return { value };
}

/** Checks a whole candidate state (e.g. a preset definition) against the table. */
export function checkState(table: StateTable, state: AnyState): Problem[] {
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(state)) {
    const spec = Object.hasOwn(table, key) ? table[key] : undefined;
    if (!spec) {
      problems.push({ code: 'unknownParam', param: safeDisplay(key) });
      continue;
    }
    const result = spec.kind === 'number' ? checkNumber(key, spec, Number(value)) : parseValue(key, spec, String(value));
    if ('problem' in result) problems.push(result.problem);
  }
  return problems;
}
