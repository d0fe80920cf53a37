import { describe, expect, it } from 'vitest';
import pt from '../../../src/i18n/teach/pt.json';
import { parseTeachStrings, teachStrings } from '@i18n/teach';
import { languages } from '@i18n/languages';

describe('teaching strings', () => {
  it('every language matches the schema', () => {
    for (const lang of languages) expect(() => parseTeachStrings(lang, teachStrings(lang))).not.toThrow();
  });

  it('a missing or extra key fails with its path', () => {
    const missing = structuredClone(pt) as Record<string, any>;
    delete missing.exercises.check;
    expect(() => parseTeachStrings('pt', missing)).toThrow(/exercises\.check/);
    const extra = structuredClone(pt) as Record<string, any>;
    extra.progress.surprise = 'x';
    expect(() => parseTeachStrings('pt', extra)).toThrow(/surprise|Unrecognized/);
  });

  it('every placeholder of a pt string appears in ru and zh', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const walk = (a: unknown, b: unknown, path: string) => {
      if (typeof a === 'string') return expect(placeholders(String(b)), path).toEqual(placeholders(a));
      for (const key of Object.keys(a as object)) walk((a as any)[key], (b as any)[key], `${path}.${key}`);
    };
    walk(teachStrings('pt'), teachStrings('ru'), 'ru');
    walk(teachStrings('pt'), teachStrings('zh'), 'zh');
  });
});
