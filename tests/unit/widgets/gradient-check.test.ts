/**
 * GradientCheck's view model: the elements it marks red per planted bug are exactly those the engine's test
 * (tests/engine/custom-layer-check.test.ts) finds touched; the correct layers pass; the naive log is reported as not
 * finite (and its cells say so in the reader's language); float32 and a far h move the verdict; the error curve is the
 * U; the verdict, table cells and task line are written in each language's number format; bad link values are refused.
 */
import { describe, expect, it } from 'vitest';
import { LOG_UNDERFLOW_AT } from '@engine/gradcheck/custom-layers';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { checkView, errorCurves, floorOf, levelOf, type CheckSettings } from '@widgets/gradient-check/check-view';
import { gradientCheck, type GradientCheckState } from '@widgets/gradient-check/definition';
import { curveReadout, elementName, gradientCheckFormat, taskText, verdictText } from '@widgets/gradient-check/text';
import { presetState } from '@widgets/shell/definition';
import { stateFromLink } from '@widgets/shell/link-state';
import { numberFormatter } from '@widgets/shell/text';
import { stateOf } from '@widgets/shell/typed-state';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';

const strings = { pt: widgetStringsSchema.parse(pt.widgets), ru: widgetStringsSchema.parse(ru.widgets), zh: widgetStringsSchema.parse(zh.widgets) };
const locales = { pt: 'pt-BR', ru: 'ru', zh: 'zh-CN' } as const;
const preset = (name: string, extra: Partial<CheckSettings> = {}): GradientCheckState => ({ ...presetState(gradientCheck, name), ...extra });
const named = (view: ReturnType<typeof checkView>, level: string) =>
  view.rows.filter((row) => row.level === level).map((row) => (row.element.tensor === 'x' ? `x[${row.element.index.join(',')}]` : `${row.element.tensor}[${row.element.index[0]}]`));

describe('GradientCheck: which elements each preset marks (h = 1e-5, float64)', () => {
  it('swish-correct and log-eps pass at every element', () => {
    for (const name of ['swish-correct', 'log-eps']) {
      const view = checkView(preset(name));
      expect(view.verdict, name).toBe('pass');
      expect(view.count.pass, name).toBe(view.rows.length);
    }
    expect(checkView(preset('swish-correct')).rows).toHaveLength(15);
    expect(checkView(preset('log-eps')).rows).toHaveLength(12);
  });

  it('σ′ written σ(1 + σ): red at the same 13 elements as the engine test (every ∂x with x ≠ 0, every ∂β); green elsewhere', () => {
    const view = checkView(preset('swish-sigma-prime'));
    expect(view.verdict).toBe('fail');
    expect(named(view, 'fail')).toEqual(['x[0,0]', 'x[0,1]', 'x[0,2]', 'x[1,0]', 'x[1,2]', 'x[2,0]', 'x[2,1]', 'x[2,2]', 'x[3,1]', 'x[3,2]', 'beta[0]', 'beta[1]', 'beta[2]']);
    expect(named(view, 'pass')).toEqual(['x[1,1]', 'x[3,0]']);
    expect(view.result.worst).toEqual({ tensor: 'x', index: [1, 0] });
  });

  it('∂y/∂β one x short: red at β₀, β₁, β₂ only; every ∂x green', () => {
    const view = checkView(preset('swish-missing-x'));
    expect(view.verdict).toBe('fail');
    expect(named(view, 'fail')).toEqual(['beta[0]', 'beta[1]', 'beta[2]']);
    expect(view.count.pass).toBe(12);
  });

  it('naive log: not finite, all 12 elements (the analytic 0/0 at x[1,0], every numeric value from L = −∞)', () => {
    const view = checkView(preset('naive-log'));
    expect(view.verdict).toBe('nonFinite');
    expect(view.count.nonFinite).toBe(12);
    const [i, j] = LOG_UNDERFLOW_AT;
    const underflow = view.rows.find((row) => row.element.index[0] === i && row.element.index[1] === j)!;
    expect(Number.isNaN(underflow.analytic)).toBe(true);
    expect(view.rows.every((row) => Number.isNaN(row.numeric))).toBe(true);
    const format = gradientCheckFormat(strings.pt, locales.pt);
    expect(format.value(underflow.analytic)).toBe('não é finito (NaN)');
    expect(gradientCheckFormat(strings.ru, locales.ru).value(-Infinity)).toBe('не конечно (−∞)');
    expect(verdictText(strings.pt, view, format)).toBe('Não é finito: 12 de 12 elementos têm NaN ou ±∞ (o primeiro é x[0, 0]); enquanto a perda e a passagem reversa não forem finitas, a checagem não diz nada.');
  });
});

