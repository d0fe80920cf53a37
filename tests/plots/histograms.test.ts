import { describe, it, expect } from 'vitest';
import { layerHistograms, histogramStats } from '@widgets/plots/histograms';
import type { HistogramSnapshot, HistogramsData } from '@widgets/plots/types';
import { host, labels, normalize, press } from './helpers';

/** Gaussian-shaped histogram with spread `std`, 12 bins over ±3 std. */
function gaussian(step: number, std: number): HistogramSnapshot {
  const edges = Array.from({ length: 13 }, (_, k) => -3 * std + (6 * std * k) / 12);
  const counts = edges.slice(0, -1).map((e, k) => {
    const c = (e + edges[k + 1]!) / 2;
    return Math.round(1000 * Math.exp(-(c * c) / (2 * std * std)));
  });
  return { step, edges, counts };
}

function data(): HistogramsData {
  return {
    layers: [1, 2, 3].map((l) => ({
      id: `l${l}`,
      name: `camada ${l}`,
      snapshots: [0, 100, 200, 300].map((step) => gaussian(step, 0.5 ** l * (1 + step / 300))),
    })),
  };
}

const hLabels = { ...labels('Histogramas de gradientes', { x: 'gradiente', step: 'passo', mean: 'média', std: 'desvio padrão', layer: 'camada' }) };

describe('layerHistograms', () => {
  it('matches the snapshot', () => {
    const plot = layerHistograms(host(), { locale: 'pt-BR', labels: hLabels, data: data(), depth: 3 });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('computes mean and spread from the bins', () => {
    const { mean, std } = histogramStats({ step: 0, edges: [0, 1, 2], counts: [1, 1] });
    expect(mean).toBe(1);
    expect(std).toBe(0.5);
  });

  it('draws one panel per layer with the most recent snapshots', () => {
    const plot = layerHistograms(host(), { locale: 'pt-BR', labels: hLabels, data: data(), depth: 3 });
    const panels = plot.element.querySelectorAll('.dp-plot__panel');
    expect(panels).toHaveLength(3);
    expect(Array.from(panels[0]!.querySelectorAll('.dp-plot__ridges path')).map((p) => p.getAttribute('data-step'))).toEqual(['100', '200', '300']);
    plot.destroy();
  });

  it('walks snapshots and layers with the keyboard, exports JSON, tables summaries', () => {
    const d = data();
    const plot = layerHistograms(host(), { locale: 'pt-BR', labels: hLabels, data: d, depth: 4 });
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'Home');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^camada 1 · passo: 0 · média: 0 · desvio padrão: 0,\d+$/);
    press(area, 'ArrowRight');
    press(area, 'ArrowDown');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^camada 2 · passo: 100 · /);
    expect(plot.element.querySelector('.dp-plot__panel:nth-child(2) path[data-step="100"]')!.getAttribute('style')).toContain('stroke-width:2');
    expect(plot.dataFormat).toBe('json');
    expect(JSON.parse(plot.exportData())).toEqual(d);
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    expect(plot.element.querySelectorAll('tbody tr')).toHaveLength(12);
    plot.destroy();
  });
});
