/**
 * The reader's progress as stored in localStorage, under one versioned, strict schema. Reading never
 * throws: a record from a newer version or one that is not an object is dropped; a record whose entries are
 * partly broken keeps the entries that still parse (each broken one is counted, so the page can say so).
 */
import { z } from '../../lib/zod';

export const PROGRESS_VERSION = 1;
export const PROGRESS_KEY = 'deep-practice:progress';

const KEY = /^[a-z0-9][a-z0-9/._:-]{0,120}$/;
const time = z.int().check(z.nonnegative());

export const exerciseRecord = z.strictObject({
  attempts: z.int().check(z.minimum(1), z.maximum(100000)),
  solved: z.boolean(),
  /** The last answer as the reader gave it (an option key, a normalized number or a widget payload). */
  answer: z.string().check(z.maxLength(600)),
  at: time,
});

/** One finished widget run: enough to replay it (family, permalink payload with the seed, backend). */
export const runRecord = z.strictObject({
  widget: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,60}$/)),
  family: z.string().check(z.regex(/^[a-z-]{1,40}$/)),
  payload: z.string().check(z.maxLength(600)),
  backend: z.string().check(z.maxLength(20)),
  outcome: z.enum(['done', 'failed']),
  reason: z.optional(z.string().check(z.maxLength(20))),
  /** The widget's result attributes (final losses, slopes…) as the page showed them. */
  numbers: z.record(z.string().check(z.regex(/^[a-zA-Z]{1,40}$/)), z.string().check(z.maxLength(4000))),
  at: time,
});

export const assignmentRecord = z.strictObject({
  openedAt: time,
  activeSeconds: z.int().check(z.nonnegative()),
});

export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  student: z.string().check(z.maxLength(80)),
  lessons: z.record(z.string().check(z.regex(KEY)), z.strictObject({ readAt: time })),
  exercises: z.record(z.string().check(z.regex(KEY)), exerciseRecord),
  /** Key: `<page key>#<widget id>` (page key = lesson key, `lab` or `assignment:<hash>`). */
  runs: z.record(z.string().check(z.regex(/^[a-z0-9][a-z0-9/._:#-]{0,200}$/)), runRecord),
  assignments: z.record(z.string().check(z.regex(/^[a-z0-9]{1,16}$/)), assignmentRecord),
});

export type Progress = z.infer<typeof progressSchema>;
export type RunRecord = z.infer<typeof runRecord>;
export type ExerciseRecord = z.infer<typeof exerciseRecord>;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, student: '', lessons: {}, exercises: {}, runs: {}, assignments: {} };
}

export type LoadNotice = 'dropped' | 'repaired' | 'newer';
export interface Loaded {
  progress: Progress;
  notice?: LoadNotice;
  /** How many entries were dropped when the notice is `repaired`. */
  dropped: number;
}

const sections = {
  lessons: progressSchema.shape.lessons,
  exercises: progressSchema.shape.exercises,
  runs: progressSchema.shape.runs,
  assignments: progressSchema.shape.assignments,
} as const;

/** Parses anything (a stored string or an imported file's text) into a progress record, never throwing. */
export function readProgress(text: string | null): Loaded {
  if (text === null) return { progress: emptyProgress(), dropped: 0 };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), notice: 'dropped', dropped: 0 };
  }
  const whole = progressSchema.safeParse(data);
  if (whole.success) return { progress: whole.data, dropped: 0 };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { progress: emptyProgress(), notice: 'dropped', dropped: 0 };
  const record = data as Record<string, unknown>;
  if (typeof record.version === 'number' && record.version > PROGRESS_VERSION) return { progress: emptyProgress(), notice: 'newer', dropped: 0 };
  if (record.version !== PROGRESS_VERSION) return { progress: emptyProgress(), notice: 'dropped', dropped: 0 };
  // Same version, some entries broken: keep every entry that parses on its own.
  const progress = emptyProgress();
  let dropped = 0;
  const student = progressSchema.shape.student.safeParse(record.student);
  if (student.success) progress.student = student.data;
  else if (record.student !== undefined) dropped += 1;
  for (const [name, schema] of Object.entries(sections) as [keyof typeof sections, (typeof sections)[keyof typeof sections]][]) {
    const raw = record[name];
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      if (raw !== undefined) dropped += 1;
      continue;
    }
    for (const [key, value] of Object.entries(raw)) {
      const one = schema.safeParse({ [key]: value });
      if (one.success) Object.assign(progress[name], one.data);
      else dropped += 1;
    }
  }
  return { progress, notice: 'repaired', dropped };
}
