import { languages, type Lang } from '@i18n/languages';

/** The same page in another language: the first path segment is the language, the rest is shared. */
export function pathInLanguage(pathname: string, lang: Lang): string {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length > 0 && (languages as readonly string[]).includes(segments[0]!)) segments.shift();
  const rest = segments.join('/');
  return rest ? `/${lang}/${rest}/` : `/${lang}/`;
}

export function lessonPath(lang: Lang, chapter: string, lesson: string): string {
  return `/${lang}/${chapter}/${lesson}/`;
}
