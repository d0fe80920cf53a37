import { describe, expect, it } from 'vitest';
import pt from '../../src/i18n/pt.json';
import { formatNumber, languages, parseStrings, plural, strings, format } from '../../src/i18n/index';
import { languageTable } from '@i18n/language-list.mjs';

describe('UI strings', () => {
  it('every language file matches the schema', () => {
    for (const lang of languages) expect(() => parseStrings(lang, strings(lang))).not.toThrow();
  });

  it('a missing key fails with its path', () => {
    const broken = structuredClone(pt) as Record<string, any>;
    delete broken.nav.next;
    expect(() => parseStrings('pt', broken)).toThrow(/nav\.next/);
  });

  it('an extra key fails', () => {
    const broken = structuredClone(pt) as Record<string, any>;
    broken.nav.surprise = 'x';
    expect(() => parseStrings('pt', broken)).toThrow(/surprise|Unrecognized/);
  });

  it('html lang attributes are the agreed ones', () => {
    expect(languages.map((lang) => strings(lang).meta.htmlLang)).toEqual(languageTable.map((language) => language.htmlLang));
  });

  it('Russian plurals use three forms', () => {
    const forms = strings('ru').home.lessonsCount;
    expect(plural('ru', 1, forms)).toBe('1 урок');
    expect(plural('ru', 3, forms)).toBe('3 урока');
    expect(plural('ru', 5, forms)).toBe('5 уроков');
    expect(plural('ru', 11, forms)).toBe('11 уроков');
    expect(plural('ru', 21, forms)).toBe('21 урок');
    expect(plural('ru', 22, forms)).toBe('22 урока');
  });

  it('Portuguese and Chinese plurals', () => {
    expect(plural('pt', 1, strings('pt').home.lessonsCount)).toBe('1 lição');
    expect(plural('pt', 6, strings('pt').home.lessonsCount)).toBe('6 lições');
    expect(plural('zh', 6, strings('zh').home.lessonsCount)).toBe('6 课');
  });

  it('pt and ru write decimal commas, zh a point', () => {
    expect(formatNumber('pt', 0.25)).toBe('0,25');
    expect(formatNumber('ru', 0.25)).toBe('0,25');
    expect(formatNumber('zh', 0.25)).toBe('0.25');
    expect(formatNumber('pt', 1240)).toBe('1.240');
  });

  it('format fills placeholders as text and leaves unknown ones', () => {
    expect(format('Lição {n} de {m}', { n: 2, m: 6 })).toBe('Lição 2 de 6');
    expect(format('{a} {b}', { a: '<b>' })).toBe('<b> {b}');
  });
});
