/** The site's languages, in the order the picker shows them. Keys are the URL prefixes. */
export const languages = ['pt', 'ru', 'zh'] as const;
export type Lang = (typeof languages)[number];

export const defaultLang: Lang = 'pt';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}
