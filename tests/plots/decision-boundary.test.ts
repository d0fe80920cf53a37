import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { decisionBoundary } from '@widgets/plots/decision-boundary';
import type { DecisionBoundaryData, Grid2D } from '@widgets/plots/types';
import { host, labels, normalize, press, seeded } from './helpers';

/** A fake 2-D context: records the image it is given (jsdom has no canvas). */
let painted: ImageData | null = null;
const original = HTMLCanvasElement.prototype.getContext;
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = function () {
    return {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (image: ImageData) => {
        painted = image;
      },
    } as unknown as CanvasRenderingContext2D;
  } as unknown as typeof original;
});
afterAll(() => {
  HTMLCanvasElement.prototype.getContext = original;
});

function data(): DecisionBoundaryData {
  const nx = 21;
  const ny = 21;
  const values = new Float32Array(nx * ny);
  // P(class 1) = sigmoid(3·(x + y)) on [-1, 1]²: boundary along y = −x, class 1 top right.
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = 1 / (1 + Math.exp(-3 * ((-1 + i / 10) + (-1 + j / 10))));
  const grid: Grid2D = { x: [-1, 1], y: [-1, 1], nx, ny, values };
  const rand = seeded(9);
  const points = Array.from({ length: 16 }, () => {
    const x = rand() * 2 - 1;
    const y = rand() * 2 - 1;
    return { x, y, label: x + y > 0 ? 1 : 0 };
  });
  return { grid, points };
}

const dbLabels = labels('Fronteira de decisão', { x: 'x₁', y: 'x₂', classes: ['laranja', 'azul'], probability: 'P(azul)', classColumn: 'classe' });

describe('decisionBoundary', () => {
  it('matches the snapshot', () => {
    const plot = decisionBoundary(host(), { locale: 'pt-BR', labels: dbLabels, data: data() });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('paints the field on a canvas, one pixel per cell, class 1 blue at the top right', () => {
    const plot = decisionBoundary(host(), { locale: 'pt-BR', labels: dbLabels, data: data() });
    const canvas = plot.element.querySelector('canvas.dp-plot__layer')!;
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    expect(painted!.width).toBe(21);
    const pixel = (i: number, row: number) => Array.from(painted!.data.slice((row * 21 + i) * 4, (row * 21 + i) * 4 + 3));
    const [r, , b] = pixel(20, 0); // top-right: canvas row 0 is the largest y
    expect(b).toBeGreaterThan(r!);
    const [r2, , b2] = pixel(0, 20);
    expect(r2).toBeGreaterThan(b2!);
    plot.destroy();
  });

  it('draws the 0.5 boundary and one symbol path per class', () => {
    const plot = decisionBoundary(host(), { locale: 'pt-BR', labels: dbLabels, data: data() });
    expect(plot.element.querySelector('.dp-plot__boundary')!.getAttribute('d')).toMatch(/^M/);
    expect(plot.element.querySelectorAll('.dp-plot__points path')).toHaveLength(2);
    plot.destroy();
  });

  it('reads points with the keyboard and tables them with the model output', () => {
    const d = data();
    const plot = decisionBoundary(host(), { locale: 'pt-BR', labels: dbLabels, data: d });
    press(plot.element.querySelector('.dp-plot__area')!, 'Home');
    const text = plot.element.querySelector('[aria-live]')!.textContent!;
    expect(text.startsWith(d.points[0]!.label ? 'azul · x₁: ' : 'laranja · x₁: ')).toBe(true);
    expect(text).toMatch(/P\(azul\): \d,\d+/);
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    expect(plot.element.querySelectorAll('tbody tr')).toHaveLength(16);
    expect(plot.exportData().split('\r\n')[0]).toBe('x₁,x₂,classe,P(azul)');
    plot.destroy();
  });
});

describe('decisionBoundary theme', () => {
  it('repaints the field when the site theme changes', async () => {
    const plot = decisionBoundary(host(), { locale: 'pt-BR', labels: dbLabels, data: data() });
    painted = null;
    document.documentElement.setAttribute('data-theme', 'dark');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(painted).not.toBeNull();
    document.documentElement.removeAttribute('data-theme');
    plot.destroy();
  });
});
