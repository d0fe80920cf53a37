/**
 * The generic x–y chart every curve plot is built on: lines, dot clouds and bands, guides, shaded ranges,
 * divergence markers, corner readouts, a hover/keyboard cursor, a data table, and optional log-y and
 * smoothing controls. Elements are keyed and reused, so `update()` only rewrites attributes.
 */
import type { LineChartData, LineChartHandle, LineChartOptions, LineSeries, XYPoint } from './types';
import { createFigure, checkLabels, type Size } from './figure';
import { keepChildren, r1, setAttrs, setText, svg, uid } from './dom';
import { createAxisView, leftAxisWidth, renderAxis } from './axis';
import { Extent, fastProject, makeAxis, type Axis } from './scale';
import { renderLegend, type LegendItem } from './legend';
import { BAND, BG, FG, GUIDE, colorVar, dashFor, divergencePath, symbolIsOpen, symbolPath } from './theme';
import { IncrementalPath, areaPath, fingerprint, nearestIndex, type PathScales } from './path';
import { smooth } from './smoothing';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import { checkbox, slider } from './controls';
import type { TableModel } from './table';
import { seriesTable } from './series-table';

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

interface Drawn {
  series: LineSeries;
  slot: number;
  shown: XYPoint[];
}

const SYMBOLS_PER_LINE = 8;

