/**
 * The grammar of a page's hash, with no imports: boot.ts ships it with every page (it must find the widget a
 * link lands on before any widget code loads).
 *
 *   hash   = part ('&' part)*
 *   part   = id '=' payload       a widget's state (permalink.ts reads the payload)
 *          | flag                 an action for the widget whose entry comes just before it
 *   flag   = 'run'                start that widget's run once it has mounted
 *
 *   #fit-relu-neurons=preset:relu-neurons,seed:3&run
 *
 * Flags are actions, never state: they are not written back when the reader changes a setting, and a copied
 * link never has one. Parsing never throws and keeps every flag as written (empty parts excepted), so a typo
 * (`&rnu`, `&run&run`) is refused with a localized notice by the widget it follows (`checkFlags`); a flag with
 * no entry before it belongs to no widget and is skipped.
 */

const WIDGET_ID = /^[a-z][a-z0-9-]{0,60}$/;

/** The flags a link may carry after a widget's entry. */
export const linkFlags = ['run'] as const;
export type LinkFlag = (typeof linkFlags)[number];

export interface HashLink {
  /** The raw payload after `id=` (not yet decoded or checked). */
  payload: string;
  /** The bare parts that follow the entry, as written. */
  flags: string[];
}

export function isWidgetId(id: string): boolean {
  return WIDGET_ID.test(id);
}

function body(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

/** Widget id → its entry and flags, in the order the hash names them. Parts that fit nothing are skipped. */
export function readHashLinks(hash: string): Map<string, HashLink> {
  const links = new Map<string, HashLink>();
  let current: HashLink | null = null;
  for (const part of body(hash).split('&')) {
    if (part.length === 0) continue;
    const separator = part.indexOf('=');
    if (separator < 0) {
      current?.flags.push(part);
      continue;
    }
    const id = part.slice(0, separator);
    if (separator === 0 || !isWidgetId(id)) {
      current = null;
      continue;
    }
    current = { payload: part.slice(separator + 1), flags: [] };
    links.set(id, current);
  }
  return links;
}

/** Splits a location hash into widget id → raw payload (flags left out). */
export function readHashEntries(hash: string): Map<string, string> {
  return new Map([...readHashLinks(hash)].map(([id, link]) => [id, link.payload]));
}

/** Replaces (or adds, at the end) one widget's entry; the flags that followed it go (they were actions, done),
 * the other entries and their flags stay as they were. */
export function writeHashEntry(hash: string, id: string, payload: string): string {
  return `#${[...keptParts(hash, id, false), `${id}=${payload}`].join('&')}`;
}

/** The hash without one widget's flags (once its run has started); its entry and everything else stay. */
export function dropFlags(hash: string, id: string): string {
  const parts = keptParts(hash, id, true);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}

/** The non-empty parts of a hash less the flags after `id`'s entry, and less the entry itself unless kept. */
function keptParts(hash: string, id: string, keepEntry: boolean): string[] {
  const parts: string[] = [];
  let inEntry = false;
  for (const part of body(hash).split('&')) {
    if (part.length === 0) continue;
    const isEntry = part.includes('=');
    if (isEntry) inEntry = part.startsWith(`${id}=`);
    if (!inEntry || (isEntry && keepEntry)) parts.push(part);
  }
  return parts;
}

/** The first entry of the hash that names one of `ids` (the widget a link lands on), or null. */
export function landingTarget(hash: string, ids: ReadonlySet<string>): string | null {
  for (const id of readHashLinks(hash).keys()) if (ids.has(id)) return id;
  return null;
}
