/**
 * One widget setup of an assignment, built exactly as the instructor page builds it: the preset's state with a
 * chosen seed, pinned to the CPU backend (whose arithmetic is the same on every machine, so a report can be
 * replayed exactly), with the backend and the seed always locked. Shared by the page's builder and by the
 * ready-made assignments of the teacher notes, so both write the same link format.
 */
import { allDefinitions } from '@widgets/definitions';
import { presetState } from '@widgets/shell/definition';
import { encodeState } from '@widgets/shell/permalink';
import { encodeAssignment, type Assignment, type Setup } from './model';

export interface SetupChoice {
  family: string;
  preset: string;
  seed: number;
  /** Controls the student sees but cannot change. */
  locked?: readonly string[];
  /** Controls the student does not see. */
  hidden?: readonly string[];
}

export function buildSetup(choice: SetupChoice): Setup {
  const definition = allDefinitions.find((candidate) => candidate.family === choice.family);
  if (!definition) {
    throw new Error(`Unknown widget family "${choice.family}". Known: ${allDefinitions.map((known) => known.family).join(', ')}.`);
  }
  const seed = Math.min(99999, Math.max(1, Math.round(choice.seed) || 1));
  const state = { ...presetState(definition, choice.preset), seed, ...(definition.usesEngine ? { backend: 'cpu' } : {}) };
  return {
    family: definition.family,
    payload: encodeState(definition, state),
    locked: [...(definition.usesEngine ? ['backend'] : []), 'seed', ...(choice.locked ?? [])],
    hidden: [...(choice.hidden ?? [])],
  };
}

/** The student's page for an assignment, site-relative: `/<lang>/teach/assignment/#a=<code>`. */
export function assignmentPath(lang: string, assignment: Assignment): string {
  return `/${lang}/teach/assignment/#a=${encodeAssignment(assignment)}`;
}
