import pt from './pt.json';
import ru from './ru.json';
import zh from './zh.json';
import { stringsSchema, type PluralForms, type Strings } from './schema';
import { languages, type Lang } from './languages';

export { languages, isLang, defaultLang, type Lang } from './languages';
export type { Strings, PluralForms } from './schema';

const raw: Record<Lang, unknown> = { pt, ru, zh };

/** Parses one language file; throws a message naming the language and the bad keys. */
export function parseStrings(lang: string, data: unknown): Strings {
  const result = stringsSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`i18n/${lang}.json does not match the schema: ${problems}`);
  }
  return result.data;
}

// Parsed once, at import: a broken language file fails the build.
const parsed = Object.fromEntries(languages.map((lang) => [lang, parseStrings(lang, raw[lang])])) as Record<Lang, Strings>;

export function strings(lang: Lang): Strings {
  return parsed[lang];
}

/** Replaces `{name}` placeholders. Values are inserted as text, never as HTML. */
export function format(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function intlLocale(lang: Lang): string {
  return parsed[lang].meta.intlLocale;
}

export function formatNumber(lang: Lang, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(lang), options).format(value);
}

/** Picks the CLDR plural form for `count` and fills `{count}` with the localized number. */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(intlLocale(lang)).select(count) as keyof PluralForms;
  const template = forms[rule] ?? forms.other;
  return format(template, { count: formatNumber(lang, count) });
}
