/**
 * An assignment and its link. The link carries the whole assignment (no server): short-keyed JSON, UTF-8,
 * base64url, after `#a=`. Reading it is strict, like every URL state: anything malformed, unknown, out of range
 * or oversized rejects the whole link with problems the page words in the reader's language.
 */
import { z } from '../../lib/zod';
import { allDefinitions } from '@widgets/definitions';
import { controlKeys, decodeState, linkScope } from '@widgets/shell/permalink';
import type { Problem as WidgetProblem } from '@widgets/shell/validate';
import { isExerciseId } from '../exercises/registry';

export interface Setup {
  family: string;
  /** The widget's permalink payload: preset, seed and any changed settings (backend pinned by the builder). */
  payload: string;
  locked: string[];
  hidden: string[];
}

export interface Assignment {
  title: string;
  /** ISO date (YYYY-MM-DD) or empty. */
  due: string;
  note: string;
  lessons: string[];
  exercises: string[];
  setups: Setup[];
}

export type ProblemCode = 'malformed' | 'tooLong' | 'version' | 'field' | 'unknownLesson' | 'unknownExercise' | 'unknownWidget'
  | 'badSetup' | 'badControl' | 'badDate' | 'empty';

export interface AssignmentProblem {
  code: ProblemCode;
  value?: string;
  field?: string;
  /** 1-based setup number. */
  n?: number;
  reasons?: WidgetProblem[];
}

export const MAX_LINK_CODE = 6000;
const TOKEN = /^[a-z0-9-]{1,60}$/;
const CONTROL = /^[a-zA-Z0-9]{1,30}$/;
/** Plain text without control characters (rendered with textContent only). */
const text = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[^\u0000-\u001f\u007f]*$/u));

const token = z.string().check(z.regex(TOKEN));
const controls = z.array(z.string().check(z.regex(CONTROL))).check(z.maxLength(20));

const wireSchema = z.strictObject({
  v: z.literal(1),
  t: text(120),
  d: z.string().check(z.maxLength(10)),
  n: z.string().check(z.maxLength(1000), z.regex(/^[^\u0000-\u0009\u000b-\u001f\u007f]*$/u)),
  l: z.array(z.string().check(z.regex(/^[a-z0-9-]{1,60}\/[a-z0-9-]{1,60}$/))).check(z.maxLength(30)),
  e: z.array(z.string().check(z.regex(TOKEN))).check(z.maxLength(60)),
  w: z.array(z.tuple([token, z.string().check(z.minLength(1), z.maxLength(600)), controls, controls])).check(z.maxLength(12)),
});

function toBase64Url(textValue: string): string {
  const bytes = new TextEncoder().encode(textValue);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string | null {
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeAssignment(assignment: Assignment): string {
  return toBase64Url(JSON.stringify({
    v: 1, t: assignment.title, d: assignment.due, n: assignment.note, l: assignment.lessons, e: assignment.exercises,
    w: assignment.setups.map((setup) => [setup.family, setup.payload, setup.locked, setup.hidden]),
  }));
}

function validDate(value: string): boolean {
  if (value === '') return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const shown = (value: string) => value.replace(/[^\p{L}\p{N}._/-]/gu, '?').slice(0, 40);

export type DecodeResult = { ok: true; assignment: Assignment } | { ok: false; problems: AssignmentProblem[] };

/** Reads a link code; `lessons` are the lesson keys the site has. Never throws. */
export function decodeAssignment(code: string, lessons: readonly string[]): DecodeResult {
  if (code.length > MAX_LINK_CODE) return { ok: false, problems: [{ code: 'tooLong' }] };
  const json = fromBase64Url(code);
  if (json === null) return { ok: false, problems: [{ code: 'malformed' }] };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problems: [{ code: 'malformed' }] };
  }
  if (data && typeof data === 'object' && 'v' in data && (data as { v: unknown }).v !== 1) {
    return { ok: false, problems: [{ code: 'version', value: shown(String((data as { v: unknown }).v)) }] };
  }
  const parsed = wireSchema.safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))];
    return { ok: false, problems: fields.map((field) => ({ code: 'field' as const, field: shown(field) })) };
  }
  const wire = parsed.data;
  const problems: AssignmentProblem[] = [];
  if (!validDate(wire.d)) problems.push({ code: 'badDate', value: shown(wire.d) });
  for (const lesson of wire.l) if (!lessons.includes(lesson)) problems.push({ code: 'unknownLesson', value: shown(lesson) });
  for (const id of wire.e) if (!isExerciseId(id)) problems.push({ code: 'unknownExercise', value: shown(id) });
  const setups: Setup[] = [];
  wire.w.forEach(([family, payload, locked, hidden], index) => {
    const definition = allDefinitions.find((candidate) => candidate.family === family);
    if (!definition) return problems.push({ code: 'unknownWidget', value: shown(family), n: index + 1 });
    const decoded = decodeState(definition, payload, linkScope(definition, '', true));
    if (!decoded.ok) return problems.push({ code: 'badSetup', n: index + 1, reasons: decoded.problems });
    const allowed = controlKeys(definition, false);
    for (const key of [...locked, ...hidden]) if (!allowed.includes(key)) problems.push({ code: 'badControl', n: index + 1, value: shown(key) });
    setups.push({ family, payload, locked, hidden });
  });
  if (wire.l.length + wire.e.length + wire.w.length === 0) problems.push({ code: 'empty' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, assignment: { title: wire.t, due: wire.d, note: wire.n, lessons: wire.l, exercises: wire.e, setups } };
}

/** A short, stable id of an assignment (FNV-1a of its code), to key progress and match reports. */
export function assignmentId(code: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < code.length; index += 1) {
    hash ^= code.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
