import { describe, expect, it } from 'vitest';
import { pathInLanguage } from '../../src/lib/paths';
import { hashForOtherLanguage, preferredLanguage } from '../../src/lib/language-choice';
import { readingMinutes } from '../../src/lib/reading-time';
import { matchingSections, maxSections } from '../../src/lib/search-sections';

describe('language switcher paths', () => {
  it('keeps the page and swaps the language', () => {
    expect(pathInLanguage('/pt/how-networks-learn/one-neuron/', 'zh')).toBe('/zh/how-networks-learn/one-neuron/');
    expect(pathInLanguage('/ru/', 'pt')).toBe('/pt/');
    expect(pathInLanguage('/', 'ru')).toBe('/ru/');
    expect(pathInLanguage('/zh/about', 'ru')).toBe('/ru/about/');
  });
});

describe('language switcher hash', () => {
  it('carries widget states (with their flags) and leaves a heading anchor of this language behind', () => {
    expect(hashForOtherLanguage('#fit-one-neuron-line=preset:one-neuron-line,seed:7')).toBe('#fit-one-neuron-line=preset:one-neuron-line,seed:7');
    expect(hashForOtherLanguage('#fit=preset:relu-neurons,seed:3&run&lr=preset:range-test')).toBe('#fit=preset:relu-neurons,seed:3&run&lr=preset:range-test');
    expect(hashForOtherLanguage('#o-que-e-um-neuronio')).toBe('');
    expect(hashForOtherLanguage('')).toBe('');
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

describe('search result sections', () => {
  const page = '/pt/how-networks-learn/deeper-networks/';
  const section = (anchor: string, weights: number[], title = anchor) => ({ title, url: anchor ? `${page}#${anchor}` : page, excerpt: '', weighted_locations: weights.map((weight) => ({ weight })) });

  it('offers the sections under a heading, best first (page order on a tie), at most a few', () => {
    const found = matchingSections(page, [section('', [9, 9]), section('a', [1]), section('b', [5]), section('c', [1]), section('d', [2, 2]), section('e', [0.5])]);
    expect(found.map((entry) => entry.url.split('#')[1])).toEqual(['b', 'd', 'a']);
    expect(found).toHaveLength(maxSections);
  });

  it('leaves out the part above the first heading, untitled sections and other pages', () => {
    expect(matchingSections(page, [section('', [3]), section('x', [1], ' '), { title: 'Other', url: '/pt/other/#y', excerpt: '' }])).toEqual([]);
    expect(matchingSections(page, undefined)).toEqual([]);
  });
});
