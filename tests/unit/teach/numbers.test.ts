import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseLocaleNumber, withinTolerance } from '@teach/exercises/numbers';

describe('numbers as readers type them', () => {
  it('reads decimal commas and points, minus signs, spaces and full-width digits', () => {
    expect(parseLocaleNumber('0,01', 'pt')).toBe(0.01);
    expect(parseLocaleNumber('0.01', 'pt')).toBe(0.01);
    expect(parseLocaleNumber('−0,2438', 'ru')).toBe(-0.2438);
    expect(parseLocaleNumber(' 1 000,5 ', 'ru')).toBe(1000.5);
    expect(parseLocaleNumber('1.000,5', 'pt')).toBe(1000.5);
    expect(parseLocaleNumber('1,000.5', 'zh')).toBe(1000.5);
    expect(parseLocaleNumber('2.3e-2', 'zh')).toBe(0.023);
    expect(parseLocaleNumber('０．２５', 'zh')).toBe(0.25);
    expect(parseLocaleNumber('1,000', 'zh')).toBe(1000);
    expect(parseLocaleNumber('1,000', 'ru')).toBe(1);
  });

  it('rejects anything that is not one plain number', () => {
    for (const bad of ['', 'abc', '1/2', '0,1,2', '1..2', '2+3', 'Infinity', 'NaN', '1e999', '0x10', '1,2.3,4']) {
      expect(parseLocaleNumber(bad, 'pt'), bad).toBeNull();
    }
  });

  it('round-trips any number written the way each locale writes it', () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom('pt-BR', 'ru', 'zh-CN'), (value, locale) => {
      const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(value);
      const lang = locale.slice(0, 2);
      const parsed = parseLocaleNumber(text, lang);
      expect(parsed).not.toBeNull();
      expect(Math.abs((parsed ?? 0) - Number(value.toFixed(6)))).toBeLessThan(1e-6);
    }));
  });

  it('tolerance is inclusive', () => {
    expect(withinTolerance(0.251, 0.25, 0.001)).toBe(true);
    expect(withinTolerance(0.2515, 0.25, 0.001)).toBe(false);
  });
});
