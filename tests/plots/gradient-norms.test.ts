import { describe, it, expect } from 'vitest';
import { gradientNorms } from '@widgets/plots/gradient-norms';
import { updateRatio } from '@widgets/plots/update-ratio';
import type { LayerSeriesData } from '@widgets/plots/types';
import { curve, host, labels, normalize, seeded } from './helpers';

/** Vanishing gradients: each layer closer to the input gets a norm ~4× smaller (sigmoid′ ≤ 1/4). */
function layers(steps: number, base = 1): LayerSeriesData {
  const rand = seeded(3);
  return {
    layers: [1, 2, 3, 4].map((l) => ({
      id: `layer${l}`,
      name: `camada ${l}`,
      points: curve(steps, (x) => base * 4 ** (l - 4) * (1 + 0.2 * rand()) * Math.exp(-x / 200)),
    })),
  };
}

describe('gradientNorms', () => {
  const gnLabels = labels('Norma do gradiente por camada', { x: 'passo', y: '‖∇W‖' });

  it('matches the snapshot', () => {
    const plot = gradientNorms(host(), { locale: 'ru', labels: gnLabels, data: layers(30) });
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });

  it('uses a log y axis with powers of ten', () => {
    const plot = gradientNorms(host(), { locale: 'ru', labels: gnLabels, data: layers(30, 1e-3) });
    const ticks = Array.from(plot.element.querySelectorAll('.dp-plot__axis--y text:not(.dp-plot__axis-title)')).map((t) => t.textContent);
    expect(ticks).toContain('10⁻³');
    expect(ticks).toContain('10⁻⁵');
    plot.destroy();
  });

  it('streams 16 layers × 2,000 points with bounded work per update', () => {
    const plot = gradientNorms(host(640), { locale: 'ru', labels: gnLabels, data: { layers: [] } });
    const full = {
      layers: Array.from({ length: 16 }, (_, l) => ({ id: `l${l}`, name: `camada ${l}`, points: curve(2000, (x) => 2 ** -l * (1 + Math.sin(x / 7) * 0.3)) })),
    };
    // Each update gets new arrays with one more point per layer, as live telemetry would.
    const grown = (n: number) => ({ layers: full.layers.map((l) => ({ ...l, points: l.points.slice(0, n) })) });
    plot.update(grown(1990));
    const { process } = globalThis as unknown as { process: { cpuUsage(since?: object): { user: number; system: number } } };
    const cpu = process.cpuUsage();
    for (let n = 1991; n <= 2000; n++) plot.update(grown(n));
    const used = process.cpuUsage(cpu);
    console.log('16 × 2000 points, CPU ms per update under jsdom:', ((used.user + used.system) / 1000 / 10).toFixed(1));
    expect(plot.element.querySelectorAll('.dp-plot__line')).toHaveLength(16);
    // Decimated per pixel column: at most 4 path commands per column of the ~580 px plot, not 2,000.
    const width = Number(plot.element.querySelector('clipPath rect')!.getAttribute('width'));
    for (const path of Array.from(plot.element.querySelectorAll('.dp-plot__main'))) {
      const commands = path.getAttribute('d')!.match(/[ML]/g)!.length;
      expect(commands).toBeLessThanOrEqual(4 * (width + 1));
    }
    plot.destroy();
  });
});

describe('updateRatio', () => {
  it('matches the snapshot and draws the 1e-3 guide', () => {
    const ratios = layers(30, 4e-3);
    const plot = updateRatio(host(), {
      locale: 'zh-CN',
      labels: labels('更新/权重比', { x: '步', y: '‖Δw‖/‖w‖', guide: '10⁻³ 参考线' }),
      data: ratios,
    });
    const guide = plot.element.querySelector('.dp-plot__guide')!;
    expect(guide.querySelector('text')!.textContent).toBe('10⁻³ 参考线');
    expect(guide.getAttribute('visibility')).toBeNull();
    expect(normalize(plot.element)).toMatchSnapshot();
    plot.destroy();
  });
});
