import { describe, it, expect } from 'vitest';
import { IncrementalPath, linePath, type PathScales } from '@widgets/plots/path';
import { smooth } from '@widgets/plots/smoothing';
import { curve, seeded } from './helpers';

const scales: PathScales = { x: (v) => v * 0.3, y: (v) => 100 - v * 50, okX: Number.isFinite, okY: Number.isFinite, yMin: -100, yMax: 200 };

describe('linePath', () => {
  it('breaks the line at values it cannot draw', () => {
    const { d } = linePath([{ x: 0, y: 0 }, { x: 10, y: 1 }, { x: 20, y: NaN }, { x: 30, y: 1 }, { x: 40, y: 0 }], scales, 600);
    expect(d).toBe('M0,100L3,50M9,50L12,100');
  });

  it('keeps first, lowest, highest and last point of each pixel column when dense', () => {
    const rand = seeded(1);
    const points = curve(3000, () => rand());
    const { d } = linePath(points, scales, 300);
    const commands = d.match(/[ML]/g)!.length;
    expect(commands).toBeLessThanOrEqual(4 * 901);
    expect(commands).toBeGreaterThan(900);
    // The extremes survive decimation.
    const ys = d.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[1]));
    expect(Math.min(...ys)).toBeCloseTo(100 - 50 * Math.max(...points.map((p) => p.y)), 0);
  });

  it('gives the same path incrementally as from scratch, dense or not', () => {
    const rand = seeded(2);
    const all = curve(2500, (x) => Math.sin(x / 50) + rand() * 0.1 + (x === 1500 ? NaN : 0));
    for (const width of [2000, 600]) {
      const path = new IncrementalPath();
      for (const n of [10, 11, 500, 1300, 1301, 1600, 2500]) {
        const points = all.slice(0, n);
        expect(path.draw(points, scales, width, 'k')).toBe(linePath(points, scales, width).d);
      }
    }
  });

  it('starts over when earlier points change in place', () => {
    const points = curve(50, (x) => x / 50);
    const path = new IncrementalPath();
    path.draw(points, scales, 600, 'k');
    points[3] = { x: 3, y: 5 };
    expect(path.draw(points, scales, 600, 'k')).toBe(linePath(points, scales, 600).d);
  });
});

describe('smooth', () => {
  it('is a debiased EMA that skips non-finite values', () => {
    const out = smooth([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: NaN }, { x: 3, y: 3 }], 0.5);
    expect(out[0]!.y).toBe(1);
    expect(out[1]!.y).toBeCloseTo((0.25 + 1.5) / 0.75);
    expect(out[2]!.y).toBeNaN();
    expect(out[3]!.y).toBeCloseTo(((0.25 + 1.5) * 0.5 + 1.5) / 0.875);
    expect(smooth(out, 0)).toBe(out);
  });
});
