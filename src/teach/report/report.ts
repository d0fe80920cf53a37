/**
 * A student's report: a JSON file with a readable summary on top, their answers, and each assigned
 * experiment's settings (permalink payload with the seed), the backend that ran it and its final numbers,
 * which the instructor's page replays to verify. Parsed strictly; anything else is "not a report".
 */
import { z } from '../../lib/zod';
import { languages } from '@i18n/languages';
import { runRecord, type Progress } from '../progress/schema';
import { exercise, isExerciseId } from '../exercises/registry';
import { parseLocaleNumber, withinTolerance } from '../exercises/numbers';
import type { Assignment } from '../assignment/model';

export const reportSchema = z.strictObject({
  kind: z.literal('deep-practice-report'),
  version: z.literal(1),
  summary: z.array(z.string().check(z.maxLength(400))).check(z.maxLength(100)),
  student: z.string().check(z.minLength(1), z.maxLength(80)),
  lang: z.enum(languages),
  assignment: z.string().check(z.maxLength(6000)),
  createdAt: z.string().check(z.maxLength(40)),
  activeSeconds: z.int().check(z.nonnegative()),
  exercises: z.array(z.strictObject({
    id: z.string().check(z.maxLength(60)),
    attempts: z.int().check(z.nonnegative()),
    solved: z.boolean(),
    answer: z.string().check(z.maxLength(600)),
  })).check(z.maxLength(60)),
  experiments: z.array(z.nullable(z.extend(z.omit(runRecord, { at: true }), { setup: z.int().check(z.minimum(1), z.maximum(12)) }))).check(z.maxLength(12)),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportExperiment = NonNullable<Report['experiments'][number]>;

export interface ReportInput {
  student: string;
  lang: 'pt' | 'ru' | 'zh';
  code: string;
  assignment: Assignment;
  progress: Progress;
  /** Progress key of setup n's run. */
  runKey: (setupIndex: number) => string;
  activeSeconds: number;
  summary: string[];
}

export function buildReport(input: ReportInput): Report {
  return {
    kind: 'deep-practice-report',
    version: 1,
    summary: input.summary,
    student: input.student,
    lang: input.lang,
    assignment: input.code,
    createdAt: new Date().toISOString(),
    activeSeconds: input.activeSeconds,
    exercises: input.assignment.exercises.map((id) => {
      const record = input.progress.exercises[id];
      return { id, attempts: record?.attempts ?? 0, solved: record?.solved ?? false, answer: record?.answer ?? '' };
    }),
    experiments: input.assignment.setups.map((_, index) => {
      const run = input.progress.runs[input.runKey(index)];
      if (!run) return null;
      const { at: _at, ...rest } = run;
      return { ...rest, setup: index + 1 };
    }),
  };
}

/**
 * Does the answer a report gives agree with its "solved" flag? Choice and numeric answers are re-graded
 * from the registry; predictions and experiment tasks are judged by their runs (replayed separately).
 */
export function answerConsistent(entry: Report['exercises'][number]): boolean {
  if (!isExerciseId(entry.id)) return false;
  const definition = exercise(entry.id);
  if (!entry.solved) return true;
  if (definition.kind === 'choice' || definition.kind === 'predict') return entry.answer === definition.correct;
  if (definition.kind === 'numeric') {
    const value = parseLocaleNumber(entry.answer, 'pt');
    return value !== null && withinTolerance(value, definition.answer, definition.tolerance);
  }
  return true;
}

export function parseReport(text: string): { ok: true; report: Report } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'JSON' };
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.slice(0, 3).map((issue) => issue.path.join('.') || 'kind').join(', ') };
  return { ok: true, report: parsed.data };
}
