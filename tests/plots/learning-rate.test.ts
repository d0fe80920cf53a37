import { describe, it, expect } from 'vitest';
import { lrRangeTest } from '@widgets/plots/lr-range-test';
import { finalLoss } from '@widgets/plots/final-loss';
import { host, labels, normalize, press, seeded } from './helpers';

function rangeTest() {
  const rand = seeded(11);
  // Rate grows 1e-5 → 10 over 60 steps; loss falls, bottoms out near 0.1, then explodes.
  return Array.from({ length: 60 }, (_, i) => {
    const lr = 1e-5 * 10 ** (i / 10);
    const e = Math.log10(lr);
    return { x: lr, y: 2 - 1.6 / (1 + Math.exp(-(e + 3) * 2)) + Math.max(0, e + 1) ** 2 * 3 + rand() * 0.05 };
  });
}

describe('lrRangeTest', () => {
  const rtLabels = labels('Teste de faixa de taxa', { x: 'taxa de aprendizado', y: 'perda', loss: 'perda', suggested: 'sugerida' });

  it('matches the snapshot', () => {
    const plot = lrRangeTest(host(), { locale: 'pt-BR', labels: rtLabels, data: { points: rangeTest(), suggested: 3e-3 } });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('marks the suggested rate with a localized value on a log x axis', () => {
    const plot = lrRangeTest(host(), { locale: 'pt-BR', labels: rtLabels, data: { points: rangeTest(), suggested: 0.0025 } });
    expect(plot.element.querySelector('.dp-plot__guide text')!.textContent).toBe('sugerida: 0,0025');
    const xTicks = Array.from(plot.element.querySelectorAll('.dp-plot__axis--x .dp-plot__tick text')).map((t) => t.textContent);
    expect(xTicks).toEqual(expect.arrayContaining(['10⁻⁵', '10⁻³', '0,1', '10']));
    expect(plot.element.querySelectorAll('.dp-plot__legend-item')).toHaveLength(1);
    plot.destroy();
  });
});

describe('finalLoss', () => {
  const flLabels = labels('Perda final por taxa', { x: 'taxa de aprendizado', y: 'perda final', loss: 'perda final', diverged: 'divergiu' });
  const runs = [1e-4, 1e-3, 1e-2, 0.1, 1, 10].map((x, i) => ({ x, loss: [1.9, 1.1, 0.3, 0.12, 0.8, NaN][i]!, diverged: i === 5 }));

  it('matches the snapshot', () => {
    const plot = finalLoss(host(), { locale: 'ru', labels: flLabels, data: { runs } });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('puts a divergence marker at the diverged rate, on the top edge', () => {
    const plot = finalLoss(host(), { locale: 'ru', labels: flLabels, data: { runs } });
    const marker = plot.element.querySelector('.dp-plot__divergence')!;
    expect(marker.getAttribute('transform')).toMatch(/,0\)$/);
    const x = Number(marker.getAttribute('transform')!.match(/translate\(([\d.]+),/)![1]);
    const width = Number(plot.element.querySelector('clipPath rect')!.getAttribute('width'));
    expect(x).toBeCloseTo(width, 0);
    // The table lists each run once, diverged loss as NaN.
    plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    expect(plot.element.querySelectorAll('tbody tr')).toHaveLength(6);
    expect(plot.element.querySelector('tbody tr:last-child td')!.textContent).toBe('NaN');
    press(plot.element.querySelector('.dp-plot__area')!, 'Home');
    expect(plot.element.querySelector('[aria-live]')!.textContent).toBe('perda final · taxa de aprendizado: 10⁻⁴ · perda final: 1,9');
    plot.destroy();
  });
});
