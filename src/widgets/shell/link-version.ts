/**
 * Link versions: a permalink records `v:<hash>`, a short hash of the full state of the preset it starts from
 * (every default it did not write). A link stores only what differs from its preset, so if a preset's defaults
 * change later, an old link would silently run something else; the version tells: equal, the link reproduces
 * exactly what its author ran; different, the reader is told it was made with an older version (its settings
 * still apply). Links without a version (written by hand, or before versions) are taken as they are.
 */
import { presetState, type WidgetDefinition } from './definition';

/** The reserved link key (never a parameter of a state table) and the form of its value. */
export const VERSION_KEY = 'v';
export const VERSION_TOKEN = /^[0-9a-z]{1,12}$/;

/** FNV-1a over the preset's state in key order, in base 36 (7 characters at most). */
export function linkVersion(definition: WidgetDefinition, preset: string): string {
  const state = presetState(definition, preset);
  const text = JSON.stringify(Object.keys(state).sort().map((key) => [key, state[key]]));
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** True when a link's recorded version is not the current one of its preset (an absent version is not stale). */
export function isStale(definition: WidgetDefinition, preset: string, version: string | undefined): boolean {
  return version !== undefined && version !== linkVersion(definition, preset);
}
