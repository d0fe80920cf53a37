/**
 * Build-time helpers of the .astro wrapper: read a preset's pre-rendered result (written by
 * scripts/prerender.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRERENDER_DIRECTORY, prerenderFile, type PrerenderFile } from '../prerender/files';

const cache = new Map<string, PrerenderFile>();

export function readPrerendered(family: string, preset: string): PrerenderFile {
  const name = prerenderFile(family, preset);
  const known = cache.get(name);
  if (known) return known;
  let file: PrerenderFile;
  try {
    file = JSON.parse(readFileSync(join(process.cwd(), PRERENDER_DIRECTORY, name), 'utf8')) as PrerenderFile;
  } catch (error) {
    throw new Error(`No pre-rendered result for ${family}/${preset} (${String(error)}). Run \`node scripts/prerender.mjs\` (npm run build does).`);
  }
  cache.set(name, file);
  return file;
}

/**
 * Ids and form names inside a static result, prefixed by the widget id: unique on the page, and apart from the live
 * plots' ids. A result is rendered once per preset, so two widgets on one page (the Lab's TrainingDashboard and
 * DebugLab, both with the six views' radio group) would otherwise share a radio group's name, and checking a view in
 * one would uncheck the other's.
 */
export function scopeIds(markup: string, widgetId: string): string {
  return markup
    .replace(/\s(id|name|aria-labelledby|aria-describedby|aria-controls|for)="([^"]*)"/g, (_match, name: string, value: string) =>
      ` ${name}="${value.split(/\s+/).filter(Boolean).map((token) => `${widgetId}-s-${token}`).join(' ')}"`)
    .replace(/url\(#([^)]+)\)/g, (_match, token: string) => `url(#${widgetId}-s-${token})`);
}
