/** A widget's state in the page URL: kept in the hash as the reader changes settings, and copied as a link. */
import type { WidgetDefinition } from './definition';
import type { AnyState } from './params';
import { encodeState, writeHashEntry } from './permalink';
import { dropFlags } from './hash-links';
import { fill, type WidgetStrings } from './text';

/** Replaces this widget's entry in the page's hash (no history entry: settings are not navigation). */
export function writePermalink(definition: WidgetDefinition, id: string, state: AnyState): void {
  history.replaceState(history.state, '', writeHashEntry(location.hash, id, encodeState(definition, state)));
}

export function permalink(definition: WidgetDefinition, id: string, state: AnyState): string {
  return `${location.origin}${location.pathname}${writeHashEntry('', id, encodeState(definition, state))}`;
}

/** Copies the link; says so (or shows the link when the clipboard refuses) in `status`. Returns the link. */
export async function copyLink(link: string, status: HTMLElement, strings: WidgetStrings): Promise<void> {
  try {
    await navigator.clipboard.writeText(link);
    status.textContent = strings.controls.linkCopied;
  } catch {
    status.textContent = fill(strings.controls.linkCopyFailed, { link });
  }
}

/** Takes the flags after this widget's entry out of the page URL (they were actions: done once). */
export function dropRunFlag(id: string): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}${dropFlags(location.hash, id)}`);
}
