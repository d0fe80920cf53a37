/** The language of the page a teacher-note component renders in: the `lang` route parameter or the first path segment. */
import { defaultLang, isLang, type Lang } from '@i18n/index';

export function pageLang(url: URL, routeLang: string | undefined): Lang {
  const segment = url.pathname.split('/').filter(Boolean)[0];
  return isLang(routeLang) ? routeLang : isLang(segment) ? segment : defaultLang;
}
