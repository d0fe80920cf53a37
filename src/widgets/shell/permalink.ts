/**
 * Permalinks: every widget's state lives in the URL hash under the widget's id.
 *
 *   #fit1=preset:relu-neurons,seed:3,width:8,lr:0.03&lr1=preset:range-test
 *
 * Widgets are separated by `&`, a widget's parameters by `,`, key and value by `:`; a bare `&run` after an entry
 * starts that widget's run (the hash grammar and its flags: hash-links.ts). The preset and the seed are
 * always written; other parameters only when they differ from the preset. Reading starts from the preset's
 * state and applies the rest. Any problem rejects the whole entry (never half-applied) and the caller falls
 * back to its default state; problems are codes, localized by the shell and shown as text only.
 *
 * Every written link ends with `v:<version>` (link-version.ts): the reader is told when it was made from older
 * preset defaults.
 *
 * A link may only set what the widget shows (its scope): in a lesson, the preset it embeds and the controls
 * the reader sees; in the Lab, any preset. Parameters fixed by the preset are never taken from a URL.
 */
import { presetControlKeys, presetNames, presetState, type WidgetDefinition } from './definition';
import type { AnyState } from './params';
import { linkFlags, type LinkFlag } from './hash-links';
import { isStale, linkVersion, VERSION_KEY, VERSION_TOKEN } from './link-version';
import { parseValue, safeDisplay, SAFE_TOKEN, type Problem } from './validate';

const MAX_ENTRY = 600;

export { isWidgetId, readHashEntries, readHashLinks, writeHashEntry, type HashLink } from './hash-links';

/** Checks the flags after a widget's entry (hash-links.ts): each known one at most once, nothing else. */
export function checkFlags(flags: readonly string[]): { run: boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Set<LinkFlag>();
  for (const flag of flags) {
    const known = (linkFlags as readonly string[]).includes(flag) ? (flag as LinkFlag) : null;
    if (known === null) problems.push({ code: 'unknownParam', param: safeDisplay(flag) });
    else if (seen.has(known)) problems.push({ code: 'duplicateParam', param: known });
    else seen.add(known);
  }
  return { run: problems.length === 0 && seen.has('run'), problems };
}

/** The controls a widget shows, in order: the preset picker (Lab only), the family's own (in a lesson, those
 * of its preset), then the shell's. */
export function controlKeys(definition: WidgetDefinition, choosePreset: boolean, preset?: string): string[] {
  return [
    ...(choosePreset ? ['preset'] : []),
    ...(choosePreset ? definition.controls : presetControlKeys(definition, preset)),
    ...(definition.trains ? ['seed', 'speed'] : []),
    ...(definition.usesEngine ? ['backend'] : []),
  ];
}

/** What a link may set in one widget: these presets (the first is the default) and these keys. */
export interface LinkScope {
  presets: readonly string[];
  keys: readonly string[];
}

/** The scope of a widget embedding `preset`: the preset and the seed are always written, so always read. */
export function linkScope(definition: WidgetDefinition, preset: string, choosePreset: boolean): LinkScope {
  const linkAs = definition.concealed?.linkAs;
  const presets = choosePreset ? presetNames(definition) : linkAs !== undefined && linkAs !== preset ? [preset, linkAs] : [preset];
  return { presets, keys: [...new Set(['preset', 'seed', ...controlKeys(definition, choosePreset, preset)])] };
}

/** The preset a link names for `preset`: itself, or the one a concealed family writes every preset as. */
export const linkedPreset = (definition: WidgetDefinition, preset: string): string => definition.concealed?.linkAs ?? preset;

/**
 * The preset a link is read back as in `scope`, `state` being what it names (its `preset` the link's). A concealed
 * family's link names `linkAs`: it is the
 * embedded preset when the settings that make that preset what it is (those where it differs from `linkAs`) match,
 * else `linkAs` (the same run). Any other family's link names its own preset.
 */
export function readBackPreset(definition: WidgetDefinition, state: AnyState, scope: LinkScope): string {
  const linkAs = definition.concealed?.linkAs;
  const embedded = scope.presets[0];
  if (linkAs === undefined || embedded === undefined || embedded === linkAs || !scope.presets.includes(linkAs)) return String(state.preset);
  const own = presetState(definition, embedded);
  const named = presetState(definition, linkAs);
  return Object.keys(definition.table).every((key) => key === 'preset' || own[key] === named[key] || state[key] === own[key]) ? embedded : linkAs;
}

export function encodeState(definition: WidgetDefinition, state: AnyState): string {
  const preset = linkedPreset(definition, String(state.preset));
  const base = presetState(definition, preset);
  const pairs = [`preset:${preset}`, `seed:${String(state.seed)}`];
  for (const key of Object.keys(definition.table)) {
    if (key === 'preset' || key === 'seed') continue;
    if (state[key] !== undefined && state[key] !== base[key]) pairs.push(`${key}:${String(state[key])}`);
  }
  return [...pairs, `${VERSION_KEY}:${linkVersion(definition, preset)}`].join(',');
}

/** `stale`: the link recorded another version of its preset (it decodes, but may not reproduce its author's run). */
export type DecodeResult = { ok: true; state: AnyState; stale?: true } | { ok: false; problems: Problem[] };

export function decodeState(definition: WidgetDefinition, payload: string, scope: LinkScope): DecodeResult {
  let text: string;
  try {
    text = decodeURIComponent(payload);
  } catch {
    return { ok: false, problems: [{ code: 'malformed', param: '' }] };
  }
  if (text.length === 0 || text.length > MAX_ENTRY) return { ok: false, problems: [{ code: 'malformed', param: '' }] };
  const raw = new Map<string, string>();
  const problems: Problem[] = [];
  let version: string | undefined;
  for (const pair of text.split(',')) {
    const separator = pair.indexOf(':');
    const key = separator > 0 ? pair.slice(0, separator) : '';
    const value = separator > 0 ? pair.slice(separator + 1) : '';
    if (separator <= 0) problems.push({ code: 'malformed', param: '' });
    else if (key === VERSION_KEY) {
      if (version !== undefined) problems.push({ code: 'duplicateParam', param: key });
      else if (!VERSION_TOKEN.test(value)) problems.push({ code: 'badValue', param: key });
      else version = value;
    }
    // Own properties only: `__proto__`, `constructor` or `toString` are unknown, not inherited.
    else if (!SAFE_TOKEN.test(key) || !Object.hasOwn(definition.table, key)) problems.push({ code: 'unknownParam', param: safeDisplay(key) });
    else if (raw.has(key)) problems.push({ code: 'duplicateParam', param: key });
    else if (!scope.keys.includes(key)) problems.push({ code: 'hiddenParam', param: key });
    else raw.set(key, value);
  }
  const presetRaw = raw.get('preset') ?? scope.presets[0] ?? '';
  if (!scope.presets.includes(presetRaw)) {
    const exists = presetNames(definition).includes(presetRaw);
    problems.push({ code: exists ? 'presetNotHere' : 'unknownPreset', param: 'preset', allowed: scope.presets });
    return { ok: false, problems };
  }
  const state = presetState(definition, presetRaw);
  for (const [key, value] of raw) {
    const spec = Object.hasOwn(definition.table, key) ? definition.table[key] : undefined;
    if (!spec) continue;
    const result = parseValue(key, spec, value);
    if ('problem' in result) problems.push(result.problem);
    else state[key] = result.value;
  }
  if (problems.length > 0) return { ok: false, problems };
  state.preset = readBackPreset(definition, state, scope);
  return isStale(definition, presetRaw, version) ? { ok: true, state, stale: true } : { ok: true, state };
}
