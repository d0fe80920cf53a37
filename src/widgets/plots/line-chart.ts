/**
 * The generic x–y chart every curve plot is built on: lines, dot clouds, bands, guides, shaded ranges, divergence
 * markers, readouts, a hover/keyboard cursor, a table, optional log-y and smoothing; keyed elements, reused by update().
 */
import type { LineChartData, LineChartHandle, LineChartOptions } from './types';
import { createFigure, checkLabels, type Size } from './figure';
import { r1, setAttrs, svg, uid } from './dom';
import { createAxisView, leftAxisWidth, renderAxis } from './axis';
import { Extent, fastProject, makeAxis, withTicks, type Axis } from './scale';
import { renderLegend } from './legend';
import { FG } from './theme';
import { nearestIndex, type PathScales } from './path';
import { smooth } from './smoothing';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import { checkbox, slider } from './controls';
import type { TableModel } from './table';
import { seriesTable } from './series-table';
import { renderBands, renderGuides, renderReadouts } from './line-marks';
import { SeriesLayer, legendItems, renderDivergence, type DrawnSeries } from './line-series';

export function lineChart(container: HTMLElement, options: LineChartOptions): LineChartHandle {
  const kind = options.kind ?? 'line-chart';
  const { labels, locale } = options;
  checkLabels(labels, ['x', 'y'], kind);
  let data: LineChartData = options.data;
  // What the reader (or the widget) asked for; the chart draws log only while the data allow it (see logApplies).
  let logWanted = options.y?.type === 'log';
  let logY = false;
  let smoothing = options.smoothing ?? 0;

  const controls: HTMLElement[] = [];
  // A fixed y-domain that reaches 0 or below can never be logarithmic: such a chart gets no log toggle at all.
  const fixedDomain = options.y?.domain;
  const logEver = !fixedDomain || Math.min(fixedDomain[0], fixedDomain[1]) > 0;
  const logControl = labels.logY && logEver ? checkbox(labels.logY, logWanted, (v) => handle.setLogY(v)) : null;
  const smoothControl = labels.smoothing
    ? slider(labels.smoothing, smoothing, { min: 0, max: 0.99, step: 0.01, digits: 2 }, locale, (v) => handle.setSmoothing(v))
    : null;
  if (logControl) controls.push(logControl.element);
  if (smoothControl) controls.push(smoothControl.element);

  let cursor: CursorState = HIDDEN_CURSOR;
  let focused = false;
  let drawn: DrawnSeries[] = [];
  let cursorable: DrawnSeries[] = [];
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
  const seriesLayer = new SeriesLayer(seriesG);
  let legendKey = '';
  let legendHeight = 0;

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

  /**
   * Log y only where every finite y the chart would plot (points, lower bounds of bands, y guides and bands)
   * is > 0: one zero or negative value would have no place on the axis (NaN paths).
   * Non-finite values (a diverged run) are drawn as markers, not on the axis, so they do not count.
   */
  function logApplies(): boolean {
    if (!logEver) return false;
    const positive = (v: number) => !Number.isFinite(v) || v > 0;
    for (const { series, shown } of drawn) {
      if (!shown.every((p) => positive(p.y))) return false;
      if (series.lower && !series.lower.every((p) => positive(p.y))) return false;
    }
    for (const band of data.bands ?? []) if (band.axis === 'y' && !(positive(band.from) && positive(band.to))) return false;
    for (const guide of data.guides ?? []) if (guide.axis === 'y' && !positive(guide.value)) return false;
    return true;
  }

  function render(): void {
    let size: Size = figure.size;
    drawn = data.series.map((series, slot) => ({
      series,
      slot,
      shown: smoothing > 0 && (series.mark ?? 'line') === 'line' ? smooth(series.points, smoothing) : series.points,
    }));
    const allowed = logApplies();
    logY = logWanted && allowed;
    if (logControl) logControl.element.hidden = !allowed;
    cursorable = drawn.filter((d) => !d.series.hideInLegend && d.shown.length > 0);

    const items = legendItems(drawn, labels.diverged);
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
    xAxis = withTicks(makeAxis(xType, fixedX ?? ext.x, [0, inner.width], locale, Math.max(2, Math.floor(inner.width / 90)), !fixedX && (options.x?.nice ?? xType === 'log')), options.x?.ticks);

    setAttrs(plotG, { transform: `translate(${margin.left},${margin.top})` });
    setAttrs(clipRect, { x: 0, y: -2, width: r1(inner.width), height: r1(inner.height + 4) });
    projection = buildScales();
    projectionKey = [xAxis.scale.domain(), xAxis.scale.range(), yAxis.scale.domain(), yAxis.scale.range(), yAxis.type, smoothing].join('|');
    renderAxis(xView, xAxis, inner.width, inner.height, labels.x, 38);
    renderAxis(yView, yAxis, inner.width, inner.height, labels.y, margin.left - 14);

    const s = scales();
    renderBands(bandsG, data.bands ?? [], s, inner);
    renderGuides(guidesG, data.guides ?? [], s, inner);
    seriesLayer.render(drawn, s, inner, projectionKey, smoothing, logY);
    renderDivergence(divergedG, drawn, s, inner);
    renderReadouts(readoutsG, data.readouts ?? [], locale);
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

  function readoutText(d: DrawnSeries, index: number): string {
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
      logWanted = on;
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
      seriesLayer.clear();
    },
  };
  render();
  return handle;
}

