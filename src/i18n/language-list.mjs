/**
 * The site's languages, in the order the picker shows them: the one list every other list derives from
 * (TypeScript through languages.ts, the Node scripts in scripts/ directly). `code` is the URL prefix and the
 * name of the i18n file; `htmlLang` is the BCP 47 tag of `<html lang>` and of Intl.
 */
export const languageTable = /** @type {const} */ ([
  { code: 'pt', htmlLang: 'pt-BR' },
  { code: 'ru', htmlLang: 'ru' },
  { code: 'zh', htmlLang: 'zh-CN' },
]);

export const languageCodes = languageTable.map((language) => language.code);
