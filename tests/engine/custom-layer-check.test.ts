/**
 * Chapter 4's gradient-check experiment (G5): the custom layers' hand-written backward passes against central
 * differences in float64 on the fixed 4×3 example. The correct Swish passes far below 1e-7; each planted bug fails
 * above 1e-2 at exactly the elements it touches and nowhere else; the naive log reports non-finite values where
 * log-eps stays finite; the error against h is a U (truncation vs rounding). The numbers are logged as [claim]
 * lines for the chapter's writers (docs/project-lifecycle/gradient-check.md records them).
 */
import { describe, expect, it } from 'vitest';
import { CUSTOM_LAYERS, CUSTOM_LAYER_KEYS, LOG_UNDERFLOW_AT, type CustomLayerKey } from '@engine/gradcheck/custom-layers';
import { errorVersusStep, gradientCheck, logSteps, relativeError, type GradientCheckResult } from '@engine/gradcheck/gradient-check';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const round = (v: number) => Number(v.toPrecision(2));

function check(key: CustomLayerKey, h = 1e-5): GradientCheckResult {
  const layer = CUSTOM_LAYERS[key];
  return gradientCheck(layer, layer.example.x, layer.example.params, layer.example.dy, { h });
}

/** Every element's relative error as "x[i,j]" / "beta[j]" → error. */
function errorsByElement(r: GradientCheckResult): Map<string, number> {
  const out = new Map<string, number>();
  r.relativeError.x.forEach((row, i) => row.forEach((e, j) => out.set(`x[${i},${j}]`, e)));
  for (const [name, values] of Object.entries(r.relativeError.params)) values.forEach((e, j) => out.set(`${name}[${j}]`, e));
  return out;
}

/** The elements above 1e-2 must be exactly `touched`; every other element must stay below 1e-7. */
function expectTouched(key: CustomLayerKey, touched: string[]): void {
  const r = check(key);
  expect(r.finite).toBe(true);
  const errors = errorsByElement(r);
  for (const [element, e] of errors) {
    if (touched.includes(element)) expect(e, `${key} ${element}`).toBeGreaterThan(1e-2);
    else expect(e, `${key} ${element}`).toBeLessThan(1e-7);
  }
  log(`gradient-check ${key}`, { max: round(r.maxRelativeError), worst: r.worst, touched: Object.fromEntries(touched.map((t) => [t, round(errors.get(t)!)])) });
}

describe('custom layers against central differences (h = 1e-5, float64)', () => {
  it('every registry layer has a 4×3 example with a value per unit for each parameter', () => {
    for (const key of CUSTOM_LAYER_KEYS) {
      const { x, params, dy } = CUSTOM_LAYERS[key].example;
      expect([x.length, x[0]!.length, dy.length, dy[0]!.length]).toEqual([4, 3, 4, 3]);
      for (const name of CUSTOM_LAYERS[key].params) expect(params[name]).toHaveLength(3);
    }
  });

  it('the correct Swish: max relative error below 1e-7; hand values at x = 0 (∂y/∂x = σ(0) = 1/2, ∂y/∂β = 0)', () => {
    const r = check('swish');
    expect(r.finite).toBe(true);
    expect(r.maxRelativeError).toBeLessThan(1e-7);
    // x[1][1] = 0 with dy = 1: ∂L/∂x = 1·σ(0) = 0.5; x[3][0] = 0 with dy = 1 likewise.
    expect(r.analytic.x[1]![1]).toBe(0.5);
    expect(r.analytic.x[3]![0]).toBe(0.5);
    // β₁ (column 1): Σ_i c·x²·σ′(x) over x = −0.5, 0, 3, −0.5 with c = −2, 1, 2, 1.5.
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const ds = (v: number) => s(v) * (1 - s(v));
    expect(r.analytic.params.beta![1]).toBeCloseTo(-2 * 0.25 * ds(-0.5) + 2 * 9 * ds(3) + 1.5 * 0.25 * ds(-0.5), 12);
    log('gradient-check swish', { max: round(r.maxRelativeError), worst: r.worst });
  });

  it("σ′ written σ(1 + σ): wrong at every ∂x with x ≠ 0 and at every ∂β; right at x[1,1] and x[3,0] (x = 0)", () => {
    const touched = ['x[0,0]', 'x[0,1]', 'x[0,2]', 'x[1,0]', 'x[1,2]', 'x[2,0]', 'x[2,1]', 'x[2,2]', 'x[3,1]', 'x[3,2]', 'beta[0]', 'beta[1]', 'beta[2]'];
    expectTouched('swish-sigma-prime', touched);
  });

  it('∂y/∂β = x·σ′ (one x short): wrong at beta[0], beta[1], beta[2] only; every ∂x is right', () => {
    expectTouched('swish-missing-x', ['beta[0]', 'beta[1]', 'beta[2]']);
  });

  it('naive log σ(x): σ(−120) is 0 in float32, so ∂x there is 0/0 and L = −∞ spoils every numeric value; the check says not finite', () => {
    const r = check('log');
    expect(r.finite).toBe(false);
    const [i, j] = LOG_UNDERFLOW_AT;
    r.analytic.x.forEach((row, a) => row.forEach((v, b) => expect(Number.isFinite(v), `analytic x[${a},${b}]`).toBe(a !== i || b !== j)));
    expect(r.numeric.x.flat().every((v) => Number.isNaN(v))).toBe(true);
    expect(r.nonFinite).toHaveLength(12);
    expect(r.worst).toBeNull();
    log('gradient-check log', { finite: r.finite, analyticNonFinite: [[i, j]], numericNonFinite: 'all 12 (L = -Infinity)' });
  });

  it('log(σ(x) + ε): finite everywhere and within 1e-7', () => {
    const r = check('log-eps');
    expect(r.finite).toBe(true);
    expect(r.maxRelativeError).toBeLessThan(1e-7);
    expect(r.analytic.x[LOG_UNDERFLOW_AT[0]]![LOG_UNDERFLOW_AT[1]]).toBe(0);
    log('gradient-check log-eps', { max: round(r.maxRelativeError), worst: r.worst });
  });
});

