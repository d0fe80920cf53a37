/** The teaching strings of each language, parsed once at import (a broken file fails the build). */
import pt from './teach/pt.json';
import ru from './teach/ru.json';
import zh from './teach/zh.json';
import { languages, type Lang } from './languages';
import { teachStringsSchema, type TeachStrings } from './teach-schema';

export type { TeachStrings };

export function parseTeachStrings(lang: string, data: unknown): TeachStrings {
  const result = teachStringsSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new Error(`i18n/teach/${lang}.json does not match the schema: ${problems}`);
  }
  return result.data;
}

const raw: Record<Lang, unknown> = { pt, ru, zh };
const parsed = Object.fromEntries(languages.map((lang) => [lang, parseTeachStrings(lang, raw[lang])])) as Record<Lang, TeachStrings>;

export function teachStrings(lang: Lang): TeachStrings {
  return parsed[lang];
}
