import { describe, it, expect } from 'vitest';
import { functionFit } from '@widgets/plots/function-fit';
import type { FunctionFitData } from '@widgets/plots/types';
import { curve, host, labels, normalize, press, seeded } from './helpers';

const fitLabels = labels('Ajuste de função', {
  x: 'x',
  y: 'y',
  target: 'alvo',
  training: 'dados de treino',
  units: 'contribuição de cada neurônio',
  domain: 'domínio de treino',
});

function fitData(): FunctionFitData {
  const rand = seeded(7);
  const units = [0, 1, 2].map((i) => ({ id: String(i), name: `neurônio ${i + 1}`, points: curve(21, (x) => (i - 1) * Math.tanh(x + i - 1), -4, 4) }));
  return {
    target: curve(21, (x) => Math.sin(x), -4, 4),
    training: Array.from({ length: 12 }, () => {
      const x = -3 + 6 * rand();
      return { x, y: Math.sin(x) + (rand() - 0.5) * 0.2 };
    }),
    predictions: [{ id: 'net', name: 'rede', points: curve(21, (x) => units.reduce((s, u) => s + u.points[Math.round((x + 4) * 2.5)]!.y, 0), -4, 4) }],
    units,
    domain: [-3, 3],
    readouts: [
      { label: 'w', value: 1.2345 },
      { label: 'b', value: -0.5 },
    ],
  };
}

describe('functionFit', () => {
  it('matches the snapshot', () => {
    const plot = functionFit(host(), { locale: 'pt-BR', labels: fitLabels, data: fitData(), yDomain: [-2, 2] });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('shades the training domain, shows readouts and one legend entry for all units', () => {
    const plot = functionFit(host(), { locale: 'pt-BR', labels: fitLabels, data: fitData() });
    const band = plot.element.querySelector('.dp-plot__bands rect')!;
    expect(Number(band.getAttribute('width'))).toBeGreaterThan(0);
    expect(plot.element.querySelector('.dp-plot__bands text')!.textContent).toBe('domínio de treino');
    const readouts = Array.from(plot.element.querySelectorAll('.dp-plot__readouts text')).map((t) => t.textContent);
    expect(readouts).toEqual(['w = 1,235', 'b = -0,5']);
    const legend = Array.from(plot.element.querySelectorAll('.dp-plot__legend-item text')).map((t) => t.textContent);
    expect(legend).toEqual(['contribuição de cada neurônio', 'alvo', 'dados de treino', 'rede']);
    plot.destroy();
  });

  it('lists units, target, training points and prediction in the table', () => {
    const plot = functionFit(host(), { locale: 'pt-BR', labels: fitLabels, data: fitData() });
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    const headers = Array.from(plot.element.querySelectorAll('thead th')).map((t) => t.textContent);
    expect(headers).toEqual(['x', 'neurônio 1', 'neurônio 2', 'neurônio 3', 'alvo', 'dados de treino', 'rede']);
    // 21 grid points + 12 training points at other x values.
    expect(plot.element.querySelectorAll('tbody tr')).toHaveLength(33);
    plot.destroy();
  });

  it('reads the prediction with the keyboard', () => {
    const plot = functionFit(host(), { locale: 'pt-BR', labels: fitLabels, data: fitData() });
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'Home');
    press(area, 'ArrowUp');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^rede · x: -4 · y: /);
    press(area, 'ArrowRight');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^rede · x: -3,6 · y: /);
    plot.destroy();
  });

  it('requires a label for every layer it is given', () => {
    const { target: _t, ...rest } = fitLabels;
    expect(() => functionFit(host(), { locale: 'pt-BR', labels: rest, data: fitData() })).toThrow(/labels.target/);
  });
});