describe('max relative error against h: the U of truncation and rounding', () => {
  const swish = CUSTOM_LAYERS.swish;
  const curve = (precision: 'float64' | 'float32') => errorVersusStep(swish, swish.example.x, swish.example.params, swish.example.dy, logSteps(-12, -1, 1), precision);

  it('float64: the floor lies at 1e-6…1e-4, a hundred times above it at both ends (1e-12 and 1e-1)', () => {
    const points = curve('float64');
    const floor = points.reduce((best, p) => (p.maxRelativeError < best.maxRelativeError ? p : best));
    expect(floor.h).toBeGreaterThanOrEqual(1e-6);
    expect(floor.h).toBeLessThanOrEqual(1e-4);
    expect(points[0]!.maxRelativeError).toBeGreaterThan(100 * floor.maxRelativeError);
    expect(points.at(-1)!.maxRelativeError).toBeGreaterThan(100 * floor.maxRelativeError);
    // Truncation side: error ∝ h², so two decades of h are four of error.
    const at = (h: number) => points.find((p) => Math.abs(Math.log10(p.h / h)) < 1e-9)!.maxRelativeError;
    expect(at(1e-1) / at(1e-3)).toBeGreaterThan(5e3);
    log('gradient-check h-curve float64', points.map((p) => [p.h, round(p.maxRelativeError)]));
  });

  it('float32 forward: the floor moves up to h ≈ 1e-2, and at h ≤ 1e-6 the two losses round equal (error 1)', () => {
    const points = curve('float32');
    const floor = points.reduce((best, p) => (p.maxRelativeError < best.maxRelativeError ? p : best));
    expect(floor.h).toBeGreaterThanOrEqual(1e-3);
    expect(points.filter((p) => p.h <= 1e-6).every((p) => p.maxRelativeError === 1)).toBe(true);
    log('gradient-check h-curve float32', points.map((p) => [p.h, round(p.maxRelativeError)]));
  });
});

describe('bad input', () => {
  it('a wrong shape, a missing parameter or a bad h is a RangeError; relative error of two zeros is 0', () => {
    const { x, params, dy } = CUSTOM_LAYERS.swish.example;
    expect(() => gradientCheck(CUSTOM_LAYERS.swish, x, params, dy.slice(1))).toThrow(RangeError);
    expect(() => gradientCheck(CUSTOM_LAYERS.swish, x, {}, dy)).toThrow(/beta/);
    expect(() => gradientCheck(CUSTOM_LAYERS.swish, [[1, 2], [3]], params, dy)).toThrow(RangeError);
    expect(() => gradientCheck(CUSTOM_LAYERS.swish, x, params, dy, { h: 0 })).toThrow(RangeError);
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1, NaN)).toBeNaN();
  });
});
