/**
 * The series layer of a line chart: one <g> per series id holding the raw (unsmoothed) path, the drawn path
 * (line or band) and its symbols; plus the legend entries and divergence markers derived from the series.
 * Paths are skipped when nothing changed and extended when points were only appended.
 */
import type { LineSeries, XYPoint } from './types';
import type { LegendItem } from './legend';
import type { Inner } from './line-marks';
import { IncrementalPath, areaPath, fingerprint, nearestIndex, type PathScales } from './path';
import { keepChildren, r1, setAttrs, svg } from './dom';
import { BG, FG, colorVar, dashFor, divergencePath, symbolIsOpen, symbolPath } from './theme';

/** A series as drawn this frame: its position (default style slot) and the points shown (smoothed or not). */
export interface DrawnSeries {
  series: LineSeries;
  slot: number;
  shown: XYPoint[];
}

interface SeriesView {
  /** What the paths were last drawn from: unchanged points under an unchanged projection are skipped. */
  drawnFrom?: { fingerprint: string; projection: string; style: string };
  g: SVGGElement;
  raw: SVGPathElement;
  main: SVGPathElement;
  symbols: SVGPathElement;
  rawPath: IncrementalPath;
  mainPath: IncrementalPath;
}

const SYMBOLS_PER_LINE = 8;

export function slotOf(s: LineSeries, i: number): { color: number; dash: number; symbol: number } {
  return { color: s.color ?? i, dash: s.dash ?? i, symbol: s.symbol ?? i };
}

function symbolStyle(symbol: number, color: string, opacity: number): string {
  return symbolIsOpen(symbol)
    ? `fill:none;stroke:${color};stroke-width:1.6;opacity:${opacity}`
    : `fill:${color};stroke:${BG};stroke-width:0.8;opacity:${opacity}`;
}

export function legendItems(drawn: DrawnSeries[], divergedLabel?: string): LegendItem[] {
  const items: LegendItem[] = drawn
    .filter((d) => !d.series.hideInLegend)
    .map(({ series, slot }) => {
      const s = slotOf(series, slot);
      const mark = series.mark ?? 'line';
      const showSymbol = mark === 'dot' || (mark === 'line' && series.showSymbols !== false);
      return {
        name: series.name,
        color: colorVar(s.color),
        dash: mark === 'line' ? dashFor(s.dash) : '',
        symbol: showSymbol ? symbolPath(s.symbol, 4) : '',
        symbolOpen: symbolIsOpen(s.symbol),
        mark,
        opacity: series.opacity,
      };
    });
  if (divergedLabel && drawn.some((d) => d.series.diverged)) {
    items.push({ name: divergedLabel, color: FG, dash: '', symbol: divergencePath(5), symbolOpen: true, mark: 'dot' });
  }
  return items;
}

export class SeriesLayer {
  private readonly views = new Map<string, SeriesView>();

  constructor(private readonly group: SVGGElement) {}

  private view(id: string): SeriesView {
    let view = this.views.get(id);
    if (!view) {
      const g = svg('g', { class: 'dp-plot__line' });
      view = {
        g,
        raw: svg('path', { fill: 'none', class: 'dp-plot__raw' }, g),
        main: svg('path', { class: 'dp-plot__main' }, g),
        symbols: svg('path', { class: 'dp-plot__symbols' }, g),
        rawPath: new IncrementalPath(),
        mainPath: new IncrementalPath(),
      };
      this.views.set(id, view);
    }
    return view;
  }

