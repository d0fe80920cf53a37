import { describe, it, expect } from 'vitest';
import { networkGraph } from '@widgets/plots/network-graph';
import type { NetworkGraphData } from '@widgets/plots/types';
import { host, labels, normalize, press, seeded } from './helpers';

function net(): NetworkGraphData {
  const rand = seeded(4);
  const layers = [2, 3, 1];
  const weights = layers.slice(0, -1).map((n, l) => Array.from({ length: n }, () => Array.from({ length: layers[l + 1]! }, () => rand() * 2 - 1)));
  const biases = layers.slice(1).map((n) => Array.from({ length: n }, () => rand() - 0.5));
  return { layers, weights, biases };
}

const ngLabels = labels('Rede', { layerNames: ['entrada', 'oculta', 'saída'], weight: 'peso', bias: 'viés', from: 'de', to: 'para' });

describe('networkGraph', () => {
  it('matches the snapshot', () => {
    const plot = networkGraph(host(), { locale: 'pt-BR', labels: ngLabels, data: net() });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('encodes sign by colour and dash, magnitude by width', () => {
    const data = { layers: [1, 2], weights: [[[2, -0.5]]] };
    const plot = networkGraph(host(), { locale: 'pt-BR', labels: { ...ngLabels, layerNames: ['entrada', 'saída'] }, data });
    const [strong = '', weak = ''] = Array.from(plot.element.querySelectorAll('.dp-plot__edges line')).map((l) => l.getAttribute('style')!);
    expect(strong).toContain('--plot-pos');
    expect(strong).toContain('stroke-dasharray:none');
    expect(weak).toContain('--plot-neg');
    expect(weak).toContain('stroke-dasharray:5 3');
    const width = (s: string) => Number(s.match(/stroke-width:([\d.]+)/)![1]);
    expect(width(strong)).toBeGreaterThan(width(weak));
    plot.destroy();
  });

  it('walks edges with the keyboard and tables weights and biases', () => {
    const d = net();
    const plot = networkGraph(host(), { locale: 'pt-BR', labels: ngLabels, data: d });
    const area = plot.element.querySelector('.dp-plot__area')!;
    press(area, 'Home');
    press(area, 'ArrowRight');
    const w = new Intl.NumberFormat('pt-BR', { maximumSignificantDigits: 4 }).format(d.weights[0]![0]![1]!);
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(new RegExp(`^entrada 1 → oculta 2 · peso: ${w} · viés: `));
    press(area, 'ArrowDown');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toMatch(/^oculta \d → saída 1 · peso: /);
    // 2·3 + 3·1 edges + 3 + 1 biases
    expect(plot.exportData().trim().split('\r\n')).toHaveLength(1 + 9 + 4);
    plot.destroy();
  });

  it('update() keeps the same elements when only weights change', () => {
    const plot = networkGraph(host(), { locale: 'pt-BR', labels: ngLabels, data: net() });
    const first = plot.element.querySelector('.dp-plot__edges line');
    const d = net();
    d.weights[0]![0]![0] = 5;
    plot.update(d);
    expect(plot.element.querySelector('.dp-plot__edges line')).toBe(first);
    expect(plot.element.querySelectorAll('.dp-plot__edges line')).toHaveLength(9);
    plot.destroy();
  });
});
