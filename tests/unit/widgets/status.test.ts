// @vitest-environment jsdom
/**
 * The status line of a plan with several runs (SGD vs momentum, several widths) keeps the last progress of each
 * run and shows the best network over all of them, with the count; it never shows whichever run reported last.
 * Steps per second take the plural form of the page's language.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@engine/types';
import { intlLocale, strings } from '@i18n/index';
import { localProgress } from '@widgets/common/local-progress';
import { StatusLine } from '@widgets/shell/status';
import { numberFormatter } from '@widgets/shell/text';

const at = (step: number, losses: number[], stepsPerSecond = 374): ProgressEvent => ({ ...localProgress(step, step / 10, losses, 0.1), stepsPerSecond });

function line(lang: 'pt' | 'ru') {
  const locale = intlLocale(lang);
  const status = new StatusLine(strings(lang).widgets, numberFormatter(locale), locale, true);
  return { status, text: () => status.element.querySelector('.dp-status-numbers')!.textContent ?? '' };
}

describe('status line', () => {
  it('shows the best run so far, whichever run reported last', () => {
    const { status, text } = line('pt');
    status.progress(0, at(10, [0.5]));
    expect(text()).toBe('Época 1 · perda 0,5 · 374 passos/s');
    status.progress(1, at(10, [0.125]));
    expect(text()).toContain('perda 0,125 (a melhor de 2 redes)');
    // Run 0 speaks last with a worse loss: the line stays on run 1's, the better network.
    status.progress(0, at(20, [0.25]));
    expect(text()).toBe('Época 2 · perda 0,125 (a melhor de 2 redes) · 374 passos/s');
    status.progress(1, at(20, [0.0625]));
    expect(text()).toContain('perda 0,0625 (a melhor de 2 redes)');
  });

  it('counts members of every run, leaves diverged ones out, and forgets old runs on clear', () => {
    const { status, text } = line('ru');
    status.progress(0, at(10, [0.3, Number.NaN]));
    status.progress(1, at(10, [Number.POSITIVE_INFINITY, 0.2]));
    expect(text()).toBe('Эпоха 1 · потери 0,2 (лучшая из сетей: 4) · 374 шага/с');
    status.clear();
    status.progress(0, at(10, [0.3], 5));
    expect(text()).toBe('Эпоха 1 · потери 0,3 · 5 шагов/с');
  });
});
