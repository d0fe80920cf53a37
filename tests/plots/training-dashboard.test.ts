/**
 * TrainingDashboard's views module (src/widgets/training-dashboard/views.ts) under jsdom, fed progress events built
 * from the shipped healthy reference: six titled panels and a radio group that picks one on a phone; each view draws what its events carry (curves,
 * histograms, tiles, the batch line); the reference overlay adds the reference's curves to views 2, 4 and 5 only, named by the caller's template when given;
 * a render with nothing new redraws nothing; reset empties the views but keeps the inputs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@engine/types';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { createDashboardViews, projectInputs, reviveRecord, type DashboardRecord } from '@widgets/training-dashboard/views';
import reference from '../../src/widgets/training-dashboard/healthy-reference.json';
import pt from '../../src/i18n/pt.json';
import './helpers';

afterEach(() => document.body.replaceChildren());

const strings = widgetStringsSchema.parse(pt.widgets);
const healthy: DashboardRecord = reviveRecord(reference);

/** A progress event carrying the reference's numbers at point `i` (parameters every other event, a fixed pattern). */
function eventAt(i: number): ProgressEvent {
  const p = healthy.points[i]!;
  const h = healthy.hidden[i]!;
  const kernel = Array.from({ length: 784 * 32 }, (_, k) => Math.sin(k + i) * 0.1);
  return {
    type: 'progress', step: p.step, epoch: p.epoch, layerNames: healthy.layerNames, backend: 'cpu', stepsPerSecond: 100,
    members: [{ trainLoss: p.trainLoss, validationLoss: p.validationLoss, trainAccuracy: p.trainAccuracy, validationAccuracy: p.validationAccuracy, learningRate: 0.001, diverged: false, batchLoss: p.batchLoss, batchFingerprint: p.batchFingerprint ?? 0 }],
    gradientNormsByLayer: [p.gradientNorms],
    updateRatioByLayer: [p.updateRatios],
    activationStats: { mean: [[0, 0]], standardDeviation: [[1, 1]], deadFraction: [[p.deadFraction, 0]] },
    histograms: { layers: healthy.layerNames, weights: [[]], gradients: [[]], activations: [[h.activation]], preActivations: [[h.preActivation]] },
    ...(i % 2 === 0
      ? { params: {
        'hidden/kernel': { shape: [784, 32], values: [kernel] },
        'hidden/bias': { shape: [1, 32], values: [Array.from({ length: 32 }, (_, k) => k / 100)] },
        'output/kernel': { shape: [32, 10], values: [Array.from({ length: 320 }, (_, k) => Math.cos(k) / 5)] },
        'output/bias': { shape: [1, 10], values: [Array.from({ length: 10 }, (_, k) => k / 50)] },
      } }
      : {}),
  };
}

function mount(events = 6) {
  const root = document.createElement('div');
  document.body.append(root);
  const views = createDashboardViews(root, { strings, locale: 'pt-BR', epochs: 20 });
  views.setInputs(projectInputs());
  for (let i = 0; i < events; i++) views.update(eventAt(i));
  views.render();
  const panel = (key: string) => root.querySelector<HTMLElement>(`[data-view="${key}"]`)!;
  return { root, views, panel };
}

describe('TrainingDashboard views', () => {
  it('builds six titled panels and a radio group that names them, the first chosen', () => {
    const { root } = mount(0);
    const group = root.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-label')).toBe('Vistas do painel');
    const options = [...group.querySelectorAll('label')];
    const names = ['1. Entradas', '2. Perda e acurácia', '3. Pesos e vieses', '4. Ativações', '5. Gradientes', '6. Filtros da 1ª camada'];
    expect(options.map((option) => option.textContent)).toEqual(names);
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false, false, false, false]);
    expect(new Set(radios.map((radio) => radio.name)).size).toBe(1);
    const panels = [...root.querySelectorAll('section[data-view]')];
    expect(panels.map((panel) => panel.querySelector('h3')?.textContent)).toEqual(names);
    panels.forEach((panel) => expect(root.querySelector(`#${panel.getAttribute('aria-labelledby')}`)).not.toBeNull());
  });

  it('draws each view from the events: curves, the batch line, histograms, tiles', () => {
    const { panel, views } = mount(6);
    expect(views.record().points).toHaveLength(6);
    expect(panel('inputs').querySelectorAll('image')).toHaveLength(2);
    expect(panel('inputs').textContent).toContain('Lotes distintos até agora: 6 em 6 leituras');
    for (const key of ['curves', 'activations', 'gradients']) expect(panel(key).querySelectorAll('figure').length).toBe(2);
    expect(panel('curves').textContent).toContain('validação');
    expect(panel('weights').querySelectorAll('.dp-plot__panel')).toHaveLength(4);
    expect(panel('weights').querySelector<HTMLInputElement>('input[type="range"]')!.max).toBe('2');
    expect(panel('filters').querySelectorAll('image')).toHaveLength(2);
  });

  it('overlays the reference on views 2, 4 and 5 only, and removes it', () => {
    const { panel, views } = mount(6);
    const marked = (key: string) => (panel(key).textContent ?? '').includes('referência saudável');
    expect(['curves', 'activations', 'gradients'].some(marked)).toBe(false);
    views.setReference(healthy);
    views.render();
    expect(['curves', 'activations', 'gradients'].every(marked)).toBe(true);
    expect(['inputs', 'weights', 'filters'].some(marked)).toBe(false);
    views.setReference(healthy, { label: '{name} (corrigido)' });
    views.render();
    expect(['curves', 'activations', 'gradients'].some(marked)).toBe(false);
    expect(panel('curves').textContent).toContain('treinamento (corrigido)');
    expect(panel('gradients').textContent).toContain('camada oculta (corrigido)');
    views.setReference(null);
    views.render();
    expect(['curves', 'activations', 'gradients'].some(marked)).toBe(false);
    expect(panel('curves').textContent).not.toContain('corrigido');
  });

  it('redraws nothing when nothing changed, and only what changed', () => {
    const { panel, views } = mount(6);
    const loss = panel('curves').querySelector('svg')!;
    const before = loss.innerHTML;
    const tiles = panel('filters').querySelector('image')!;
    views.render();
    expect(panel('filters').querySelector('image')).toBe(tiles);
    const watched = new MutationObserver(() => undefined);
    watched.observe(panel('weights'), { subtree: true, childList: true, attributes: true, characterData: true });
    views.update(eventAt(7)); // an odd event carries no parameters: views 3 and 6 stay as drawn
    views.render();
    expect(loss.innerHTML).not.toBe(before);
    expect(panel('filters').querySelector('image')).toBe(tiles);
    expect(watched.takeRecords()).toHaveLength(0);
    views.update(eventAt(8)); // with parameters: a new snapshot in view 3
    views.render();
    expect(watched.takeRecords().length).toBeGreaterThan(0);
    watched.disconnect();
  });

  it('reset empties the run\'s views and keeps the inputs', () => {
    const { panel, views } = mount(6);
    views.reset({ epochs: 15 });
    views.render();
    expect(views.record().points).toHaveLength(0);
    expect(panel('inputs').querySelectorAll('image')).toHaveLength(2);
    expect(panel('inputs').textContent).toContain('O último lote aparece aqui');
    expect(panel('filters').querySelectorAll('image')).toHaveLength(0);
  });
});
