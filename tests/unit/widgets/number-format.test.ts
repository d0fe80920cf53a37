import { describe, expect, it } from 'vitest';
import { formatScientific, formatValue, linearTickFormat } from '@widgets/plots/format';
import { numberFormatter } from '@widgets/shell/text';

describe('numbers as the lessons write them', () => {
  it('writes tiny and huge numbers as m × 10ⁿ in the locale, never as 1E-5', () => {
    expect(formatScientific('pt-BR', 2.4e-10)).toBe('2,4 × 10⁻¹⁰');
    expect(formatScientific('ru', 2.4e-10)).toBe('2,4 × 10⁻¹⁰');
    expect(formatScientific('zh-CN', 2.4e-10)).toBe('2.4 × 10⁻¹⁰');
    expect(formatScientific('pt-BR', 1e-5)).toBe('10⁻⁵');
    expect(formatScientific('pt-BR', -1e-5)).toBe('−10⁻⁵');
    // 9.996e-4 rounds up to the next power of ten, not to "10 × 10⁻⁴".
    expect(formatScientific('pt-BR', 9.996e-4)).toBe('10⁻³');
    expect(formatScientific('pt-BR', 3.14159e7, 3)).toBe('3,14 × 10⁷');
  });

  it('uses it wherever a readout, a status line or an axis needs it', () => {
    for (const text of [formatValue('pt-BR', 1e-4), numberFormatter('pt-BR').short(1e-4), linearTickFormat('pt-BR', [0, 2e-5, 4e-5])(2e-5)]) {
      expect(text).not.toMatch(/E/);
    }
    expect(numberFormatter('ru').short(2.5e-7)).toBe('2,5 × 10⁻⁷');
    expect(numberFormatter('pt-BR').short(0.0125)).toBe('0,0125');
  });
});
