import { describe, expect, it } from 'vitest';
import { pathInLanguage } from '../../src/lib/paths';
import { preferredLanguage } from '../../src/lib/language-choice';
import { readingMinutes } from '../../src/lib/reading-time';

describe('language switcher paths', () => {
  it('keeps the page and swaps the language', () => {
    expect(pathInLanguage('/pt/how-networks-learn/one-neuron/', 'zh')).toBe('/zh/how-networks-learn/one-neuron/');
    expect(pathInLanguage('/ru/', 'pt')).toBe('/pt/');
    expect(pathInLanguage('/', 'ru')).toBe('/ru/');
    expect(pathInLanguage('/zh/about', 'ru')).toBe('/ru/about/');
  });
});

describe('browser language pre-selection', () => {
  it('takes the first supported language', () => {
    expect(preferredLanguage(['de-DE', 'ru-RU', 'pt-BR'])).toBe('ru');
    expect(preferredLanguage(['pt-PT'])).toBe('pt');
    expect(preferredLanguage(['zh-TW', 'en'])).toBe('zh');
    expect(preferredLanguage(['en-US', 'fr'])).toBeNull();
  });
});

describe('reading time', () => {
  it('counts words for alphabetic scripts and characters for Chinese', () => {
    const words = Array.from({ length: 1000 }, () => 'palavra').join(' ');
    expect(readingMinutes(words)).toBe(5);
    expect(readingMinutes('学'.repeat(1750))).toBe(5);
  });

  it('adds time for each experiment and ignores imports and formulas', () => {
    const body = "import X from '@widgets/X.astro';\n\n$$\n" + 'a+b '.repeat(500) + '\n$$\n\n<X preset="a" />\n';
    expect(readingMinutes(body)).toBe(2);
  });
});
