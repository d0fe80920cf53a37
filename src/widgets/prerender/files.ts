/**
 * Where pre-rendered results live and what they hold; light enough for the .astro wrapper to import.
 * The pre-render trains on the engine's pure-JS CPU path: what a reader's browser runs with `backend: cpu`
 * (the e2e spot check compares the two), within float tolerance of every other backend.
 */
import type { Lang } from '@i18n/languages';
import type { StaticResult } from './render';

export const PRERENDER_BACKEND = 'cpu';

/** Relative to the repository root; gitignored. */
export const PRERENDER_DIRECTORY = '.prerender/results';
export const PRERENDER_CACHE_DIRECTORY = '.prerender/runs';

export interface PrerenderFile {
  /** The run's cache key (engine, run code, state, backend). */
  key: string;
  /** The run's key plus the code and strings that drew it: equal keys mean the file is up to date. */
  renderKey: string;
  /** Short hash of the engine source that trained it. */
  engine: string;
  results: Record<Lang, StaticResult>;
}

export function prerenderFile(family: string, preset: string): string {
  return `${family}/${preset}.json`;
}
