// @vitest-environment jsdom
/** The step button says how many optimizer steps one click makes, with the page language's plural forms. */
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { Toolbar } from '@widgets/shell/toolbar';

const noop = () => undefined;
const actions = { togglePlay: noop, step: noop, reset: noop, defaults: noop, copyLink: noop };

describe('step button', () => {
  const button = (lang: 'pt' | 'ru' | 'zh', count: number) => {
    const toolbar = new Toolbar(strings(lang).widgets, true, actions);
    toolbar.showStepSize(count, intlLocale(lang));
    return toolbar.element.querySelector<HTMLButtonElement>('[data-action="step"]')!;
  };

  it('names the count when a click makes several steps', () => {
    expect(button('pt', 10).textContent).toBe('+10 passos');
    expect(button('ru', 10).textContent).toBe('+10 шагов');
    expect(button('ru', 2).textContent).toBe('+2 шага');
    expect(button('zh', 10).textContent).toBe('+10 步');
    expect(button('pt', 10).dataset.steps).toBe('10');
  });

  it('keeps "one step" when a click is one step', () => {
    expect(button('pt', 1).textContent).toBe(strings('pt').widgets.controls.step);
    expect(button('ru', 1).textContent).toBe('Один шаг');
  });
});