  /** `projection` identifies the scales (and smoothing): when it changes every path is redrawn. */
  render(drawn: DrawnSeries[], s: PathScales, inner: Inner, projection: string, smoothing: number, logY: boolean): void {
    const wanted = new Set(drawn.map((d) => d.series.id));
    for (const [id, view] of this.views) {
      if (!wanted.has(id)) {
        view.g.remove();
        this.views.delete(id);
      }
    }
    drawn.forEach(({ series, slot, shown }, order) => {
      const view = this.view(series.id);
      if (this.group.children[order] !== view.g) this.group.insertBefore(view.g, this.group.children[order] ?? null);
      const st = slotOf(series, slot);
      const color = colorVar(st.color);
      const mark = series.mark ?? 'line';
      const width = series.width ?? 2;
      const opacity = series.opacity ?? 1;
      const style = [st.color, st.dash, st.symbol, mark, width, opacity, series.showSymbols, series.symbolSize, slot].join('|');
      const last = view.drawnFrom;
      const print = fingerprint(series.points) + (series.lower ? `/${fingerprint(series.lower)}` : '');
      if (last && last.fingerprint === print && last.projection === projection && last.style === style) return;
      view.drawnFrom = { fingerprint: print, projection, style };

      if (mark === 'dot') {
        setAttrs(view.raw, { d: null });
        setAttrs(view.main, { d: null });
        let d = '';
        for (const p of shown) {
          if (s.okX(p.x) && s.okY(p.y)) d += symbolPath(st.symbol, series.symbolSize ?? 3.5, s.x(p.x), s.y(p.y));
        }
        setAttrs(view.symbols, { d, style: symbolStyle(st.symbol, color, opacity) });
        return;
      }
      if (mark === 'area') {
        setAttrs(view.raw, { d: null });
        setAttrs(view.main, {
          d: areaPath(series.points, series.lower, s, logY ? NaN : 0),
          style: `fill:${color};fill-opacity:${0.45 * opacity};stroke:${color};stroke-width:1`,
        });
        setAttrs(view.symbols, { d: null });
        return;
      }
      const lineStyle = `fill:none;stroke:${color};stroke-width:${width};stroke-dasharray:${dashFor(st.dash) || 'none'};stroke-linejoin:round;opacity:${opacity}`;
      setAttrs(
        view.raw,
        smoothing > 0
          ? { d: view.rawPath.draw(series.points, s, inner.width, projection), style: `fill:none;stroke:${color};stroke-width:1;opacity:${0.25 * opacity}` }
          : { d: null },
      );
      setAttrs(view.main, { d: view.mainPath.draw(shown, s, inner.width, projection), style: lineStyle });
      if (series.showSymbols === false || shown.length === 0) {
        setAttrs(view.symbols, { d: null });
        return;
      }
      // A few symbols per curve, staggered between series so they do not sit on top of each other.
      let d = '';
      const n = shown.length;
      const count = Math.min(SYMBOLS_PER_LINE, n);
      for (let k = 0; k < count; k++) {
        const index = Math.min(n - 1, Math.floor(((k + ((slot % 4) + 0.5) / 4) * n) / count));
        const p = shown[index]!;
        if (!s.okX(p.x) || !s.okY(p.y)) continue;
        const py = s.y(p.y);
        if (py < 0 || py > inner.height) continue;
        d += symbolPath(st.symbol, 3.5, s.x(p.x), py);
      }
      setAttrs(view.symbols, { d, style: symbolStyle(st.symbol, color, opacity) });
    });
  }

  clear(): void {
    this.views.clear();
  }
}

/** Where a diverged run is marked: at `divergedAt`, or after its last finite point; clamped into the plot. */
function divergencePoint(series: LineSeries, s: PathScales, inner: Inner): { x: number; y: number } | null {
  const finite = series.points.filter((p) => s.okX(p.x) && s.okY(p.y));
  if (!finite.length && series.divergedAt === undefined) return null;
  let at: XYPoint = finite[finite.length - 1] ?? { x: series.divergedAt!, y: Infinity };
  if (series.divergedAt !== undefined) {
    const p = series.points[nearestIndex(series.points, series.divergedAt)];
    at = p && p.x === series.divergedAt && s.okY(p.y) ? p : { x: series.divergedAt, y: p && s.okY(p.y) ? p.y : Infinity };
  }
  const px = Math.max(0, Math.min(inner.width, s.x(at.x)));
  const py = Number.isFinite(at.y) && s.okY(at.y) ? Math.max(0, Math.min(inner.height, s.y(at.y))) : 0;
  return { x: px, y: py };
}

/** A ringed ✕ in the run's colour where each diverged run blew up (top edge when off the chart). */
export function renderDivergence(group: SVGGElement, drawn: DrawnSeries[], s: PathScales, inner: Inner): void {
  const diverged = drawn.filter((d) => d.series.diverged);
  const nodes = keepChildren(group, diverged.length, () => svg('path', { class: 'dp-plot__divergence' }));
  diverged.forEach((d, i) => {
    const at = divergencePoint(d.series, s, inner);
    setAttrs(nodes[i]!, {
      d: divergencePath(6),
      transform: at ? `translate(${r1(at.x)},${r1(at.y)})` : null,
      visibility: at ? null : 'hidden',
      'data-series': d.series.id,
      style: `fill:${BG};stroke:${colorVar(slotOf(d.series, d.slot).color)};stroke-width:2.2`,
    });
  });
}
