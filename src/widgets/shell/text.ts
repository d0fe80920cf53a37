/**
 * Text helpers for islands: the widget strings arrive as serialized props (already in the page's language),
 * numbers are formatted with Intl for the page's locale. Everything ends up in `textContent`, never HTML.
 */
import type { WidgetPlural, WidgetStrings } from '@i18n/widgets-schema';
import type { Problem } from './validate';
import { formatScientific } from '../plots/format';

export type { WidgetStrings };

/** Replaces `{name}` placeholders with values (as text). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}

export interface NumberFormatter {
  /** Short number for status lines and readouts (4 significant digits, scientific when tiny or huge). */
  short(value: number): string;
  integer(value: number): string;
  /** The number exactly as written (limits in messages: 99999 stays 99999, never "100.000"). */
  exact(value: number): string;
}

export function numberFormatter(locale: string): NumberFormatter {
  const plain = new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
  return {
    short: (value) => {
      if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
      const magnitude = Math.abs(value);
      return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6) ? formatScientific(locale, value) : plain.format(value);
    },
    integer: (value) => integer.format(value),
    exact: (value) => exact.format(value),
  };
}

/** An own string property of a strings table (never one inherited from Object.prototype), or undefined. */
export function own(table: object, key: string): string | undefined {
  const value: unknown = Object.hasOwn(table, key) ? (table as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The plural form Intl.PluralRules picks for `count` in `locale` (falls back to `other`). */
export function pluralForm(forms: WidgetPlural, locale: string, count: number): string {
  return own(forms, new Intl.PluralRules(locale).select(count)) ?? forms.other;
}

/** Label of a parameter key, falling back to the key itself (keys are safe tokens). */
export function paramLabel(strings: WidgetStrings, key: string): string {
  return own(strings.params, key) ?? key;
}

/** Label of a control's option: the widget options first (so `normal` reads as the speed), then the engine's
 * initializer and optimizer names (`he_normal`, `adam`), then presets. */
export function optionLabel(strings: WidgetStrings, option: string): string {
  return own(strings.options, option) ?? own(strings.initializers, option) ?? own(strings.optimizers, option) ?? own(strings.presets, option) ?? option;
}

/** One localized sentence per validation problem. */
export function describeProblem(strings: WidgetStrings, problem: Problem, format: NumberFormatter): string {
  const template = strings.problems[problem.code];
  return fill(template, {
    param: problem.param === '' ? '' : paramLabel(strings, problem.param),
    min: problem.min === undefined ? '' : format.exact(problem.min),
    max: problem.max === undefined ? '' : format.exact(problem.max),
    allowed: (problem.allowed ?? []).map((option) => optionLabel(strings, option)).join(', '),
  });
}

/**
 * A widget that probes a network instead of training it (`probes` in its definition) says so: its main button
 * reads "Evaluate" / «Оценить», its status "Evaluating", its pre-rendered result's note that nothing was trained,
 * and its backend badge drops the training speed (the ": {speed}" that ends every reason).
 */
export function probeWording(strings: WidgetStrings): WidgetStrings {
  const { probe } = strings;
  return {
    ...strings,
    controls: { ...strings.controls, play: probe.play, again: probe.again },
    status: { ...strings.status, idle: probe.idle, running: probe.running },
    result: { ...strings.result, note: probe.note },
    backendReasons: Object.fromEntries(Object.entries(strings.backendReasons).map(([key, text]) => [key, text.replace(/\s*[:：]\s*\{speed\}\s*$/u, '')])) as WidgetStrings['backendReasons'],
  };
}
