/**
 * What the GradientCheck widget shows for a state, as numbers and levels (no DOM, no strings): one row per checked
 * element (the 4×3 input, then each parameter's values), the verdict, and the max relative error against h for the
 * curve. The check itself is the engine's (`@engine/gradcheck`), run on the layer's fixed example.
 *
 * Levels of a relative error r (|a − n| / max(|a|, |n|)): `pass` r < 1e-6, `fail` r > 1e-3, `warn` between (a
 * float32 check or an h far from the floor lands there: rounding or truncation cannot be told from a small bug);
 * `nonFinite` when the analytic or the numeric value is NaN or ±∞.
 */
import { CUSTOM_LAYERS, type CustomLayerKey } from '@engine/gradcheck/custom-layers';
import { gradientCheck, logSteps, type ElementRef, type GradientCheckResult, type Precision } from '@engine/gradcheck/gradient-check';
import { precisionKeys } from './definition';

export const PASS_BELOW = 1e-6;
export const FAIL_ABOVE = 1e-3;

export type Level = 'pass' | 'warn' | 'fail' | 'nonFinite';

export function levelOf(relativeError: number): Level {
  if (Number.isNaN(relativeError)) return 'nonFinite';
  if (relativeError < PASS_BELOW) return 'pass';
  return relativeError > FAIL_ABOVE ? 'fail' : 'warn';
}

export interface CheckRow {
  element: ElementRef;
  analytic: number;
  numeric: number;
  relativeError: number;
  level: Level;
}

export interface CheckSettings {
  layer: CustomLayerKey;
  h: number;
  precision: Precision;
}

export interface CheckView {
  rows: CheckRow[];
  result: GradientCheckResult;
  /** `nonFinite` as soon as one value is not finite; otherwise the level of the largest relative error. */
  verdict: Level;
  /** Rows of each level, in table order. */
  count: Record<Level, number>;
}

/** The layer's own fixed example: its 4 rows and 3 units, and its parameter names. */
export function exampleShape(layer: CustomLayerKey): { rows: number; units: number; params: readonly string[] } {
  const { example, params } = CUSTOM_LAYERS[layer];
  return { rows: example.x.length, units: example.x[0]?.length ?? 0, params };
}

function run(settings: CheckSettings): GradientCheckResult {
  const layer = CUSTOM_LAYERS[settings.layer];
  const { x, params, dy } = layer.example;
  return gradientCheck(layer, x, params, dy, { h: settings.h, precision: settings.precision });
}

export function checkView(settings: CheckSettings): CheckView {
  const result = run(settings);
  const { analytic, numeric, relativeError } = result;
  const rows: CheckRow[] = [
    ...relativeError.x.flatMap((line, i) => line.map((error, j) => ({ element: { tensor: 'x', index: [i, j] }, analytic: analytic.x[i]![j]!, numeric: numeric.x[i]![j]!, relativeError: error }))),
    ...CUSTOM_LAYERS[settings.layer].params.flatMap((name) => relativeError.params[name]!.map((error, j) => ({ element: { tensor: name, index: [j] }, analytic: analytic.params[name]![j]!, numeric: numeric.params[name]![j]!, relativeError: error }))),
  ].map((row) => ({ ...row, level: levelOf(row.relativeError) }));
  const count: Record<Level, number> = { pass: 0, warn: 0, fail: 0, nonFinite: 0 };
  for (const row of rows) count[row.level] += 1;
  return { rows, result, verdict: result.finite ? levelOf(result.maxRelativeError) : 'nonFinite', count };
}

/** The steps the curve samples: 1e-8 to 1e-1, four per decade (the h slider's own steps). */
export const CURVE_STEPS = logSteps(-8, -1, 4);

export interface CurvePoint {
  h: number;
  maxRelativeError: number;
}

/**
 * Max relative error against h for each precision: the U of truncation (right, ∝ h²) and rounding (left, ∝ ε/h).
 * Only checks where every value is finite and the error is above 0 give a point (a log axis cannot show 0; the
 * naive log has none: every h is non-finite there).
 */
export function errorCurves(layer: CustomLayerKey): Record<Precision, CurvePoint[]> {
  const curve = (precision: Precision) => CURVE_STEPS.flatMap((h) => {
    const result = run({ layer, h, precision });
    return result.finite && result.maxRelativeError > 0 ? [{ h, maxRelativeError: result.maxRelativeError }] : [];
  });
  return Object.fromEntries(precisionKeys.map((precision) => [precision, curve(precision)])) as Record<Precision, CurvePoint[]>;
}

/** The lowest point of a curve (null when it has none). */
export function floorOf(points: CurvePoint[]): CurvePoint | null {
  return points.reduce<CurvePoint | null>((best, p) => (best === null || p.maxRelativeError < best.maxRelativeError ? p : best), null);
}
