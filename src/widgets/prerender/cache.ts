/**
 * The pre-render cache: recorded runs stored by a hash of everything that decides their numbers — the engine's
 * source (its version), the family's run code and the shell's driver, the full widget state and the backend.
 * Any change there records afresh; anything else (plot code, translations) only re-draws from the cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { RecordedEvent } from './record';

/** Bump when the cache file format changes. */
const FORMAT = 1;

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** Hash of the source files under `paths` (relative to `root`): names and contents. */
export function sourceHash(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((path) => filesUnder(join(root, path)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The engine's version: a short hash of src/engine (any change to it changes the numbers a run may give). */
export function engineVersion(root: string): string {
  return sourceHash(root, ['src/engine']).slice(0, 12);
}

export function runKey(parts: { engine: string; code: string; state: unknown; backend: string }): string {
  return createHash('sha256').update(JSON.stringify({ format: FORMAT, ...parts })).digest('hex').slice(0, 24);
}

/** JSON has no NaN or ±∞ (a diverged loss): they travel as tagged strings. */
const NON_FINITE = '\u0000num:';

function replacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? `${NON_FINITE}${value}` : value;
}

/** Puts the non-finite numbers back (a walk: much faster than a JSON.parse reviver on megabytes of events). */
function revive(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(NON_FINITE) ? Number(value.slice(NON_FINITE.length)) : value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (item !== null && typeof item !== 'number') value[index] = revive(item);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (item !== null && typeof item !== 'number') record[key] = revive(item);
    }
  }
  return value;
}

export function encodeEvents(events: RecordedEvent[]): string {
  return JSON.stringify(events, replacer);
}

export function decodeEvents(text: string): RecordedEvent[] {
  return revive(JSON.parse(text)) as RecordedEvent[];
}

export class RunCache {
  constructor(private readonly directory: string) {
    mkdirSync(directory, { recursive: true });
  }

  private path(key: string): string {
    return join(this.directory, `${key}.json.gz`);
  }

  get(key: string): RecordedEvent[] | null {
    const path = this.path(key);
    if (!existsSync(path)) return null;
    try {
      return decodeEvents(gunzipSync(readFileSync(path)).toString('utf8'));
    } catch {
      return null; // a corrupt entry is recorded again
    }
  }

  /** Written aside, then renamed: pre-render processes working in parallel never read half a file. */
  set(key: string, events: RecordedEvent[]): void {
    const temporary = `${this.path(key)}.${process.pid}.tmp`;
    writeFileSync(temporary, gzipSync(encodeEvents(events)));
    renameSync(temporary, this.path(key));
  }
}
