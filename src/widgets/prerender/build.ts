/**
 * Build time: pre-render every preset of every widget family (lessons embed presets, the Lab can show any) in
 * every language, into one JSON file per preset that the .astro wrapper inlines. Runs with a DOM (dom-env.ts)
 * in Node; engine runs come from the cache when nothing that decides their numbers changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intlLocale, languages, strings } from '@i18n/index';
import { allDefinitions } from '../definitions';
import { presetNames, presetState } from '../shell/definition';
import { familyLoaders } from '../shell/loaders';
import { engineVersion, runKey, RunCache, sourceHash } from './cache';
import { plansEngineRuns, recordRuns } from './record';
import { renderStatic, type StaticResult } from './render';
import { PRERENDER_BACKEND, prerenderFile, type PrerenderFile } from './files';

/** Code that decides the numbers a family's run gives, besides the engine and its state. */
const RUN_CODE = ['src/widgets/common', 'src/widgets/shell/driver.ts', 'src/widgets/shell/engine-run.ts', 'src/widgets/shell/start-run.ts', 'src/widgets/shell/local-run.ts'];

export interface PrerenderOptions {
  root: string;
  cacheDirectory: string;
  outDirectory: string;
  /** Train every preset again, ignoring cached runs and current results (`--fresh`). */
  fresh?: boolean;
  log?: (line: string) => void;
}

export type JobOutcome = 'recorded' | 'cached' | 'current';

/** One preset of one family: the unit of pre-rendering, and of sharing the work between processes. */
export interface PrerenderJob {
  family: (typeof allDefinitions)[number]['family'];
  preset: string;
}

/** Every preset of every family, in the order the definitions list them. */
export function prerenderJobs(): PrerenderJob[] {
  return allDefinitions.flatMap((definition) => presetNames(definition).map((preset) => ({ family: definition.family, preset })));
}

/** What every job shares: the engine's and the drawing code's hashes, computed once per process. */
export function prerenderContext(options: PrerenderOptions) {
  return {
    options,
    cache: new RunCache(options.cacheDirectory),
    engine: engineVersion(options.root),
    drawing: sourceHash(options.root, ['src/widgets', 'src/i18n']),
  };
}

export type PrerenderContext = ReturnType<typeof prerenderContext>;

/** Pre-renders one preset: nothing if its file is current, a re-draw if its run is cached, else a fresh run. */
export async function prerenderJob(context: PrerenderContext, job: PrerenderJob): Promise<JobOutcome> {
  const { options, cache, engine, drawing } = context;
  const { root, log = () => undefined } = options;
  const definition = allDefinitions.find((candidate) => candidate.family === job.family);
  if (!definition) throw new Error(`pre-render: no widget family ${job.family}`);
  const { family } = await familyLoaders[definition.family]();
  const code = sourceHash(root, [`src/widgets/${definition.family}`, ...RUN_CODE]);
  const state = presetState(definition, job.preset);
  const key = runKey({ engine, code, state, backend: PRERENDER_BACKEND });
  const renderKey = runKey({ engine: key, code: drawing, state: null, backend: '' });
  const path = join(options.outDirectory, prerenderFile(definition.family, job.preset));
  if (!options.fresh && isCurrent(path, renderKey)) return 'current';
  const defaultStrings = strings(languages[0]).widgets;
  const defaultLocale = intlLocale(languages[0]);
  let events = !plansEngineRuns(family, state, defaultStrings, defaultLocale) ? [] : options.fresh ? null : cache.get(key);
  const outcome: JobOutcome = events ? 'cached' : 'recorded';
  if (!events) {
    const started = Date.now();
    events = await recordRuns(family, state, defaultStrings, defaultLocale, PRERENDER_BACKEND);
    cache.set(key, events);
    log(`  recorded ${definition.family}/${job.preset} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await family.viewData?.(state);
  const results = Object.fromEntries(
    languages.map((lang) => [lang, renderStatic(family, state, events, strings(lang).widgets, intlLocale(lang))]),
  ) as Record<(typeof languages)[number], StaticResult>;
  const file: PrerenderFile = { key, renderKey, engine, results };
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(file));
  return outcome;
}

/** Whether the result file was drawn from the same run by the same code and strings. */
function isCurrent(path: string, renderKey: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as PrerenderFile).renderKey === renderKey;
  } catch {
    return false;
  }
}
