import { describe, it, expect } from 'vitest';
import { layerStack, STACK_WIDTH } from '@widgets/plots/layer-stack';
import type { LayerStackData } from '@widgets/plots/types';
import { host, labels, normalize, press } from './helpers';

const lsLabels = labels('Modelo', { layer: 'camada', shape: 'forma', parameters: 'parâmetros', notes: 'notas', total: 'total', trainable: 'treináveis' });

function model(frozen = false): LayerStackData {
  return {
    layers: [
      { id: 'input', name: 'Entrada', shape: '[lote, 784]', parameters: null, badges: ['dropout 0,2'] },
      { id: 'dense_0', name: 'Oculta 1 · ReLU', shape: '[lote, 784] → [lote, 128]', formula: '784 · 128 + 128', parameters: 100_480, badges: frozen ? ['congelada'] : [], frozen },
      { id: 'dense_1', name: 'Saída · softmax', shape: '[lote, 128] → [lote, 10]', formula: '128 · 10 + 10', parameters: 1_290, badges: [] },
    ],
    total: 101_770,
    trainable: frozen ? 1_290 : 101_770,
  };
}

const texts = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector)).map((node) => node.textContent);

describe('layerStack', () => {
  it('matches the snapshot', () => {
    const plot = layerStack(host(), { locale: 'pt-BR', labels: lsLabels, data: model(true) });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('draws one box per layer with arrows between them, and the counts exactly in the locale', () => {
    const plot = layerStack(host(), { locale: 'ru', labels: lsLabels, data: model() });
    expect(plot.element.querySelectorAll('.dp-plot__box')).toHaveLength(3);
    expect(plot.element.querySelectorAll('.dp-plot__arrows path')).toHaveLength(2);
    const boxTexts = texts(plot.element, '.dp-plot__box text');
    expect(boxTexts).toContain('parâmetros: 784 · 128 + 128 = 100\u00a0480');
    expect(boxTexts).toContain('dropout 0,2');
    expect(plot.element.querySelector('.dp-plot__total')!.textContent).toBe('total: 101\u00a0770');
    plot.destroy();
  });

  it('keeps a fixed logical width whatever the container, and grows with the layers', () => {
    const narrow = layerStack(host(300), { locale: 'pt-BR', labels: lsLabels, data: model() });
    const wide = layerStack(host(1200), { locale: 'pt-BR', labels: lsLabels, data: model() });
    const viewBox = (plot: typeof narrow) => plot.element.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
    expect(viewBox(narrow)).toEqual(viewBox(wide));
    expect(viewBox(narrow)[2]).toBe(STACK_WIDTH);
    const before = viewBox(narrow)[3]!;
    const data = model();
    data.layers.splice(2, 0, { id: 'dense_x', name: 'Oculta 2 · tanh', shape: '[lote, 128] → [lote, 128]', parameters: 16_512, badges: [] });
    narrow.update(data);
    expect(viewBox(narrow)[3]).toBeGreaterThan(before);
    expect(narrow.element.querySelectorAll('.dp-plot__box')).toHaveLength(4);
    narrow.destroy();
    wide.destroy();
  });

  it('greys a frozen layer with a dashed border, says so in a badge, and shows the trainable count', () => {
    const plot = layerStack(host(), { locale: 'pt-BR', labels: lsLabels, data: model(true) });
    const frozen = plot.element.querySelectorAll('.dp-plot__box--frozen');
    expect(frozen).toHaveLength(1);
    expect(frozen[0]!.querySelector('rect')!.getAttribute('style')).toContain('stroke-dasharray:5 3');
    expect(texts(frozen[0]!, 'text')).toContain('congelada');
    expect(plot.element.querySelector('.dp-plot__total')!.textContent).toBe('total: 101.770 · treináveis: 1.290');
    plot.destroy();
  });

  it('walks the layers with the keyboard and tables exact counts (CSV keeps raw numbers)', () => {
    const plot = layerStack(host(), { locale: 'pt-BR', labels: lsLabels, data: model() });
    const area = plot.element.querySelector('.dp-plot__area')!;
    const live = plot.element.querySelector('[aria-live]')!;
    press(area, 'Home');
    expect(live.textContent).toBe('Entrada · [lote, 784]');
    press(area, 'ArrowDown');
    expect(live.textContent).toBe('Oculta 1 · ReLU · [lote, 784] → [lote, 128] · parâmetros: 784 · 128 + 128 = 100.480');
    press(area, 'End');
    expect(live.textContent).toMatch(/^Saída · softmax/);
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    expect(texts(plot.element, '.dp-plot__table td')).toContain('100.480');
    expect(plot.exportData().trim().split('\r\n')).toEqual([
      'camada,forma,parâmetros,notas',
      'Entrada,"[lote, 784]",,"dropout 0,2"',
      'Oculta 1 · ReLU,"[lote, 784] → [lote, 128]",100480,',
      'Saída · softmax,"[lote, 128] → [lote, 10]",1290,',
      'total,,101770,',
    ]);
    plot.destroy();
  });
});

describe('layerStack hover', () => {
  it('reads the box under the pointer and hides the cursor when the pointer leaves', () => {
    const plot = layerStack(host(), { locale: 'pt-BR', labels: lsLabels, data: model() });
    const area = plot.element.querySelector('.dp-plot__area')!;
    const svgEl = plot.element.querySelector('svg')!;
    const [, , width, height] = svgEl.getAttribute('viewBox')!.split(' ').map(Number);
    // jsdom has no layout: give the SVG the drawing's own size on screen.
    svgEl.getBoundingClientRect = () => ({ left: 0, top: 0, width: width!, height: height!, right: width!, bottom: height!, x: 0, y: 0, toJSON: () => ({}) });
    const boxes = Array.from(plot.element.querySelectorAll('.dp-plot__box rect:first-child')).map((rect) => Number(rect.getAttribute('y')) + 5);
    area.dispatchEvent(new MouseEvent('pointermove', { clientX: 100, clientY: boxes[1]!, bubbles: true }));
    expect(plot.element.querySelector('.dp-plot__readout')!.textContent).toMatch(/^Oculta 1 · ReLU/);
    expect(plot.element.querySelector('.dp-plot__cursor')!.getAttribute('visibility')).toBeNull();
    area.dispatchEvent(new MouseEvent('pointerleave', { bubbles: true }));
    expect(plot.element.querySelector('.dp-plot__cursor')!.getAttribute('visibility')).toBe('hidden');
    plot.destroy();
  });
});
