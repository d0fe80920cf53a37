import { describe, it, expect } from 'vitest';
import { curves } from '@widgets/plots/curves';
import { curve, host, labels, normalize } from './helpers';

describe('curves (activation functions)', () => {
  const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
  const data = {
    curves: [
      { id: 'sigmoid', name: 'sigmoid', points: curve(41, sigmoid, -5, 5) },
      { id: 'dsigmoid', name: "sigmoid'", points: curve(41, (x) => sigmoid(x) * (1 - sigmoid(x)), -5, 5) },
      { id: 'relu', name: 'ReLU', points: curve(41, (x) => Math.max(0, x) / 5, -5, 5) },
    ],
    guides: [{ axis: 'y' as const, value: 0.25, label: 'max σ′ = 1/4' }],
  };
  const acLabels = labels('Функции активации', { x: 'x', y: 'f(x)' });

  it('matches the snapshot', () => {
    const plot = curves(host(360), { locale: 'ru', labels: acLabels, data });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('fits a 360 px wide container', () => {
    const plot = curves(host(360), { locale: 'ru', labels: acLabels, data });
    const [, , w, h] = plot.element.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBe(360);
    // Tall enough for a usable plot area under the legend.
    const clip = plot.element.querySelector('clipPath rect')!;
    expect(Number(clip.getAttribute('height'))).toBeGreaterThanOrEqual(170);
    expect(h).toBeGreaterThanOrEqual(240);
    expect(plot.element.querySelectorAll('.dp-plot__axis--x .dp-plot__tick').length).toBeLessThanOrEqual(4);
    plot.destroy();
  });
});
