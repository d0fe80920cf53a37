/**
 * Log y only where the data allow it: every finite y the chart plots must be > 0. A fixed domain reaching 0 or
 * below (activation functions) gets no log toggle; a chart whose data gain a y ≤ 0 falls back to linear and hides
 * its toggle until the data are positive again. Either way no path may contain NaN.
 */
import { describe, it, expect } from 'vitest';
import { curves } from '@widgets/plots/curves';
import { lineChart } from '@widgets/plots/line-chart';
import { chartLabels } from '@widgets/common/plot-labels';
import { strings as allStrings } from '@i18n/index';
import { curve, host, labels } from './helpers';

const withLog = labels('Perda', { x: 'passo', y: 'perda', logY: 'Escala log' });

function paths(root: HTMLElement): string[] {
  return [...root.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
}

function logToggle(root: HTMLElement): HTMLLabelElement | null {
  return [...root.querySelectorAll<HTMLLabelElement>('label.dp-plot__control')].find((l) => l.textContent?.includes('Escala log')) ?? null;
}

/** The y tick values, read back from the axis: on a log axis consecutive ticks have a constant ratio ≥ 10. */
function yTicks(root: HTMLElement): string[] {
  return [...root.querySelectorAll('.dp-plot__axis--y .dp-plot__tick text')].map((t) => t.textContent ?? '');
}

describe('log y follows the data', () => {
  it('a fixed domain through 0 (activations) has no toggle and draws no NaN, even when log is asked for', () => {
    const plot = curves(host(640), {
      locale: 'pt',
      labels: withLog,
      data: { curves: [{ id: 'tanh', name: 'tanh', points: curve(81, Math.tanh, -4, 4) }] },
      y: { domain: [-1.5, 2], type: 'log' },
    });
    expect(logToggle(plot.element)).toBeNull();
    const drawn = paths(plot.element).filter((d) => d.length > 0);
    expect(drawn.length).toBeGreaterThan(0);
    for (const d of drawn) expect(d).not.toContain('NaN');
    expect(yTicks(plot.element).some((t) => t.startsWith('-') || t.startsWith('−'))).toBe(true);
    plot.destroy();
  });

  it('positive losses are drawn on a log axis; a y ≤ 0 turns it linear and hides the toggle; positive again restores it', () => {
    const positive = { series: [{ id: 'a', name: 'a', points: curve(50, (x) => 2 * Math.exp(-x / 5) + 1e-3, 0, 49) }] };
    const plot = lineChart(host(640), { locale: 'pt', labels: withLog, data: positive, y: { type: 'log' } });
    const toggle = logToggle(plot.element)!;
    expect(toggle.hidden).toBe(false);
    expect(toggle.querySelector('input')!.checked).toBe(true);
    const logTicks = yTicks(plot.element);

    const withZero = { series: [{ id: 'a', name: 'a', points: curve(50, (x) => Math.cos(x / 5), 0, 49) }] };
    plot.update(withZero);
    expect(toggle.hidden).toBe(true);
    for (const d of paths(plot.element)) expect(d).not.toContain('NaN');
    expect(yTicks(plot.element)).not.toEqual(logTicks);
    expect(yTicks(plot.element).some((t) => t.startsWith('-') || t.startsWith('−'))).toBe(true);

    plot.update(positive);
    expect(toggle.hidden).toBe(false);
    expect(yTicks(plot.element)).toEqual(logTicks);
    plot.destroy();
  });

  it('a diverged run (Infinity, NaN) does not rule log out: only finite values are plotted on the axis', () => {
    const points = curve(20, (x) => (x < 15 ? 1 / (x + 1) : x === 15 ? Infinity : NaN), 0, 19);
    const plot = lineChart(host(640), {
      locale: 'pt',
      labels: withLog,
      data: { series: [{ id: 'a', name: 'a', points, diverged: true, divergedAt: 15 }] },
      y: { type: 'log' },
    });
    expect(logToggle(plot.element)!.hidden).toBe(false);
    for (const d of paths(plot.element)) expect(d).not.toContain('NaN');
    plot.destroy();
  });

  it('a y guide at 0 rules log out as well', () => {
    const plot = lineChart(host(640), {
      locale: 'pt',
      labels: withLog,
      data: { series: [{ id: 'a', name: 'a', points: curve(10, (x) => x + 1) }], guides: [{ axis: 'y', value: 0 }] },
      y: { type: 'log' },
    });
    expect(logToggle(plot.element)!.hidden).toBe(true);
    for (const d of paths(plot.element)) expect(d).not.toContain('NaN');
    plot.destroy();
  });

  it('charts of function values carry no log label; loss charts do', () => {
    const strings = allStrings('pt').widgets;
    expect(chartLabels(strings, 'activations', { logScale: false }).logY).toBeUndefined();
    expect(chartLabels(strings, 'fit', { logScale: false }).logY).toBeUndefined();
    expect(chartLabels(strings, 'loss').logY).toBe(strings.plots.common.logY);
  });
});
