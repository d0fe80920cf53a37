/**
 * SVG path strings for lines and areas. Long series are decimated per pixel column (first, min, max, last),
 * which keeps the drawn shape identical while 2,000-point curves cost a few hundred path commands.
 */
import type { XYPoint } from './types';
import { r1 } from './dom';

export type Project = (v: number) => number;

export interface PathScales {
  x: Project;
  y: Project;
  /** Whether a value can be drawn on the axis (finite; positive on a log axis). */
  okX: (v: number) => boolean;
  okY: (v: number) => boolean;
  /** Pixel limits for y: values far outside are clamped (the clip path hides them). */
  yMin: number;
  yMax: number;
}

function clampY(v: number, s: PathScales): number {
  return v < s.yMin ? s.yMin : v > s.yMax ? s.yMax : v;
}

/** Where a path string can be resumed: the text so far, the pen state, and the first point not yet final. */
export interface PathResume {
  d: string;
  pen: boolean;
  next: number;
}

/**
 * Polyline with gaps where values cannot be drawn. With more than ~2 points per pixel column, each column keeps
 * only its first, lowest, highest and last point, in their original order: the drawn shape does not change.
 * Pass `from` (returned by a previous call on a prefix of the same points, same scales) to do only new work.
 */
export function linePath(points: XYPoint[], s: PathScales, width: number, from?: PathResume): { d: string; resume: PathResume } {
  let d = from?.d ?? '';
  let pen = from?.pen ?? false;
  const decimate = points.length > 2 * width;
  const emit = (px: number, py: number) => {
    d += `${pen ? 'L' : 'M'}${r1(px)},${r1(py)}`;
    pen = true;
  };
  // Column state for decimation: indices and coordinates of first, min, max and last point.
  let column = NaN;
  let fi = -1, fx = 0, fy = 0, ni = -1, nx = 0, ny = 0, mi = -1, mx = 0, my = 0, li = -1, lx = 0, ly = 0;
  const closeColumn = () => {
    if (fi < 0) return;
    emit(fx, fy);
    let last = fi;
    const lowFirst = ni <= mi;
    const ai = lowFirst ? ni : mi;
    const bi = lowFirst ? mi : ni;
    if (ai !== last) {
      emit(lowFirst ? nx : mx, lowFirst ? ny : my);
      last = ai;
    }
    if (bi !== last) {
      emit(lowFirst ? mx : nx, lowFirst ? my : ny);
      last = bi;
    }
    if (li !== last) emit(lx, ly);
    fi = -1;
  };

  for (let i = from?.next ?? 0; i < points.length; i++) {
    const p = points[i]!;
    if (!s.okX(p.x) || !s.okY(p.y)) {
      closeColumn();
      pen = false;
      continue;
    }
    const px = s.x(p.x);
    const py = clampY(s.y(p.y), s);
    if (!decimate) {
      emit(px, py);
      continue;
    }
    const c = Math.floor(px);
    if (c !== column) {
      closeColumn();
      column = c;
    }
    if (fi < 0) {
      fi = ni = mi = i;
      fx = nx = mx = px;
      fy = ny = my = py;
    } else if (py < ny) {
      ni = i;
      nx = px;
      ny = py;
    } else if (py > my) {
      mi = i;
      mx = px;
      my = py;
    }
    li = i;
    lx = px;
    ly = py;
  }
  // The last column may still grow: resume from its first point.
  const resume: PathResume = fi >= 0 ? { d, pen, next: fi } : { d, pen, next: points.length };
  closeColumn();
  return { d, resume };
}

/**
 * Keeps one path's resume point between frames: when the points only grew (same prefix, same scales and
 * mode), only the new points are formatted. A 2,000-point curve that gains one point costs one segment.
 */
export class IncrementalPath {
  private key = '';
  private resume: PathResume | null = null;
  private prefix = '';

  draw(points: XYPoint[], s: PathScales, width: number, key: string): string {
    const mode = `${key}|${points.length > 2 * width}`;
    const from = this.resume && mode === this.key && this.resume.next <= points.length && fingerprint(points, this.resume.next) === this.prefix ? this.resume : undefined;
    const { d, resume } = linePath(points, s, width, from);
    this.key = mode;
    this.resume = resume;
    this.prefix = fingerprint(points, resume.next);
    return d;
  }

  reset(): void {
    this.resume = null;
  }
}

/**
 * Cheap summary of the first `n` points (n, Σx, Σy, Σi·y): a few additions per point instead of formatting a
 * path, enough to notice points edited in place.
 */
export function fingerprint(points: XYPoint[], n = points.length): string {
  let sx = 0;
  let sy = 0;
  let siy = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    sx += p.x;
    sy += p.y;
    siy += i * p.y;
  }
  return `${n}:${sx}:${sy}:${siy}`;
}

/** Closed band between `lower` and `upper` (same x values); gaps split it into pieces. */
export function areaPath(upper: XYPoint[], lower: XYPoint[] | undefined, s: PathScales, zero: number): string {
  let d = '';
  let top: string[] = [];
  let bottom: string[] = [];
  const close = () => {
    if (top.length) d += `M${top.join('L')}L${bottom.reverse().join('L')}Z`;
    top = [];
    bottom = [];
  };
  for (let i = 0; i < upper.length; i++) {
    const p = upper[i]!;
    const lo = lower?.[i]?.y ?? zero;
    if (!s.okX(p.x) || !s.okY(p.y) || !s.okY(lo)) {
      close();
      continue;
    }
    const px = r1(s.x(p.x));
    top.push(`${px},${r1(clampY(s.y(p.y), s))}`);
    bottom.push(`${px},${r1(clampY(s.y(lo), s))}`);
  }
  close();
  return d;
}

/** Index of the point whose x is nearest to `x` in an x-sorted array (binary search). */
export function nearestIndex(points: XYPoint[], x: number): number {
  let lo = 0;
  let hi = points.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x < x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo]!.x - x) <= Math.abs(points[hi]!.x - x) ? lo : hi;
}
