/**
 * Numerical gradient check of a custom layer (`custom-layers.ts`): the hand-written backward pass against
 * central differences of the layer's own forward pass, element by element, for L = Σ y·dy:
 *
 *   numeric ∂L/∂θ_i = (L(θ + h e_i) − L(θ − h e_i)) / 2h        relative error = |a − n| / max(|a|, |n|)
 *
 * (0 where both are 0). In float64 by default; `precision: 'float32'` rounds the perturbed inputs, every output and
 * the running sum of L to float32, as a float32 network would compute its loss, to show why a check needs float64.
 * A non-finite analytic or numeric value is reported as such (its relative error is NaN and `finite` is false).
 */
import type { CustomLayer, Matrix, ParamVectors } from './custom-layers';

export type Precision = 'float64' | 'float32';

export interface GradientCheckOptions {
  /** Step of the central difference. Default 1e-5. */
  h?: number;
  /** Arithmetic of the forward passes behind the numeric gradient. Default 'float64'. */
  precision?: Precision;
}

/** Values in the shape of the layer's gradients: `x` as the input, one vector per parameter. */
export interface GradientTable {
  x: Matrix;
  params: ParamVectors;
}

/** Where an element is: `tensor` 'x' (index [row, unit]) or a parameter's name (index [unit]). */
export interface ElementRef {
  tensor: string;
  index: number[];
}

export interface GradientCheckResult {
  analytic: GradientTable;
  numeric: GradientTable;
  /** NaN where the analytic or the numeric value is not finite. */
  relativeError: GradientTable;
  /** The largest relative error over the finite elements (0 when none is finite). */
  maxRelativeError: number;
  /** The element with that error, null when no element is finite. */
  worst: ElementRef | null;
  /** False when any analytic or numeric value is NaN or ±∞. */
  finite: boolean;
  /** Elements whose analytic or numeric value is not finite. */
  nonFinite: ElementRef[];
}

function checkShapes(layer: CustomLayer, x: Matrix, params: ParamVectors, dy: Matrix): void {
  const units = x[0]?.length ?? 0;
  const rect = (m: Matrix) => m.length > 0 && m.every((row) => row.length === units && row.every((v) => typeof v === 'number' && !Number.isNaN(v)));
  if (units === 0 || !rect(x)) throw new RangeError('x must be a non-empty matrix of numbers, every row as long');
  if (!rect(dy) || dy.length !== x.length) throw new RangeError(`dy must have the shape of x (${x.length}×${units})`);
  for (const name of layer.params) {
    const v = params[name];
    if (!v || v.length !== units || v.some((e) => !Number.isFinite(e))) throw new RangeError(`parameter ${name} needs ${units} finite values`);
  }
}

/** L = Σ y·dy with the forward pass in the given precision. */
function objective(layer: CustomLayer, x: Matrix, params: ParamVectors, dy: Matrix, precision: Precision): number {
  const round = precision === 'float32' ? Math.fround : (v: number) => v;
  const y = layer.forward(x.map((row) => row.map(round)), Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.map(round)])));
  let sum = 0;
  y.forEach((row, i) => row.forEach((v, j) => (sum = round(sum + round(round(v) * (dy[i]![j] as number))))));
  return sum;
}

export function relativeError(a: number, n: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(n)) return NaN;
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}

export function gradientCheck(layer: CustomLayer, x: Matrix, params: ParamVectors, dy: Matrix, options: GradientCheckOptions = {}): GradientCheckResult {
  const h = options.h ?? 1e-5;
  const precision = options.precision ?? 'float64';
  if (!(h > 0 && Number.isFinite(h))) throw new RangeError(`h must be a positive finite number, got ${h}`);
  checkShapes(layer, x, params, dy);
  const { dx, dparams } = layer.backward(x, params, dy);
  const L = (xs: Matrix, ps: ParamVectors) => objective(layer, xs, ps, dy, precision);
  const numericX = x.map((row, i) =>
    row.map((v, j) => {
      const at = (d: number) => x.map((r, k) => (k === i ? r.map((e, l) => (l === j ? v + d : e)) : r));
      return (L(at(h), params) - L(at(-h), params)) / (2 * h);
    }),
  );
  const numericParams: ParamVectors = Object.fromEntries(
    layer.params.map((name) => [
      name,
      params[name]!.map((v, j) => {
        const at = (d: number) => ({ ...params, [name]: params[name]!.map((e, l) => (l === j ? v + d : e)) });
        return (L(x, at(h)) - L(x, at(-h))) / (2 * h);
      }),
    ]),
  );
  const analytic: GradientTable = { x: dx, params: Object.fromEntries(layer.params.map((name) => [name, dparams[name]!])) };
  const numeric: GradientTable = { x: numericX, params: numericParams };
  const errors: GradientTable = {
    x: dx.map((row, i) => row.map((a, j) => relativeError(a, numericX[i]![j]!))),
    params: Object.fromEntries(layer.params.map((name) => [name, dparams[name]!.map((a, j) => relativeError(a, numericParams[name]![j]!))])),
  };
  const elements: (ElementRef & { error: number })[] = [
    ...errors.x.flatMap((row, i) => row.map((error, j) => ({ tensor: 'x', index: [i, j], error }))),
    ...layer.params.flatMap((name) => errors.params[name]!.map((error, j) => ({ tensor: name, index: [j], error }))),
  ];
  const nonFinite = elements.filter((e) => Number.isNaN(e.error)).map(({ tensor, index }) => ({ tensor, index }));
  let worst: (ElementRef & { error: number }) | null = null;
  for (const e of elements) if (!Number.isNaN(e.error) && (worst === null || e.error > worst.error)) worst = e;
  return {
    analytic,
    numeric,
    relativeError: errors,
    maxRelativeError: worst?.error ?? 0,
    worst: worst && { tensor: worst.tensor, index: worst.index },
    finite: nonFinite.length === 0,
    nonFinite,
  };
}

/** Log-spaced steps from 10^from to 10^to, `perDecade` per factor of 10 (both ends included). */
export function logSteps(from: number, to: number, perDecade = 2): number[] {
  const count = Math.round((to - from) * perDecade);
  return Array.from({ length: count + 1 }, (_, k) => Number((10 ** (from + k / perDecade)).toPrecision(15)));
}

/** The largest relative error against h: too large an h, truncation (∝ h²); too small, rounding in the forward
 * pass (∝ ε/h, ε the precision's unit roundoff). The curve is a U with its floor near h ≈ ε^(1/3). */
export function errorVersusStep(layer: CustomLayer, x: Matrix, params: ParamVectors, dy: Matrix, steps: number[], precision: Precision = 'float64'): { h: number; maxRelativeError: number }[] {
  return steps.map((h) => ({ h, maxRelativeError: gradientCheck(layer, x, params, dy, { h, precision }).maxRelativeError }));
}
