/** Helpers for values on a regular 2-D grid (decision fields, loss surfaces). */
import { contours } from 'd3-contour';
import type { Grid2D } from './types';
import { r1 } from './dom';

/** Bilinear interpolation of the grid at (x, y); NaN outside. */
export function sampleGrid(grid: Grid2D, x: number, y: number): number {
  const fx = ((x - grid.x[0]) / (grid.x[1] - grid.x[0])) * (grid.nx - 1);
  const fy = ((y - grid.y[0]) / (grid.y[1] - grid.y[0])) * (grid.ny - 1);
  if (!(fx >= 0 && fy >= 0 && fx <= grid.nx - 1 && fy <= grid.ny - 1)) return NaN;
  const i = Math.min(grid.nx - 2, Math.floor(fx));
  const j = Math.min(grid.ny - 2, Math.floor(fy));
  const tx = fx - i;
  const ty = fy - j;
  const v = (a: number, b: number) => grid.values[b * grid.nx + a]!;
  return (v(i, j) * (1 - tx) + v(i + 1, j) * tx) * (1 - ty) + (v(i, j + 1) * (1 - tx) + v(i + 1, j + 1) * tx) * ty;
}

/**
 * Contour lines of the grid as SVG paths in pixel space. d3-contour puts sample (i, j) at (i + ½, j + ½) of
 * its own [0, nx]×[0, ny] space; sample i sits at x[0] + i·Δx, so grid coordinate g maps to x[0] + (g − ½)·Δx.
 */
export function contourPaths(grid: Grid2D, thresholds: number[], px: (x: number) => number, py: (y: number) => number): Array<{ value: number; d: string }> {
  if (grid.nx < 2 || grid.ny < 2) return [];
  const dx = (grid.x[1] - grid.x[0]) / (grid.nx - 1);
  const dy = (grid.y[1] - grid.y[0]) / (grid.ny - 1);
  const generator = contours().size([grid.nx, grid.ny]).thresholds(thresholds);
  return generator(Array.from(grid.values, (v) => (Number.isFinite(v) ? v : 0))).map((shape) => {
    // Lines only: segments along the grid's border are where a region is cut off, not a level line; skip them.
    const border = (a: [number, number], b: [number, number]) =>
      (a[0] === b[0] && (a[0] <= 0 || a[0] >= grid.nx)) || (a[1] === b[1] && (a[1] <= 0 || a[1] >= grid.ny));
    let d = '';
    for (const polygon of shape.coordinates) {
      for (const ring of polygon) {
        let pen = false;
        ring.forEach((point, k) => {
          const previous = ring[k - 1];
          if (previous && border(previous, point)) pen = false;
          const x = Math.max(grid.x[0], Math.min(grid.x[1], grid.x[0] + (point[0] - 0.5) * dx));
          const y = Math.max(grid.y[0], Math.min(grid.y[1], grid.y[0] + (point[1] - 0.5) * dy));
          d += `${pen ? 'L' : 'M'}${r1(px(x))},${r1(py(y))}`;
          pen = true;
        });
      }
    }
    return { value: shape.value, d };
  });
}

/** `count` levels between the finite extremes of the values, log-spaced when asked and possible. */
export function levels(values: ArrayLike<number>, count: number, log: boolean): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo < hi)) return [];
  const out: number[] = [];
  if (log && lo > 0) {
    const a = Math.log(lo);
    const b = Math.log(hi);
    for (let k = 1; k <= count; k++) out.push(Math.exp(a + ((b - a) * k) / (count + 1)));
  } else {
    for (let k = 1; k <= count; k++) out.push(lo + ((hi - lo) * k) / (count + 1));
  }
  return out;
}
