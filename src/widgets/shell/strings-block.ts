/**
 * The widget strings of a page's language travel once per page, in a JSON data block (`<script
 * type="application/json">`: never executed, so no CSP hash is needed), not once per widget.
 */
import type { WidgetStrings } from '@i18n/widgets-schema';

export function stringsBlockId(lang: string): string {
  return `dp-widget-strings-${lang}`;
}

/** JSON for the data block: `<` escaped, so no text can close the element. */
export function serializeStrings(text: WidgetStrings): string {
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

const parsed = new Map<string, WidgetStrings>();

/** The page's strings for `lang` (parsed once). Throws when the block is missing. */
export function readStrings(lang: string): WidgetStrings {
  const known = parsed.get(lang);
  if (known) return known;
  const block = document.getElementById(stringsBlockId(lang));
  if (!block?.textContent) throw new Error(`widget strings block for "${lang}" is missing`);
  const text = JSON.parse(block.textContent) as WidgetStrings;
  parsed.set(lang, text);
  return text;
}
