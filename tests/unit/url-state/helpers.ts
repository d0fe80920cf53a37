/** Shared pieces of the URL-state property tests: the three languages' widget strings and what a good notice is. */
import { expect } from 'vitest';
import fc from 'fast-check';
import { widgetStringsSchema, type WidgetStrings } from '@i18n/widgets-schema';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';
import { numberFormatter, type NumberFormatter } from '@widgets/shell/text';

export const locales: Array<{ lang: string; locale: string; strings: WidgetStrings; format: NumberFormatter }> = [
  { lang: 'pt', locale: 'pt-BR', strings: widgetStringsSchema.parse(pt.widgets), format: numberFormatter('pt-BR') },
  { lang: 'ru', locale: 'ru', strings: widgetStringsSchema.parse(ru.widgets), format: numberFormatter('ru') },
  { lang: 'zh', locale: 'zh-CN', strings: widgetStringsSchema.parse(zh.widgets), format: numberFormatter('zh-CN') },
];

/** Property runs: enough to find the probe's defects every time, few enough for a shared 2-core machine. */
export const runs = { numRuns: 300 };
/** A property run takes about a second alone; a loaded shared machine can stretch that well past vitest's 5 s. */
export const propertyTimeout = 60_000;

/** Words that only reach a reader when JavaScript internals leak into a message. */
const leaks = /\[object|function |native code|\{\w+\}/;

export function expectCleanText(text: string): void {
  expect(text).not.toMatch(leaks);
  expect(text).not.toMatch(/[<>]/);
  expect(text.trim().length).toBeGreaterThan(0);
}

/** Keys that exist on every object through its prototype. */
export const inheritedKeys = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];

/** Tokens in the permalink alphabet, biased towards names that mean something to the widgets. */
export function tokenArbitrary(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...known, ...inheritedKeys),
    fc.stringMatching(/^[A-Za-z0-9._+-]{1,12}$/),
    fc.constantFrom('1', '0', '-1', '1e-4', '99999', '100000', '2.5', 'NaN', 'Infinity', '1e309', '0x10', '', ' ', '%', '%25'),
    fc.string({ maxLength: 8 }),
  );
}
