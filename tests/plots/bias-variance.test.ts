import { describe, it, expect } from 'vitest';
import { resampledFits } from '@widgets/plots/resampled-fits';
import { biasVarianceDecomposition } from '@widgets/plots/bias-variance';
import { trainVsValidation } from '@widgets/plots/train-validation';
import type { DecompositionRow } from '@widgets/plots/types';
import { curve, host, labels, normalize, press, seeded } from './helpers';

function fitsData() {
  const rand = seeded(5);
  const fits = Array.from({ length: 6 }, () => {
    const a = 0.8 + rand() * 0.4;
    const b = (rand() - 0.5) * 0.4;
    return curve(11, (x) => a * Math.sin(x) + b, -3, 3);
  });
  const mean = fits[0]!.map((p, i) => ({ x: p.x, y: fits.reduce((s, f) => s + f[i]!.y, 0) / fits.length }));
  return { fits, mean, truth: curve(11, Math.sin, -3, 3) };
}

function rows(): DecompositionRow[] {
  return [1, 2, 3, 4, 5, 6, 7, 8].map((c) => ({
    x: c,
    bias2: 1 / c,
    variance: 0.02 * c * c,
    noise: 0.1,
    measured: 1 / c + 0.02 * c * c + 0.1 + 0.01,
  }));
}

const bvLabels = labels('Decomposição do erro', {
  x: 'complexidade',
  y: 'erro esperado',
  bias2: 'viés²',
  variance: 'variância',
  noise: 'ruído',
  total: 'total',
  measured: 'erro medido',
});

describe('resampledFits', () => {
  const rfLabels = labels('Ajustes reamostrados', { x: 'x', y: 'y', fit: 'ajuste', mean: 'média', truth: 'função verdadeira' });

  it('matches the snapshot', () => {
    const plot = resampledFits(host(), { locale: 'pt-BR', labels: rfLabels, data: fitsData() });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('draws every fit but lists one legend entry for them', () => {
    const plot = resampledFits(host(), { locale: 'pt-BR', labels: rfLabels, data: fitsData() });
    expect(plot.element.querySelectorAll('.dp-plot__line')).toHaveLength(6 + 3);
    const legend = Array.from(plot.element.querySelectorAll('.dp-plot__legend-item text')).map((t) => t.textContent);
    expect(legend).toEqual(['ajuste', 'função verdadeira', 'média']);
    expect(plot.exportData().split('\r\n')[0]).toBe('x,ajuste 1,ajuste 2,ajuste 3,ajuste 4,ajuste 5,ajuste 6,função verdadeira,média');
    plot.destroy();
  });
});

describe('biasVarianceDecomposition', () => {
  it('matches the snapshot (lines)', () => {
    const plot = biasVarianceDecomposition(host(), { locale: 'pt-BR', labels: bvLabels, data: { rows: rows() } });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('matches the snapshot (stacked)', () => {
    const plot = biasVarianceDecomposition(host(), { locale: 'pt-BR', labels: bvLabels, data: { rows: rows() }, mode: 'stacked' });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('tables the terms, not the stacked sums, and reads a band by its own size', () => {
    const plot = biasVarianceDecomposition(host(), { locale: 'pt-BR', labels: bvLabels, data: { rows: rows() }, mode: 'stacked' });
    const csv = plot.exportData().split('\r\n');
    expect(csv[0]).toBe('complexidade,viés²,variância,ruído,total,erro medido');
    expect(csv[2]).toBe('2,0.5,0.08,0.1,0.6799999999999999,0.69');
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'Home');
    press(area, 'ArrowDown');
    press(area, 'ArrowRight');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toBe('viés² · complexidade: 2 · erro esperado: 0,5');
    expect(plot.element.querySelectorAll('.dp-plot__legend-swatch[d^="M2,-6"]')).toHaveLength(3);
    plot.destroy();
  });
});

describe('trainVsValidation', () => {
  it('matches the snapshot and marks the best epoch', () => {
    const plot = trainVsValidation(host(), {
      locale: 'zh-CN',
      labels: labels('训练与验证误差', { x: '轮次', y: '误差', train: '训练', validation: '验证', best: '最佳' }),
      data: { train: curve(20, (x) => 1 / (1 + x)), validation: curve(20, (x) => 1 / (1 + x) + 0.002 * x * x), best: 6 },
    });
    expect(plot.element.querySelector('.dp-plot__guide text')!.textContent).toBe('最佳');
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });
});
