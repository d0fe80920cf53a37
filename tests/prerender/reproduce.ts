/**
 * Run reproduces the pre-render, for every preset of every family: a fresh engine run, watched by a live view
 * as a page's widget would be, ends on the numbers of the pre-rendered result (the build's file when it is
 * current, otherwise a pre-render made here from an independent run through the cache's encoding).
 * The presets are dealt alternately into two test files (`reproduce-{even,odd}.test.ts`), so that the two cores
 * of a CI machine share this, the longest file of the suite, instead of one core running it alone at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { allDefinitions } from '@widgets/definitions';
import { presetNames, presetState } from '@widgets/shell/definition';
import { familyLoaders } from '@widgets/shell/loaders';
import { decodeEvents, encodeEvents } from '@widgets/prerender/cache';
import { PRERENDER_BACKEND, PRERENDER_DIRECTORY, prerenderFile, type PrerenderFile } from '@widgets/prerender/files';
import { recordRuns } from '@widgets/prerender/record';
import { renderStatic } from '@widgets/prerender/render';

const text = strings('pt').widgets;
const locale = intlLocale('pt');

/** Every number in two exposed values agrees within float tolerance (relative 1e-4, absolute 1e-6). */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6 + 1e-4 * scale);
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const keys = Object.keys(expected);
    expect(Object.keys(actual as object).sort(), path).toEqual([...keys].sort());
    for (const key of keys) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  } else expect(actual, path).toEqual(expected);
}

const parse = (value: string): unknown => {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** Every preset of every family, in a fixed order. */
const cases = allDefinitions.flatMap((definition) => presetNames(definition).map((preset) => ({ definition, preset })));

/** The reproduction tests for the presets whose position in `cases` has this parity. */
export function reproducePresets(parity: 0 | 1): void {
  describe(`pre-rendered results (${parity === 0 ? 'even' : 'odd'} presets)`, () => {
    for (const { definition, preset } of cases.filter((_, index) => index % 2 === parity)) {
      it(`${definition.family}/${preset}: Run ends on the pre-rendered numbers`, async () => {
        const { family } = await familyLoaders[definition.family]();
        const state = presetState(definition, preset);
        const live: Record<string, string> = {};
        const events = await recordRuns(family, state, text, locale, PRERENDER_BACKEND, 600_000, (name, value) => (live[name] = String(value)));
        const path = `${PRERENDER_DIRECTORY}/${prerenderFile(definition.family, preset)}`;
        let prerendered: Record<string, string>;
        if (existsSync(path)) prerendered = (JSON.parse(readFileSync(path, 'utf8')) as PrerenderFile).results.pt.exposed;
        else {
          const independent = await recordRuns(family, state, text, locale, PRERENDER_BACKEND);
          prerendered = renderStatic(family, state, decodeEvents(encodeEvents(independent)), text, locale).exposed;
        }
        // The live view saw the run as it happened; the pre-render only replays it.
        const replayed = renderStatic(family, state, decodeEvents(encodeEvents(events)), text, locale).exposed;
        expectClose(Object.fromEntries(Object.entries(replayed).map(([k, v]) => [k, parse(v)])), Object.fromEntries(Object.entries(live).map(([k, v]) => [k, parse(v)])), 'replay');
        if (definition.trains) expect(Object.keys(prerendered).length, 'a training widget exposes its results').toBeGreaterThan(0);
        expectClose(Object.fromEntries(Object.entries(live).map(([k, v]) => [k, parse(v)])), Object.fromEntries(Object.entries(prerendered).map(([k, v]) => [k, parse(v)])), 'run');
      }, 1_200_000);
    }
  });
}
