import { languages, isLang, type Lang } from '@i18n/languages';
import { readHashLinks } from '@widgets/shell/hash-links';

const storageKey = 'deep-practice:lang';

export function rememberLanguage(lang: string): void {
  if (!isLang(lang)) return;
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Storage can be disabled; the choice then lasts for this visit only.
  }
}

export function rememberedLanguage(): Lang | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** The first of the browser's preferred languages that the site has ("pt-PT" → pt, "zh-TW" → zh). */
export function preferredLanguage(browserLanguages: readonly string[]): Lang | null {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    const match = languages.find((lang) => lang === base);
    if (match) return match;
  }
  return null;
}

/**
 * The part of the page's hash that the same page in another language understands: the widgets' states (their
 * ids do not depend on the language, hash-links.ts). A heading anchor is a slug of this language's heading,
 * which the other page does not have, so it is left behind.
 */
export function hashForOtherLanguage(hash: string): string {
  return readHashLinks(hash).size > 0 ? (hash.startsWith('#') ? hash : `#${hash}`) : '';
}
