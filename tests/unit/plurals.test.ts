/**
 * Counts are shown with Intl.PluralRules in every language: each plural table (an object with an `other` form)
 * in the language files has the form its locale picks for every whole count, and the counts the widgets
 * print next to a noun ("1 neurônio", «21 нейрон», «3 нейрона») come out grammatical.
 */
import { describe, expect, it } from 'vitest';
import pt from '../../src/i18n/pt.json';
import ru from '../../src/i18n/ru.json';
import zh from '../../src/i18n/zh.json';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { fill, pluralForm } from '@widgets/shell/text';
import { speedText } from '@widgets/shell/status';

const files = [
  { lang: 'pt', locale: 'pt-BR', file: pt },
  { lang: 'ru', locale: 'ru', file: ru },
  { lang: 'zh', locale: 'zh-CN', file: zh },
] as const;

function pluralTables(value: unknown, path = ''): Array<{ path: string; forms: Record<string, string> }> {
  if (typeof value !== 'object' || value === null) return [];
  if (Object.hasOwn(value, 'other') && typeof (value as { other: unknown }).other === 'string') return [{ path, forms: value as Record<string, string> }];
  return Object.entries(value).flatMap(([key, child]) => pluralTables(child, `${path}.${key}`));
}

describe.each(files)('$lang', ({ locale, file }) => {
  it('every plural table has the form its locale picks for each count from 0 to 1000', () => {
    const rules = new Intl.PluralRules(locale);
    const tables = pluralTables(file);
    expect(tables.map((table) => table.path)).toContain('.widgets.series.width');
    // One assertion over all tables and counts (an expect per count took seconds): the list of gaps must be empty.
    const missing: string[] = [];
    for (const { path, forms } of tables) {
      for (let count = 0; count <= 1000; count += 1) if (!Object.hasOwn(forms, rules.select(count))) missing.push(`${path} for ${count}: ${rules.select(count)}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('widths in the width sweep', () => {
  const label = (file: (typeof files)[number], width: number) => {
    const strings = widgetStringsSchema.parse(file.file.widgets);
    return fill(pluralForm(strings.series.width, file.locale, width), { width: new Intl.NumberFormat(file.locale).format(width) });
  };
  it.each([
    [0, 1, '1 neurônio'], [0, 2, '2 neurônios'], [0, 64, '64 neurônios'],
    [1, 1, '1 нейрон'], [1, 2, '2 нейрона'], [1, 4, '4 нейрона'], [1, 8, '8 нейронов'], [1, 21, '21 нейрон'], [1, 64, '64 нейрона'],
    [2, 1, '1 个神经元'], [2, 16, '16 个神经元'],
  ] as const)('language %i, width %i: %s', (index, width, expected) => {
    expect(label(files[index], width)).toBe(expected);
  });
});

describe('steps per second in the status line and the backend badge', () => {
  const speed = (index: number, value: number) => {
    const { file, locale } = files[index]!;
    return speedText(widgetStringsSchema.parse(file.widgets), value, locale);
  };
  it.each([
    [0, 1, '1 passo/s'], [0, 374, '374 passos/s'], [0, 1234.6, '1.235 passos/s'],
    [1, 1, '1 шаг/с'], [1, 374, '374 шага/с'], [1, 375, '375 шагов/с'], [1, 21, '21 шаг/с'], [1, 11, '11 шагов/с'], [1, 4500, '4 500 шагов/с'],
    [2, 374, '每秒 374 步'],
  ] as const)('language %i, %d steps/s: %s', (index, value, expected) => {
    expect(speed(index, value).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('fills the status line and every backend reason with the plural form, never a fixed noun', () => {
    for (const { file, locale } of files) {
      const strings = widgetStringsSchema.parse(file.widgets);
      for (const template of [strings.status.line, ...Object.values(strings.backendReasons)]) {
        if (!template.includes('{speed}')) continue;
        const line = fill(template, { speed: speedText(strings, 374, locale) });
        // The number is followed by its own noun only once (no "374 шага/с шагов/с").
        expect(line.match(/374/g)).toHaveLength(1);
        if (locale === 'ru') expect(line).toContain('374 шага/с');
      }
    }
  });
});