export function lineChart(container: HTMLElement, options: LineChartOptions): LineChartHandle {
  const kind = options.kind ?? 'line-chart';
  const { labels, locale } = options;
  checkLabels(labels, ['x', 'y'], kind);
  let data: LineChartData = options.data;
  let logY = options.y?.type === 'log';
  let smoothing = options.smoothing ?? 0;

  const controls: HTMLElement[] = [];
  const logControl = labels.logY ? checkbox(labels.logY, logY, (v) => handle.setLogY(v)) : null;
  const smoothControl = labels.smoothing
    ? slider(labels.smoothing, smoothing, { min: 0, max: 0.99, step: 0.01, digits: 2 }, locale, (v) => handle.setSmoothing(v))
    : null;
  if (logControl) controls.push(logControl.element);
  if (smoothControl) controls.push(smoothControl.element);

  let cursor: CursorState = HIDDEN_CURSOR;
  let focused = false;
  let drawn: Drawn[] = [];
  let cursorable: Drawn[] = [];
  let xAxis: Axis | null = null;
  let yAxis: Axis | null = null;
  let margin = { top: 10, right: 16, bottom: 44, left: 50 };
  let inner = { width: 0, height: 0 };

  const figure = createFigure(container, kind, options, 'csv', {
    table: () => tableModel(),
    layout: () => render(),
    key: (e) => {
      const next = moveCursor(cursor, e.key, e.shiftKey, cursorable.length, (i) => cursorable[i]?.shown.length ?? 0);
      if (!next) return false;
      cursor = next;
      drawCursor();
      return true;
    },
    pointer: (p) => {
      if (!p) {
        if (!focused) hideCursor();
        return;
      }
      const hit = nearestPoint(p.x - margin.left, p.y - margin.top);
      if (hit) {
        cursor = { active: true, ...hit };
        drawCursor();
      }
    },
    focus: (on) => {
      focused = on;
      if (!on) hideCursor();
    },
  }, controls);

  const root = figure.svg;
  const clipId = uid('clip');
  const clipRect = svg('rect', {}, svg('clipPath', { id: clipId }, svg('defs', {}, root)));
  const legendG = svg('g', { class: 'dp-plot__legend', 'aria-hidden': 'true' }, root);
  const plotG = svg('g', { class: 'dp-plot__plot' }, root);
  const gridG = svg('g', { class: 'dp-plot__grids' }, plotG);
  const bandsG = svg('g', { class: 'dp-plot__bands', 'aria-hidden': 'true' }, plotG);
  const axesG = svg('g', { class: 'dp-plot__axes' }, plotG);
  const xView = createAxisView(gridG, axesG, 'bottom');
  const yView = createAxisView(gridG, axesG, 'left');
  const guidesG = svg('g', { class: 'dp-plot__guides', 'aria-hidden': 'true' }, plotG);
  const seriesG = svg('g', { class: 'dp-plot__series', 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' }, plotG);
  const divergedG = svg('g', { class: 'dp-plot__diverged', 'aria-hidden': 'true' }, plotG);
  const readoutsG = svg('g', { class: 'dp-plot__readouts' }, plotG);
  const cursorG = svg('g', { class: 'dp-plot__cursor', 'aria-hidden': 'true', visibility: 'hidden' }, plotG);
  const cursorLine = svg('line', { style: `stroke:${FG};stroke-width:1;stroke-dasharray:3 3;opacity:0.6` }, cursorG);
  const cursorDot = svg('circle', { r: 5, style: `fill:none;stroke:${FG};stroke-width:2` }, cursorG);
  const views = new Map<string, SeriesView>();
  let legendKey = '';
  let legendHeight = 0;

  function slotOf(s: LineSeries, i: number) {
    return { color: s.color ?? i, dash: s.dash ?? i, symbol: s.symbol ?? i };
  }

  function seriesView(id: string): SeriesView {
    let view = views.get(id);
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
      views.set(id, view);
    }
    return view;
  }

  function legendItems(): LegendItem[] {
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
    if (labels.diverged && drawn.some((d) => d.series.diverged)) {
      items.push({ name: labels.diverged, color: FG, dash: '', symbol: divergencePath(5), symbolOpen: true, mark: 'dot' });
    }
    return items;
  }

  function extents(): { x: [number, number] | null; y: [number, number] | null } {
    const xType = options.x?.type ?? 'linear';
    const yType = logY ? 'log' : 'linear';
    const x = new Extent(xType);
    const y = new Extent(yType);
    let cap = -Infinity;
    for (const { series, shown } of drawn) {
      for (let i = 0; i < series.points.length; i++) x.add(series.points[i]!.x);
      for (let i = 0; i < shown.length; i++) y.add(shown[i]!.y);
      if (series.mark === 'area') for (const p of series.lower ?? []) y.add(p.y);
      const first = series.points.find((p) => Number.isFinite(p.y) && (!logY || p.y > 0));
      if (first && first.y > cap) cap = first.y;
    }
    for (const band of data.bands ?? []) (band.axis === 'x' ? x : y).add(band.from).add(band.to);
    for (const guide of data.guides ?? []) (guide.axis === 'x' ? x : y).add(guide.value);
    if (options.x?.include !== undefined) x.add(options.x.include);
    if (options.y?.include !== undefined) y.add(options.y.include);
    if (drawn.some((d) => d.series.mark === 'area' && !d.series.lower) && !logY) y.add(0);
    let yExtent = y.value();
    if (yExtent && options.yCapFactor && Number.isFinite(cap) && cap > 0) {
      const limit = cap * options.yCapFactor;
      if (yExtent[1] > limit) yExtent = [Math.min(yExtent[0], limit / (logY ? 10 : 2)), limit];
    }
    return { x: x.value(), y: yExtent };
  }

  function render(): void {
    let size: Size = figure.size;
    drawn = data.series.map((series, slot) => ({
      series,
      slot,
      shown: smoothing > 0 && (series.mark ?? 'line') === 'line' ? smooth(series.points, smoothing) : series.points,
    }));
    cursorable = drawn.filter((d) => !d.series.hideInLegend && d.shown.length > 0);

    const items = legendItems();
    const key = `${size.width}|${JSON.stringify(items)}`;
    if (key !== legendKey) {
      legendKey = key;
      legendHeight = renderLegend(legendG, items, size.width - 16, 8, 4);
    }
    const ext = extents();
    margin = { top: legendHeight + 12, right: 18, bottom: 46, left: 50 };
    // Keep a usable plot area when the legend wraps onto several rows (narrow screens).
    figure.ensureHeight(margin.top + margin.bottom + 170);
    size = figure.size;
    inner.height = Math.max(60, size.height - margin.top - margin.bottom);
    const fixedY = options.y?.domain;
    yAxis = makeAxis(logY ? 'log' : 'linear', fixedY ?? ext.y, [inner.height, 0], locale, Math.max(3, Math.round(inner.height / 50)), !fixedY && (options.y?.nice ?? true));
    margin.left = Math.max(44, leftAxisWidth(yAxis));
    inner.width = Math.max(60, size.width - margin.left - margin.right);
    const fixedX = options.x?.domain;
    // A linear x axis keeps the data's own range (a function drawn on [-5, 5] should end there); log axes round to decades.
    const xType = options.x?.type ?? 'linear';
    xAxis = makeAxis(xType, fixedX ?? ext.x, [0, inner.width], locale, Math.max(2, Math.floor(inner.width / 90)), !fixedX && (options.x?.nice ?? xType === 'log'));

    setAttrs(plotG, { transform: `translate(${margin.left},${margin.top})` });
    setAttrs(clipRect, { x: 0, y: -2, width: r1(inner.width), height: r1(inner.height + 4) });
    projection = buildScales();
    projectionKey = [xAxis.scale.domain(), xAxis.scale.range(), yAxis.scale.domain(), yAxis.scale.range(), yAxis.type, smoothing].join('|');
    renderAxis(xView, xAxis, inner.width, inner.height, labels.x, 38);
    renderAxis(yView, yAxis, inner.width, inner.height, labels.y, margin.left - 14);

    renderBands();
    renderGuides();
    renderSeries();
    renderDivergence();
    renderReadouts();
    if (cursor.active) drawCursor();
    figure.tableChanged();
  }

  let projection: PathScales | null = null;
  let projectionKey = '';
  function scales(): PathScales {
    return projection ?? (projection = buildScales());
  }

  function buildScales(): PathScales {
    const xs = fastProject(xAxis!);
    const ys = fastProject(yAxis!);
    const xLog = xAxis!.type === 'log';
    const yLog = yAxis!.type === 'log';
    return {
      x: xs,
      y: ys,
      okX: (v) => Number.isFinite(v) && (!xLog || v > 0),
      okY: (v) => Number.isFinite(v) && (!yLog || v > 0),
      yMin: -inner.height,
      yMax: inner.height * 2,
    };
  }

  function renderBands(): void {
    const bands = data.bands ?? [];
    const nodes = keepChildren(bandsG, bands.length, () => {
      const g = svg('g', {});
      svg('rect', { style: `fill:${BAND}` }, g);
      svg('text', { class: 'dp-plot__band-label', style: `fill:${FG};font-size:11px`, 'text-anchor': 'middle' }, g);
      return g;
    });
    const s = scales();
    bands.forEach((band, i) => {
      const [rect, text] = Array.from(nodes[i]!.children) as [SVGRectElement, SVGTextElement];
      if (band.axis === 'x') {
        const a = Math.max(0, Math.min(inner.width, s.x(band.from)));
        const b = Math.max(0, Math.min(inner.width, s.x(band.to)));
        setAttrs(rect, { x: r1(Math.min(a, b)), y: 0, width: r1(Math.abs(b - a)), height: r1(inner.height) });
        setAttrs(text, { x: r1((a + b) / 2), y: 12 });
      } else {
        const a = Math.max(0, Math.min(inner.height, s.y(band.from)));
        const b = Math.max(0, Math.min(inner.height, s.y(band.to)));
        setAttrs(rect, { x: 0, y: r1(Math.min(a, b)), width: r1(inner.width), height: r1(Math.abs(b - a)) });
        setAttrs(text, { x: r1(inner.width / 2), y: r1(Math.min(a, b) + 12) });
      }
      setText(text, band.label ?? '');
    });
  }

  function renderGuides(): void {
    const guides = data.guides ?? [];
    const nodes = keepChildren(guidesG, guides.length, () => {
      const g = svg('g', { class: 'dp-plot__guide' });
      svg('line', { style: `stroke:${GUIDE};stroke-width:1.5;stroke-dasharray:6 4` }, g);
      svg('text', { style: `fill:${FG};font-size:11px;paint-order:stroke;stroke:${BG};stroke-width:3px` }, g);
      return g;
    });
    const s = scales();
    guides.forEach((guide, i) => {
      const [line, text] = Array.from(nodes[i]!.children) as [SVGLineElement, SVGTextElement];
      const ok = guide.axis === 'x' ? s.okX(guide.value) : s.okY(guide.value);
      setAttrs(nodes[i]!, { visibility: ok ? null : 'hidden' });
      if (!ok) return;
      if (guide.axis === 'x') {
        const x = r1(s.x(guide.value));
        setAttrs(line, { x1: x, x2: x, y1: 0, y2: r1(inner.height) });
        const right = x < inner.width * 0.7;
        setAttrs(text, { x: right ? x + 4 : x - 4, y: 12, 'text-anchor': right ? 'start' : 'end' });
      } else {
        const y = r1(s.y(guide.value));
        setAttrs(line, { x1: 0, x2: r1(inner.width), y1: y, y2: y });
        setAttrs(text, { x: r1(inner.width - 4), y: y - 5, 'text-anchor': 'end' });
      }
      setText(text, guide.label ?? '');
    });
  }

  function renderSeries(): void {
    const s = scales();
    const wanted = new Set(drawn.map((d) => d.series.id));
    for (const [id, view] of views) {
      if (!wanted.has(id)) {
        view.g.remove();
        views.delete(id);
      }
    }
    drawn.forEach(({ series, slot, shown }, order) => {
      const view = seriesView(series.id);
      if (seriesG.children[order] !== view.g) seriesG.insertBefore(view.g, seriesG.children[order] ?? null);
      const st = slotOf(series, slot);
      const color = colorVar(st.color);
      const mark = series.mark ?? 'line';
      const width = series.width ?? 2;
      const opacity = series.opacity ?? 1;
      const style = [st.color, st.dash, st.symbol, mark, width, opacity, series.showSymbols, slot].join('|');
      const last = view.drawnFrom;
      const print = fingerprint(series.points) + (series.lower ? `/${fingerprint(series.lower)}` : '');
      if (last && last.fingerprint === print && last.projection === projectionKey && last.style === style) return;
      view.drawnFrom = { fingerprint: print, projection: projectionKey, style };
      if (mark === 'dot') {
        setAttrs(view.raw, { d: null });
        setAttrs(view.main, { d: null });
        let d = '';
        for (const p of shown) {
          if (s.okX(p.x) && s.okY(p.y)) d += symbolPath(st.symbol, 3.5, s.x(p.x), s.y(p.y));
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
          ? { d: view.rawPath.draw(series.points, s, inner.width, projectionKey), style: `fill:none;stroke:${color};stroke-width:1;opacity:${0.25 * opacity}` }
          : { d: null },
      );
      setAttrs(view.main, { d: view.mainPath.draw(shown, s, inner.width, projectionKey), style: lineStyle });
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

  function symbolStyle(symbol: number, color: string, opacity: number): string {
    return symbolIsOpen(symbol)
      ? `fill:none;stroke:${color};stroke-width:1.6;opacity:${opacity}`
      : `fill:${color};stroke:${BG};stroke-width:0.8;opacity:${opacity}`;
  }

  /** Where a diverged run is marked: at `divergedAt`, or after its last finite point; clamped into the plot. */
  function divergencePoint(d: Drawn): { x: number; y: number } | null {
    const { series } = d;
    const s = scales();
    const finite = series.points.filter((p) => s.okX(p.x) && s.okY(p.y));
    if (!finite.length && series.divergedAt === undefined) return null;
    let at: XYPoint = finite[finite.length - 1] ?? { x: series.divergedAt!, y: Infinity };
    if (series.divergedAt !== undefined) {
      const i = nearestIndex(series.points, series.divergedAt);
      const p = series.points[i];
      at = p && p.x === series.divergedAt && s.okY(p.y) ? p : { x: series.divergedAt, y: p && s.okY(p.y) ? p.y : Infinity };
    }
    const px = Math.max(0, Math.min(inner.width, s.x(at.x)));
    const py = Number.isFinite(at.y) && s.okY(at.y) ? Math.max(0, Math.min(inner.height, s.y(at.y))) : 0;
    return { x: px, y: py };
  }

  function renderDivergence(): void {
    const diverged = drawn.filter((d) => d.series.diverged);
    const nodes = keepChildren(divergedG, diverged.length, () => svg('path', { class: 'dp-plot__divergence' }));
    diverged.forEach((d, i) => {
      const at = divergencePoint(d);
      const color = colorVar(slotOf(d.series, d.slot).color);
      setAttrs(nodes[i]!, {
        d: divergencePath(6),
        transform: at ? `translate(${r1(at.x)},${r1(at.y)})` : null,
        visibility: at ? null : 'hidden',
        'data-series': d.series.id,
        style: `fill:${BG};stroke:${color};stroke-width:2.2`,
      });
    });
  }

  function renderReadouts(): void {
    const readouts = data.readouts ?? [];
    const nodes = keepChildren(readoutsG, readouts.length, () =>
      svg('text', { style: `fill:${FG};font-size:12px;paint-order:stroke;stroke:${BG};stroke-width:3px` }),
    );
    readouts.forEach((item, i) => {
      setAttrs(nodes[i]!, { x: 8, y: 16 + i * 16 });
      setText(nodes[i]!, `${item.label} = ${formatValue(locale, item.value)}`);
    });
  }

  function nearestPoint(px: number, py: number): { series: number; index: number } | null {
    if (!xAxis || !yAxis) return null;
    const s = scales();
    let best: { series: number; index: number } | null = null;
    let bestDistance = Infinity;
    const x = xAxis.scale.invert(px);
    cursorable.forEach((d, si) => {
      const candidates = d.series.mark === 'dot' ? d.shown.map((_, i) => i) : [nearestIndex(d.shown, x)];
      for (const i of candidates) {
        const p = d.shown[i];
        if (!p || !s.okX(p.x) || !s.okY(p.y)) continue;
        const dist = Math.hypot(s.x(p.x) - px, Math.max(-inner.height, Math.min(2 * inner.height, s.y(p.y))) - py);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = { series: si, index: i };
        }
      }
    });
    return best;
  }

  function readoutText(d: Drawn, index: number): string {
    const p = d.shown[index]!;
    const y = d.series.readoutValues?.[index] ?? p.y;
    const parts = [`${d.series.name}`, `${labels.x}: ${formatValue(locale, p.x)}`, `${labels.y}: ${formatValue(locale, y)}`];
    const divergedHere =
      d.series.diverged && labels.diverged && (!Number.isFinite(p.y) || (d.series.divergedAt !== undefined && p.x >= d.series.divergedAt));
    if (divergedHere) parts.push(labels.diverged!);
    return parts.join(' · ');
  }

  function drawCursor(): void {
    const d = cursorable[cursor.series];
    if (!cursor.active || !d || !xAxis || !yAxis) {
      hideCursor();
      return;
    }
    const index = Math.min(cursor.index, d.shown.length - 1);
    const p = d.shown[index]!;
    const s = scales();
    const px = r1(s.x(p.x));
    const py = s.okY(p.y) ? r1(Math.max(0, Math.min(inner.height, s.y(p.y)))) : 0;
    setAttrs(cursorG, { visibility: null });
    setAttrs(cursorLine, { x1: px, x2: px, y1: 0, y2: r1(inner.height) });
    setAttrs(cursorDot, { cx: px, cy: py });
    figure.readout(readoutText(d, index));
  }

  function hideCursor(): void {
    cursor = { ...cursor, active: false };
    setAttrs(cursorG, { visibility: 'hidden' });
  }

  function tableModel(): TableModel {
    if (options.table) return options.table();
    return seriesTable(data.series.filter((s) => !s.hideInTable), labels.x);
  }

  const handle: LineChartHandle = {
    element: figure.root,
    dataFormat: 'csv',
    update(next) {
      data = next;
      render();
    },
    setLogY(on) {
      logY = on;
      logControl?.set(on);
      render();
    },
    setSmoothing(weight) {
      smoothing = Math.max(0, Math.min(0.999, weight));
      smoothControl?.set(smoothing);
      render();
    },
    exportData: () => figure.exportData(),
    exportSvg: () => figure.exportSvg(),
    exportPng: () => figure.exportPng(),
    destroy() {
      figure.destroy();
      views.clear();
    },
  };
  render();
  return handle;
}

