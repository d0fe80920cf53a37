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
  log?: (line: string) => void;
}

export async function prerenderAll(options: PrerenderOptions): Promise<{ recorded: number; cached: number; current: number }> {
  const { root, log = () => undefined } = options;
  const cache = new RunCache(options.cacheDirectory);
  const engine = engineVersion(root);
  const counts = { recorded: 0, cached: 0, current: 0 };
  const drawing = sourceHash(root, ['src/widgets', 'src/i18n']);
  const defaultStrings = strings(languages[0]).widgets;
  const defaultLocale = intlLocale(languages[0]);
  for (const definition of allDefinitions) {
    const { family } = await familyLoaders[definition.family]();
    const code = sourceHash(root, [`src/widgets/${definition.family}`, ...RUN_CODE]);
    for (const preset of presetNames(definition)) {
      const state = presetState(definition, preset);
      const key = runKey({ engine, code, state, backend: PRERENDER_BACKEND });
      const renderKey = runKey({ engine: key, code: drawing, state: null, backend: '' });
      const path = join(options.outDirectory, prerenderFile(definition.family, preset));
      if (isCurrent(path, renderKey)) {
        counts.current += 1;
        continue;
      }
      let events = plansEngineRuns(family, state, defaultStrings, defaultLocale) ? cache.get(key) : [];
      if (events) counts.cached += 1;
      else {
        const started = Date.now();
        events = await recordRuns(family, state, defaultStrings, defaultLocale, PRERENDER_BACKEND);
        cache.set(key, events);
        counts.recorded += 1;
        log(`  recorded ${definition.family}/${preset} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const results = Object.fromEntries(
        languages.map((lang) => [lang, renderStatic(family, state, events, strings(lang).widgets, intlLocale(lang))]),
      ) as Record<(typeof languages)[number], StaticResult>;
      const file: PrerenderFile = { key, renderKey, engine, results };
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, JSON.stringify(file));
    }
  }
  return counts;
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
