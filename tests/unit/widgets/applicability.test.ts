// @vitest-environment jsdom
/**
 * Controls that do not apply (issue 8, 3f): declared once in the definition, rendered disabled with a localized
 * reason tied by aria-describedby, enabled again when the state changes back; a control locked by someone else
 * (an assignment) is never re-enabled by it.
 */
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { biasVariance } from '@widgets/bias-variance/definition';
import { allDefinitions } from '@widgets/definitions';
import { functionFit } from '@widgets/function-fit/definition';
import { learningRateSweep } from '@widgets/learning-rate-sweep/definition';
import { controlStatus, inapplicableReasons } from '@widgets/shell/applicability';
import { buildControls } from '@widgets/shell/controls';
import { presetNames, presetState, type WidgetDefinition } from '@widgets/shell/definition';
import type { AnyState } from '@widgets/shell/params';
import { numberFormatter } from '@widgets/shell/text';

const reasonOf = (definition: WidgetDefinition, preset: string, key: string, change: AnyState = {}) =>
  controlStatus(definition, key, { ...presetState(definition, preset), ...change }).reason;

function controls(lang: 'pt' | 'ru' | 'zh', definition: WidgetDefinition, keys: string[]) {
  return buildControls(definition.table, keys, strings(lang).widgets, numberFormatter(intlLocale(lang)), () => undefined, (key, state) => controlStatus(definition, key, state));
}

const input = (root: HTMLElement, key: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${key}"]`)!;
const reasonText = (root: HTMLElement, key: string) => {
  const id = input(root, key).getAttribute('aria-describedby');
  return id === null ? null : [...root.querySelectorAll<HTMLElement>('.dp-control-reason')].find((note) => note.id === id)?.textContent ?? '';
};

describe('rules in the definitions', () => {
  it('width and activation do nothing without a hidden layer; the swept or compared setting does nothing in its experiment', () => {
    expect(reasonOf(functionFit, 'one-neuron-line', 'width')).toBe('noHiddenLayers');
    expect(reasonOf(functionFit, 'one-neuron-curve', 'activation')).toBe('noHiddenLayers');
    expect(reasonOf(functionFit, 'one-neuron-line', 'width', { layers: 1 })).toBeNull();
    expect(reasonOf(functionFit, 'width-sweep', 'width')).toBe('compared');
    expect(reasonOf(functionFit, 'tanh-vs-relu', 'activation')).toBe('compared');
    expect(reasonOf(functionFit, 'sgd-vs-momentum', 'optimizer')).toBe('compared');
    expect(reasonOf(functionFit, 'relu-neurons', 'width')).toBeNull();
    expect(reasonOf(biasVariance, 'capacity', 'width')).toBe('compared');
    expect(reasonOf(biasVariance, 'epochs', 'width')).toBeNull();
    expect(reasonOf(learningRateSweep, 'too-small-vs-too-large', 'lrCount')).toBe('listedRates');
    expect(reasonOf(learningRateSweep, 'too-small-vs-too-large', 'lrCount', { rates: 'log-range' })).toBeNull();
  });

  it('every rule names a control of its family and answers a known reason for every preset', () => {
    for (const definition of allDefinitions)
      for (const [key, rule] of Object.entries(definition.inapplicable ?? {})) {
        expect(definition.controls, `${definition.family}.${key}`).toContain(key);
        for (const preset of presetNames(definition)) expect([null, ...inapplicableReasons]).toContain(rule(presetState(definition, preset)));
      }
  });
});

describe('rendered controls', () => {
  for (const lang of ['pt', 'ru', 'zh'] as const)
    it(`${lang}: disabled with the reason in the page's language, enabled again when it applies`, () => {
      const handle = controls(lang, functionFit, ['layers', 'width', 'activation', 'lr']);
      const root = handle.element;
      handle.set(presetState(functionFit, 'one-neuron-line'));
      for (const key of ['width', 'activation']) {
        expect(input(root, key).disabled, key).toBe(true);
        expect(reasonText(root, key)).toBe(strings(lang).widgets.inapplicable.noHiddenLayers);
      }
      expect(input(root, 'lr').disabled).toBe(false);
      expect(input(root, 'lr').hasAttribute('aria-describedby')).toBe(false);
      handle.set({ ...presetState(functionFit, 'one-neuron-line'), layers: 1 });
      for (const key of ['width', 'activation']) {
        expect(input(root, key).disabled, key).toBe(false);
        expect(reasonText(root, key)).toBeNull();
      }
      expect(root.querySelectorAll('.dp-control-reason')).toHaveLength(0);
    });

  it('a control locked elsewhere stays disabled when its own rule lets it apply', () => {
    const handle = controls('pt', functionFit, ['layers', 'width']);
    handle.set(presetState(functionFit, 'relu-neurons'));
    input(handle.element, 'width').disabled = true;
    handle.set({ ...presetState(functionFit, 'relu-neurons'), layers: 0 });
    handle.set(presetState(functionFit, 'relu-neurons'));
    expect(input(handle.element, 'width').disabled).toBe(true);
  });
});
