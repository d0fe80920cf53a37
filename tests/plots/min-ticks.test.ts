/** Every axis keeps at least three ticks, even when a narrow plot asks for two (390 px phones). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeAxis, MIN_TICKS, withTicks } from '@widgets/plots/scale';

describe('axis ticks', () => {
  it('a linear axis has at least three ticks inside its domain', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (lo, span, target, nice) => {
        const axis = makeAxis('linear', [lo, lo + span], [0, 200], 'pt-BR', target, nice);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(MIN_TICKS);
        const [d0, d1] = axis.scale.domain() as [number, number];
        for (const tick of axis.ticks) expect(tick >= d0 - 1e-9 * span && tick <= d1 + 1e-9 * span).toBe(true);
      }),
    );
  });

  it('a log axis has at least three ticks inside its domain, powers of ten where there are three', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8, max: 4 }), fc.double({ min: 1.2, max: 1e9, noNaN: true }), fc.integer({ min: 1, max: 3 }), (exponent, ratio, target) => {
        const lo = 10 ** exponent * 1.5;
        const axis = makeAxis('log', [lo, lo * ratio], [200, 0], 'pt-BR', target, false);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(MIN_TICKS);
        for (const tick of axis.ticks) expect(tick >= lo * (1 - 1e-9) && tick <= lo * ratio * (1 + 1e-9)).toBe(true);
      }),
    );
    expect(makeAxis('log', [1e-6, 1], [200, 0], 'pt-BR', 2, false).ticks).toEqual([1e-6, 1e-3, 1]);
    expect(makeAxis('log', [1e-4, 1e-3], [200, 0], 'pt-BR', 2, false).ticks).toEqual([1e-4, 2e-4, 5e-4, 1e-3]);
  });

  it('given tick values replace the scale\'s own, those outside the domain dropped (the sizes a sweep measured)', () => {
    const axis = makeAxis('log', [80, 875], [0, 600], 'pt-BR', 6, false);
    expect(axis.ticks).not.toEqual([100, 300, 700]);
    expect(withTicks(axis, [50, 100, 300, 700, 1000]).ticks).toEqual([100, 300, 700]);
    expect(withTicks(axis, undefined)).toBe(axis);
  });
});
