import { describe, it, expect } from 'vitest';
import { lossCurves } from '@widgets/plots/loss-curves';
import type { LossRun } from '@widgets/plots/types';
import { curve, host, labels, lossRun, normalize, press } from './helpers';

const lossLabels = labels('Curvas de perda', { x: 'passo', y: 'perda', diverged: 'divergiu', logY: 'escala log', smoothing: 'suavização' });

function runs(steps = 40): LossRun[] {
  return [
    { id: 'small', name: 'taxa 0,001', points: lossRun(steps, 0.01, 1) },
    { id: 'good', name: 'taxa 0,1', points: lossRun(steps, 0.15, 2) },
    {
      id: 'large',
      name: 'taxa 10',
      // Explodes, then NaN: the marker goes where the last finite loss was.
      points: curve(steps, (x) => (x < 6 ? 2 * 3 ** x : NaN)),
      diverged: true,
    },
  ];
}

describe('lossCurves', () => {
  it('matches the snapshot', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs() } });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('shows a table with one row per step', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(25) } });
    const button = plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(button.textContent).toBe('Mostrar dados como tabela');
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Ocultar tabela');
    const table = plot.element.querySelector('table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(25);
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['passo', 'taxa 0,001', 'taxa 0,1', 'taxa 10']);
    expect(table.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    button.click();
    expect(plot.element.querySelector('table')).toBeNull();
    plot.destroy();
  });

  it('samples long tables down to tableMaxRows', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(300) }, tableMaxRows: 50 });
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    expect(plot.element.querySelectorAll('tbody tr')).toHaveLength(50);
    plot.destroy();
  });

  it('update() adds points and reuses the axes and paths', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(10) } });
    const path = plot.element.querySelector('.dp-plot__main')!;
    const before = path.getAttribute('d')!;
    plot.update({ runs: runs(40) });
    plot.update({ runs: runs(80) });
    expect(plot.element.querySelectorAll('.dp-plot__axis--x')).toHaveLength(1);
    expect(plot.element.querySelectorAll('.dp-plot__axis--y')).toHaveLength(1);
    expect(plot.element.querySelectorAll('.dp-plot__line')).toHaveLength(3);
    expect(plot.element.querySelector('.dp-plot__main')).toBe(path);
    expect(path.getAttribute('d')!.split('L').length).toBeGreaterThan(before.split('L').length);
    plot.destroy();
  });

  it('moves the keyboard readout with ArrowRight', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(10) } });
    const area = plot.element.querySelector('.dp-plot__area')!;
    const live = plot.element.querySelector('[aria-live]')!;
    expect(area.getAttribute('tabindex')).toBe('0');
    press(area, 'Home');
    expect(live.textContent).toContain('passo: 0 ');
    press(area, 'ArrowRight');
    expect(live.textContent).toMatch(/^taxa 0,001 · passo: 1 · perda: /);
    press(area, 'ArrowDown');
    expect(live.textContent).toMatch(/^taxa 0,1 · passo: 1 · /);
    expect(plot.element.querySelector('.dp-plot__cursor')!.getAttribute('visibility')).toBeNull();
    press(area, 'Escape');
    expect(plot.element.querySelector('.dp-plot__cursor')!.getAttribute('visibility')).toBe('hidden');
    plot.destroy();
  });

  it('shows hover readouts without announcing them; announces keyboard readouts', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(10) } });
    const svgEl = plot.element.querySelector('svg')!;
    const [, , w, h] = svgEl.getAttribute('viewBox')!.split(' ').map(Number);
    svgEl.getBoundingClientRect = () => ({ left: 0, top: 0, width: w!, height: h!, right: w!, bottom: h!, x: 0, y: 0, toJSON: () => ({}) });
    const area = plot.element.querySelector('.dp-plot__area')!;
    const visible = plot.element.querySelector('.dp-plot__readout')!;
    const live = plot.element.querySelector('[aria-live]')!;
    // Point at the first run's first point: left edge of the plot, where its loss (≈2) is.
    const clip = plot.element.querySelector('clipPath rect')!;
    const plotG = plot.element.querySelector('.dp-plot__plot')!.getAttribute('transform')!;
    const [left, top] = plotG.match(/[\d.]+/g)!.map(Number);
    const firstY = Number(plot.element.querySelector('.dp-plot__main')!.getAttribute('d')!.match(/^M[\d.]+,([\d.]+)/)![1]);
    expect(Number(clip.getAttribute('width'))).toBeGreaterThan(0);
    area.dispatchEvent(new MouseEvent('pointermove', { clientX: left!, clientY: top! + firstY, bubbles: true }));
    expect(visible.textContent).toMatch(/^taxa 0,001 · passo: 0 · /);
    expect(live.textContent).toBe('');
    press(area, 'ArrowRight');
    expect(live.textContent).toMatch(/^taxa 0,001 · passo: 1 · /);
    plot.destroy();
  });

  it('marks a diverged run and says so in the readout', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(10) } });
    const markers = plot.element.querySelectorAll('.dp-plot__divergence');
    expect(markers).toHaveLength(1);
    expect(markers[0]!.getAttribute('data-series')).toBe('large');
    expect(markers[0]!.getAttribute('visibility')).toBeNull();
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'End');
    press(area, 'ArrowDown');
    press(area, 'ArrowDown');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toBe('taxa 10 · passo: 9 · perda: NaN · divergiu');
    plot.update({ runs: runs(10).map((r) => ({ ...r, diverged: false })) });
    expect(plot.element.querySelectorAll('.dp-plot__divergence')).toHaveLength(0);
    plot.destroy();
  });

  it('exports every point as CSV with dot decimals', () => {
    const data = {
      runs: [
        { id: 'a', name: 'taxa 0,1', points: [{ x: 0, y: 1.5 }, { x: 1, y: 0.25 }] },
        { id: 'b', name: 'taxa "10"', points: [{ x: 0, y: 2 }, { x: 2, y: NaN }] },
      ],
    };
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data });
    expect(plot.dataFormat).toBe('csv');
    expect(plot.exportData()).toBe('passo,"taxa 0,1","taxa ""10"""\r\n0,1.5,2\r\n1,0.25,\r\n2,,NaN\r\n');
    plot.destroy();
  });

  it('switches to a log y axis and smooths on demand', () => {
    const plot = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(30) } });
    const checkbox = plot.element.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    checkbox.checked = true;
    checkbox.dispatchEvent(new Event('change'));
    const ticks = Array.from(plot.element.querySelectorAll('.dp-plot__axis--y .dp-plot__tick text')).map((t) => t.textContent);
    expect(ticks).toContain('1');
    expect(ticks.some((t) => t === '0,1' || t === '10')).toBe(true);
    plot.setSmoothing(0.8);
    expect(plot.element.querySelector<HTMLInputElement>('input[type=range]')!.value).toBe('0.8');
    expect(plot.element.querySelector('output')!.textContent).toBe('0,80');
    expect(plot.element.querySelector('.dp-plot__raw')!.getAttribute('d')).toMatch(/^M/);
    plot.destroy();
  });

  it('writes decimal commas in pt-BR and dots in zh-CN', () => {
    const data = { runs: [{ id: 'a', name: 'a', points: curve(5, (x) => 0.5 + x / 10) }] };
    const pt = lossCurves(host(), { locale: 'pt-BR', labels: lossLabels, data });
    const zh = lossCurves(host(), { locale: 'zh-CN', labels: lossLabels, data });
    const ticks = (p: typeof pt) => Array.from(p.element.querySelectorAll('.dp-plot__axis--y text')).map((t) => t.textContent);
    expect(ticks(pt)).toContain('0,2');
    expect(ticks(zh)).toContain('0.2');
    press(pt.element.querySelector('.dp-plot__area')!, 'Home');
    expect(pt.element.querySelector('[aria-live]')!.textContent).toBe('a · passo: 0 · perda: 0,5');
    pt.destroy();
    zh.destroy();
  });

  it('refuses to draw without its translated labels', () => {
    const { showTable: _omit, ...incomplete } = lossLabels;
    expect(() => lossCurves(host(), { locale: 'pt-BR', labels: incomplete as typeof lossLabels, data: { runs: [] } })).toThrow(/showTable/);
  });

  it('destroy() removes the figure', () => {
    const el = host();
    const plot = lossCurves(el, { locale: 'ru', labels: lossLabels, data: { runs: runs(5) } });
    expect(el.querySelector('figure')).not.toBeNull();
    plot.destroy();
    expect(el.querySelector('figure')).toBeNull();
  });
});

