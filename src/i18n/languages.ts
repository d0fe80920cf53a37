/** The site's languages, typed; the list itself is language-list.mjs (shared with the Node scripts). */
import { languageTable } from './language-list.mjs';

export type Lang = (typeof languageTable)[number]['code'];
export type HtmlLang = (typeof languageTable)[number]['htmlLang'];

/** URL prefixes, in picker order; as a non-empty tuple, so zod's enum takes it as is. */
export const languages = languageTable.map((language) => language.code) as unknown as readonly [Lang, ...Lang[]];
export const htmlLangs = languageTable.map((language) => language.htmlLang) as unknown as readonly [HtmlLang, ...HtmlLang[]];

export const defaultLang: Lang = languages[0];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
