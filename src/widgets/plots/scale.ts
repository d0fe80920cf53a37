/** Scales for plot axes: d3-scale underneath, with domains fitted to finite (and, for log, positive) data. */
import { scaleLinear, scaleLog, type ContinuousScale } from 'd3-scale';
import type { ScaleType } from './types';
import { linearTickFormat, logTickFormat } from './format';

export interface Axis {
  type: ScaleType;
  scale: ContinuousScale;
  ticks: number[];
  format: (v: number) => string;
}

/** Extent of the values usable on this scale type; null when there are none. */
export function usableExtent(values: Iterable<number>, type: ScaleType): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (type === 'log' && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Running extent of the values usable on a scale type, without collecting them. */
export class Extent {
  private lo = Infinity;
  private hi = -Infinity;
  constructor(private readonly type: ScaleType) {}
  add(v: number): this {
    if (Number.isFinite(v) && (this.type !== 'log' || v > 0)) {
      if (v < this.lo) this.lo = v;
      if (v > this.hi) this.hi = v;
    }
    return this;
  }
  value(): [number, number] | null {
    return this.lo <= this.hi ? [this.lo, this.hi] : null;
  }
}

/** Build a scale over `range` (pixels) for a fitted or fixed domain, plus its ticks and their formatter. */
export function makeAxis(
  type: ScaleType,
  extent: [number, number] | null,
  range: [number, number],
  locale: string,
  tickTarget: number,
  nice = true,
): Axis {
  let [lo, hi] = extent ?? (type === 'log' ? [1, 10] : [0, 1]);
  if (type === 'log') {
    if (lo === hi) [lo, hi] = [lo / 10, hi * 10];
    const scale = scaleLog().domain([lo, hi]).range(range);
    if (nice) scale.nice();
    const [d0, d1] = scale.domain() as [number, number];
    return { type, scale, ticks: logTicks(d0, d1, tickTarget), format: logTickFormat(locale) };
  }
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const scale = scaleLinear().domain([lo, hi]).range(range);
  if (nice) scale.nice(tickTarget);
  const ticks = linearTicks(scale, tickTarget);
  return { type, scale, ticks, format: linearTickFormat(locale, ticks) };
}

/** The axis with these tick values instead of its own (those inside its domain); unchanged without them. */
export function withTicks(axis: Axis, ticks: number[] | undefined): Axis {
  if (!ticks) return axis;
  const [a, b] = axis.scale.domain() as [number, number];
  return { ...axis, ticks: ticks.filter((t) => t >= Math.min(a, b) && t <= Math.max(a, b)) };
}

/** Fewest ticks on any axis: with two, a narrow (390 px) plot gives no sense of its scale. */
export const MIN_TICKS = 3;

/** d3's ticks for about `target`, asking for more until there are at least MIN_TICKS. */
function linearTicks(scale: { ticks(count?: number): number[] }, target: number): number[] {
  let ticks = scale.ticks(target);
  for (let more = target + 1; ticks.length < MIN_TICKS && more <= target + 8; more++) ticks = scale.ticks(more);
  return ticks;
}

/** Powers of ten, thinned to about `target` ticks; for less than a decade, linear-looking ticks. */
export function logTicks(d0: number, d1: number, target: number): number[] {
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  const e0 = Math.ceil(Math.log10(lo) - 1e-9);
  const e1 = Math.floor(Math.log10(hi) + 1e-9);
  if (e1 - e0 < 1) return linearTicks(scaleLinear().domain([lo, hi]), Math.max(2, Math.min(target, 4)));
  const decades = e1 - e0 + 1;
  // Thin to about `target`, but keep at least MIN_TICKS powers when there are that many.
  const stride = Math.max(1, Math.min(Math.ceil(decades / Math.max(2, target)), Math.floor((decades - 1) / (MIN_TICKS - 1))));
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e += stride) ticks.push(10 ** e);
  if (ticks.length >= MIN_TICKS) return ticks;
  // Two powers of ten only: add 2× and 5× between them (and below/above, inside the domain).
  const within = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const filled = [e0 - 1, ...ticks.map(Math.log10)].flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e)).concat(10 ** e1);
  return [...new Set(filled.filter(within).map((v) => Number(v.toPrecision(12))))].sort((a, b) => a - b);
}

/**
 * The scale as a plain affine map (of log10 v for log scales): same numbers as d3's scale, without its
 * per-call overhead, for the inner loops that project thousands of points per frame.
 */
export function fastProject(axis: Axis): (v: number) => number {
  const [d0, d1] = axis.scale.domain() as [number, number];
  const [r0, r1] = axis.scale.range() as [number, number];
  if (axis.type === 'log') {
    const l0 = Math.log10(d0);
    const k = (r1 - r0) / (Math.log10(d1) - l0 || 1);
    return (v) => r0 + (Math.log10(v) - l0) * k;
  }
  const k = (r1 - r0) / (d1 - d0 || 1);
  return (v) => r0 + (v - d0) * k;
}