describe('responsive layout', () => {
  it('re-lays out when the ResizeObserver reports a new width, and stops observing on destroy', () => {
    const observers: Array<{ callback: () => void; disconnected: boolean }> = [];
    const original = globalThis.ResizeObserver;
    globalThis.ResizeObserver = class {
      entry: { callback: () => void; disconnected: boolean };
      constructor(callback: () => void) {
        this.entry = { callback, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      unobserve() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    } as unknown as typeof ResizeObserver;
    try {
      let width = 900;
      const el = host();
      const plot = lossCurves(el, { locale: 'pt-BR', labels: lossLabels, data: { runs: runs(10) } });
      const area = plot.element.querySelector<HTMLElement>('.dp-plot__area')!;
      Object.defineProperty(area, 'clientWidth', { get: () => width });
      observers[0]!.callback();
      expect(plot.element.querySelector('svg')!.getAttribute('viewBox')).toMatch(/^0 0 900 /);
      width = 360;
      observers[0]!.callback();
      expect(plot.element.querySelector('svg')!.getAttribute('viewBox')).toMatch(/^0 0 360 /);
      expect(Number(plot.element.querySelector('clipPath rect')!.getAttribute('width'))).toBeLessThan(330);
      expect(plot.element.querySelectorAll('.dp-plot__axis--x')).toHaveLength(1);
      plot.destroy();
      expect(observers[0]!.disconnected).toBe(true);
    } finally {
      globalThis.ResizeObserver = original;
    }
  });
});
