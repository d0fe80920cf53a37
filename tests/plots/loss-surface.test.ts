import { describe, it, expect } from 'vitest';
import { lossSurface } from '@widgets/plots/loss-surface';
import type { LossSurfaceData, Trajectory } from '@widgets/plots/types';
import { host, labels, normalize, press } from './helpers';

/** An elongated bowl, f = x² + 10 y², and three optimizers' paths from (-4, 1.5). */
function surfaceData(): LossSurfaceData {
  const nx = 31;
  const ny = 21;
  const values: number[] = [];
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const x = -5 + (10 * i) / (nx - 1);
    const y = -2 + (4 * j) / (ny - 1);
    values.push(x * x + 10 * y * y + 0.1);
  }
  const path = (name: string, rate: number, zig: number): Trajectory => {
    const points = [];
    let x = -4;
    let y = 1.5;
    for (let k = 0; k < 15; k++) {
      points.push({ x, y });
      x -= rate * 2 * x;
      y = -y * zig;
    }
    return { id: name, name, points };
  };
  return {
    surface: { x: [-5, 5], y: [-2, 2], nx, ny, values },
    trajectories: [path('SGD', 0.05, 0.9), path('momentum', 0.12, 0.7), path('Adam', 0.2, 0.5)],
    minimum: { x: 0, y: 0 },
  };
}

const lsLabels = labels('Superfície de perda', { x: 'w₁', y: 'w₂', value: 'perda', step: 'passo', optimizer: 'otimizador' });

describe('lossSurface', () => {
  it('matches the snapshot (side by side)', () => {
    const plot = lossSurface(host(), { locale: 'pt-BR', labels: lsLabels, data: surfaceData(), levels: 6 });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('draws one panel per optimizer, or one overlaid panel with a legend', () => {
    const side = lossSurface(host(900), { locale: 'pt-BR', labels: lsLabels, data: surfaceData() });
    expect(side.element.querySelectorAll('.dp-plot__panel')).toHaveLength(3);
    expect(Array.from(side.element.querySelectorAll('.dp-plot__panel-title')).map((t) => t.textContent)).toEqual(['SGD', 'momentum', 'Adam']);
    expect(side.element.querySelectorAll('.dp-plot__contours path').length).toBe(3 * 14);
    const overlay = lossSurface(host(900), { locale: 'pt-BR', labels: lsLabels, data: surfaceData(), layout: 'overlay' });
    expect(overlay.element.querySelectorAll('.dp-plot__panel')).toHaveLength(1);
    expect(overlay.element.querySelectorAll('.dp-plot__trajectory')).toHaveLength(3);
    expect(overlay.element.querySelectorAll('.dp-plot__legend-item')).toHaveLength(3);
    side.destroy();
    overlay.destroy();
  });

  it('stacks panels at 360 px and reads trajectories with the keyboard', () => {
    const plot = lossSurface(host(360), { locale: 'pt-BR', labels: lsLabels, data: surfaceData() });
    const [, , w, h] = plot.element.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBe(360);
    expect(h).toBeGreaterThan(3 * 200);
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'Home');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toBe('SGD · passo: 0 · w₁: -4 · w₂: 1,5 · perda: 38,7');
    press(area, 'ArrowDown');
    press(area, 'ArrowRight');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^momentum · passo: 1 · /);
    plot.destroy();
  });

  it('exports trajectories as CSV and recomputes contours only when the surface changes', () => {
    const data = surfaceData();
    const plot = lossSurface(host(), { locale: 'pt-BR', labels: lsLabels, data, levels: 5 });
    const contour = plot.element.querySelector('.dp-plot__contours path')!.getAttribute('d');
    data.trajectories[0]!.points.push({ x: 0, y: 0 });
    plot.update({ ...data });
    expect(plot.element.querySelector('.dp-plot__contours path')!.getAttribute('d')).toBe(contour);
    const lines = plot.exportData().trim().split('\r\n');
    expect(lines[0]).toBe('otimizador,passo,w₁,w₂,perda');
    expect(lines).toHaveLength(1 + 16 + 15 + 15);
    plot.destroy();
  });
});
