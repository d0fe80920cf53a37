import { languages } from '@i18n/languages';

/** getStaticPaths() for pages that exist once per language. */
export function everyLanguage() {
  return languages.map((lang) => ({ params: { lang } }));
}
