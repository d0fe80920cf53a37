import { describe, expect, it } from 'vitest';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';
import { describeProblem, fill, numberFormatter } from '@widgets/shell/text';

describe('widget strings', () => {
  it.each([['pt', pt], ['ru', ru], ['zh', zh]])('%s matches the widgets schema', (_, file) => {
    expect(widgetStringsSchema.safeParse(file.widgets).success).toBe(true);
  });

  it('fills placeholders as plain text and keeps unknown ones', () => {
    expect(fill('{a} and {b}', { a: '<b>' })).toBe('<b> and {b}');
  });

  it('describes a problem in the page language with localized numbers', () => {
    const strings = widgetStringsSchema.parse(ru.widgets);
    const text = describeProblem(strings, { code: 'outOfRange', param: 'lr', min: 0.0001, max: 1 }, numberFormatter('ru'));
    expect(text).toBe('Значение «Скорость обучения» должно быть от 0,0001 до 1.');
  });
});