describe('GradientCheck: levels, precision and h', () => {
  it('levels: green below 1e-6, red above 1e-3, amber between (both edges amber), NaN not finite', () => {
    expect([1e-7, 1e-6, 1e-4, 1e-3, 2e-3, Number.NaN].map(levelOf)).toEqual(['pass', 'warn', 'warn', 'warn', 'fail', 'nonFinite']);
  });

  it('a float32 forward pass fails the correct Swish at h = 1e-5 and is only doubtful at its best h, 1e-2', () => {
    expect(checkView(preset('swish-correct', { precision: 'float32' })).verdict).toBe('fail');
    expect(checkView(preset('swish-correct', { precision: 'float32', h: 1e-2 })).verdict).toBe('warn');
    expect(checkView(preset('swish-correct', { h: 1e-1 })).verdict).toBe('fail');
  });

  it('the curve is a U: the float64 floor at 1e-6…1e-4, far above it at both ends; float32 bottoms out higher; the naive log has none', () => {
    const { float64, float32 } = errorCurves('swish');
    expect(float64).toHaveLength(29);
    const floor = floorOf(float64)!;
    expect(floor.h).toBeGreaterThanOrEqual(1e-6);
    expect(floor.h).toBeLessThanOrEqual(1e-4);
    expect(float64[0]!.maxRelativeError).toBeGreaterThan(100 * floor.maxRelativeError);
    expect(float64.at(-1)!.maxRelativeError).toBeGreaterThan(100 * floor.maxRelativeError);
    expect(floorOf(float32)!.maxRelativeError).toBeGreaterThan(1e-5);
    expect(errorCurves('log')).toEqual({ float64: [], float32: [] });
    expect(curveReadout(strings.zh, [], 'float64', gradientCheckFormat(strings.zh, locales.zh))).toBe(strings.zh.gradientCheck.noCurve);
  });
});

describe('GradientCheck text in each language', () => {
  it('the verdict gives the max relative error in the locale\'s format and the worst element', () => {
    const view = checkView(preset('swish-correct'));
    expect(verdictText(strings.pt, view, gradientCheckFormat(strings.pt, locales.pt))).toBe('Passa: o maior erro relativo é 2,4 × 10⁻¹⁰, em β[2], abaixo de 10⁻⁶.');
    expect(verdictText(strings.ru, view, gradientCheckFormat(strings.ru, locales.ru))).toBe('Проверка пройдена: наибольшая относительная ошибка — 2,4 × 10⁻¹⁰ (в β[2]), меньше 10⁻⁶.');
    expect(verdictText(strings.zh, view, gradientCheckFormat(strings.zh, locales.zh))).toBe('通过：最大相对误差为 2.4 × 10⁻¹⁰（在 β[2]），低于 10⁻⁶。');
    const failing = checkView(preset('swish-missing-x'));
    expect(verdictText(strings.ru, failing, gradientCheckFormat(strings.ru, locales.ru))).toBe('Проверка не пройдена: наибольшая относительная ошибка — 1,3 (в β[0]); у 3 из 15 элементов она больше 10⁻³.');
  });

  it('values keep 6 significant digits in the locale format; element names are x[row, unit] and β[unit]', () => {
    const format = gradientCheckFormat(strings.ru, locales.ru);
    expect(format.value(0.5)).toBe('0,5');
    expect(format.value(-1.23456789)).toBe('-1,23457');
    expect(format.scientific(0.047)).toBe('0,047');
    expect(format.scientific(9.96e-7)).toBe('10⁻⁶');
    expect(elementName(strings.zh, { tensor: 'x', index: [2, 1] })).toBe('x[2, 1]');
    expect(elementName(strings.zh, { tensor: 'beta', index: [0] })).toBe('β[0]');
  });

  it('the task line names the layer, the 4 × 3 input, h and the precision', () => {
    expect(taskText(strings.pt, locales.pt, preset('swish-sigma-prime'))).toBe('Swish y = x·σ(βx), passagem reversa com σ′ escrito σ(1 + σ); entrada 4 × 3, um β por unidade; h = 10⁻⁵; float64 (precisão dupla)');
    expect(taskText(strings.zh, locales.zh, preset('naive-log', { h: 3.16e-3, precision: 'float32' }))).toBe('y = log σ(x)，无 ε，σ 按 float32 存储；输入 4 × 3；h = 3.2 × 10⁻³；float32（单精度）');
  });
});

describe('GradientCheck settings from a link', () => {
  const lesson = { preset: 'swish-sigma-prime', choosePreset: false };

  it.each([
    ['h:0', 'h'],
    ['h:0.5', 'h'],
    ['layer:tanh', 'Вариант слоя'],
    ['precision:float16', 'Точность'],
  ])('refuses %s with a sentence in the reader\'s language and keeps the preset', (entry, words) => {
    const { state, notice } = stateFromLink(gradientCheck, lesson, `preset:swish-sigma-prime,seed:1,${entry}`, strings.ru, numberFormatter('ru'));
    expect(notice).toContain(words);
    expect(state.layer).toBe('swish-sigma-prime');
    expect(state.h).toBe(1e-5);
  });

  it('takes a valid setting', () => {
    const { state, notice } = stateFromLink(gradientCheck, lesson, 'preset:swish-sigma-prime,seed:1,layer:swish,h:0.01,precision:float32', strings.ru, numberFormatter('ru'));
    expect(notice).toBeNull();
    expect([state.layer, state.h, state.precision]).toEqual(['swish', 0.01, 'float32']);
    expect(checkView(stateOf(gradientCheck.table, state)).verdict).toBe('warn');
  });
});
