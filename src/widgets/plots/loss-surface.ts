/**
 * Model view: a 2-D loss surface as contour lines (d3-contour) with optimizer trajectories (SGD, momentum,
 * Adam…), one panel per optimizer side by side or all overlaid. Contours are recomputed only when the surface
 * or the size changes; trajectories update every frame.
 */
import type { Grid2D, LossSurfaceData, LossSurfaceOptions, PlotHandle } from './types';
import { checkLabels, createFigure, plotHandle } from './figure';
import { keepChildren, r1, setAttrs, setText, svg, uid } from './dom';
import { createAxisView, leftAxisWidth, renderAxis, type AxisView } from './axis';
import { fastProject, makeAxis } from './scale';
import { BG, FG, MUTED, colorVar, dashFor, symbolIsOpen, symbolPath } from './theme';
import { contourPaths, levels, sampleGrid } from './grid';
import { renderLegend } from './legend';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import type { TableModel } from './table';

interface Panel {
  g: SVGGElement;
  title: SVGTextElement;
  contours: SVGGElement;
  trajectories: SVGGElement;
  minimum: SVGPathElement;
  x: AxisView;
  y: AxisView;
  cursor: SVGCircleElement;
  origin: { x: number; y: number };
}

function gridKey(grid: Grid2D): string {
  let sum = 0;
  for (let i = 0; i < grid.values.length; i += 7) sum += grid.values[i]!;
  return `${grid.x}|${grid.y}|${grid.nx}|${grid.ny}|${grid.values.length}|${sum}`;
}

export function lossSurface(container: HTMLElement, options: LossSurfaceOptions): PlotHandle<LossSurfaceData> {
  const { labels, locale } = options;
  checkLabels(labels, ['x', 'y', 'value', 'step', 'optimizer'], 'loss-surface');
  const layout = options.layout ?? 'side-by-side';
  let data = options.data;
  let cursor: CursorState = HIDDEN_CURSOR;
  const PANEL_MIN = 220;
  const TITLE = layout === 'side-by-side' ? 20 : 0;
  const AXIS_BOTTOM = 42;

  const panelCount = () => (layout === 'overlay' ? 1 : Math.max(1, data.trajectories.length));
  const columnsFor = (width: number) => Math.max(1, Math.min(panelCount(), Math.floor(width / PANEL_MIN)));
  const panelSide = (width: number) => Math.min(340, width / columnsFor(width));
  const legendSpace = layout === 'overlay' ? 26 : 0;

  const figure = createFigure(
    container,
    'loss-surface',
    {
      height: (w: number) => {
        const rows = Math.ceil(panelCount() / columnsFor(w));
        return Math.round(legendSpace + rows * (panelSide(w) * 0.82 + TITLE + AXIS_BOTTOM));
      },
      ...options,
    },
    'csv',
    {
      table: () => table(),
      layout: () => render(),
      key: (e) => {
        const next = moveCursor(cursor, e.key, e.shiftKey, data.trajectories.length, (t) => data.trajectories[t]?.points.length ?? 0);
        if (!next) return false;
        cursor = next;
        drawCursor();
        return true;
      },
      pointer: (p) => (p ? pointerAt(p.x, p.y) : hideCursor()),
      focus: (on) => {
        if (!on) hideCursor();
      },
    },
  );

  const root = figure.svg;
  const clipId = uid('clip');
  const clipRect = svg('rect', {}, svg('clipPath', { id: clipId }, svg('defs', {}, root)));
  const legendG = svg('g', { class: 'dp-plot__legend', 'aria-hidden': 'true' }, root);
  const panelsG = svg('g', { class: 'dp-plot__panels' }, root);
  let panels: Panel[] = [];
  let contourCache = { key: '', d: [] as Array<{ value: number; d: string }> };
  let scale = { x: (v: number) => v, y: (v: number) => v };

  function makePanel(): Panel {
    const g = svg('g', { class: 'dp-plot__panel' }, panelsG);
    const title = svg('text', { class: 'dp-plot__panel-title', 'text-anchor': 'middle', style: `fill:${FG};font-size:12px;font-weight:600` }, g);
    const grids = svg('g', { visibility: 'hidden' }, g);
    const axes = svg('g', {}, g);
    const contours = svg('g', { class: 'dp-plot__contours', 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' }, g);
    const minimum = svg('path', { class: 'dp-plot__minimum', 'aria-hidden': 'true' }, g);
    const trajectories = svg('g', { class: 'dp-plot__trajectories', 'clip-path': `url(#${clipId})`, 'aria-hidden': 'true' }, g);
    const cursor = svg('circle', { r: 6, visibility: 'hidden', class: 'dp-plot__cursor', style: `fill:none;stroke:${FG};stroke-width:2` }, g);
    return { g, title, contours, trajectories, minimum, x: createAxisView(grids, axes, 'bottom'), y: createAxisView(grids, axes, 'left'), cursor, origin: { x: 0, y: 0 } };
  }

  function render(): void {
    const count = panelCount();
    if (count !== panels.length) figure.remeasure();
    const { width } = figure.size;
    const columns = columnsFor(width);
    const side = panelSide(width);
    const plotHeight = Math.round(side * 0.82);
    while (panels.length > count) panels.pop()!.g.remove();
    while (panels.length < count) panels.push(makePanel());

    const legendHeight =
      layout === 'overlay'
        ? renderLegend(legendG, data.trajectories.map((t, i) => ({ name: t.name, color: colorVar(i), dash: dashFor(i), symbol: symbolPath(i, 4), symbolOpen: symbolIsOpen(i), mark: 'line' as const })), width - 16, 8, 2)
        : 0;

    const { surface } = data;
    const yAxis = makeAxis('linear', surface.y, [plotHeight, 0], locale, 4, false);
    const left = Math.max(40, leftAxisWidth(yAxis));
    const innerWidth = Math.max(60, side - left - 12);
    const xAxis = makeAxis('linear', surface.x, [0, innerWidth], locale, Math.max(2, Math.floor(innerWidth / 70)), false);
    scale = { x: fastProject(xAxis), y: fastProject(yAxis) };
    setAttrs(clipRect, { x: 0, y: 0, width: r1(innerWidth), height: plotHeight });

    const key = `${gridKey(surface)}|${innerWidth}|${plotHeight}|${options.levels}|${options.logLevels}`;
    if (key !== contourCache.key) {
      const thresholds = levels(surface.values, options.levels ?? 14, options.logLevels ?? true);
      contourCache = { key, d: contourPaths(surface, thresholds, scale.x, scale.y) };
    }
    const contourCount = contourCache.d.length;

    panels.forEach((panel, p) => {
      const column = p % columns;
      const row = Math.floor(p / columns);
      panel.origin = { x: column * side + left, y: legendHeight + row * (plotHeight + TITLE + AXIS_BOTTOM) + TITLE + 6 };
      setAttrs(panel.g, { transform: `translate(${r1(panel.origin.x)},${r1(panel.origin.y)})` });
      const trajectory = layout === 'overlay' ? undefined : data.trajectories[p];
      setAttrs(panel.title, { x: r1(innerWidth / 2), y: -8 });
      setText(panel.title, trajectory?.name ?? '');
      renderAxis(panel.x, xAxis, innerWidth, plotHeight, labels.x, 36);
      renderAxis(panel.y, yAxis, innerWidth, plotHeight, labels.y, left - 12);

      const paths = keepChildren(panel.contours, contourCount, () => svg('path', {}));
      contourCache.d.forEach((c, i) => {
        // Lower levels (the valley) darker.
        setAttrs(paths[i]!, { d: c.d, style: `fill:none;stroke:${MUTED};stroke-width:1;opacity:${r1(0.85 - (0.6 * i) / Math.max(1, contourCount - 1))}` });
      });

      const min = data.minimum;
      setAttrs(panel.minimum, min ? { d: symbolPath(6, 5, scale.x(min.x), scale.y(min.y)), style: `fill:${FG};stroke:${BG};stroke-width:1` } : { d: null });

      const shown = layout === 'overlay' ? data.trajectories.map((t, i) => ({ t, i })) : trajectory ? [{ t: trajectory, i: p }] : [];
      const groups = keepChildren(panel.trajectories, shown.length, () => {
        const g = svg('g', {});
        svg('path', { class: 'dp-plot__trajectory' }, g);
        svg('path', { class: 'dp-plot__start' }, g);
        svg('path', { class: 'dp-plot__end' }, g);
        return g;
      });
      shown.forEach(({ t, i }, k) => {
        const [line, start, end] = Array.from(groups[k]!.children) as SVGPathElement[];
        const color = colorVar(i);
        let d = '';
        t.points.forEach((pt, n) => {
          if (Number.isFinite(pt.x) && Number.isFinite(pt.y)) d += `${n === 0 ? 'M' : 'L'}${r1(scale.x(pt.x))},${r1(scale.y(pt.y))}`;
        });
        setAttrs(line!, { d, style: `fill:none;stroke:${color};stroke-width:2;stroke-dasharray:${dashFor(i) || 'none'};stroke-linejoin:round` });
        const first = t.points[0];
        const last = t.points[t.points.length - 1];
        setAttrs(start!, first ? { d: symbolPath(1, 3, scale.x(first.x), scale.y(first.y)), style: `fill:${BG};stroke:${color};stroke-width:1.5` } : { d: null });
        setAttrs(end!, last ? { d: symbolPath(i, 5, scale.x(last.x), scale.y(last.y)), style: symbolIsOpen(i) ? `fill:none;stroke:${color};stroke-width:2` : `fill:${color};stroke:${BG};stroke-width:1` } : { d: null });
      });
    });
    if (cursor.active) drawCursor();
    figure.tableChanged();
  }

  function valueAt(t: number, index: number): number {
    const pt = data.trajectories[t]!.points[index]!;
    return pt.value ?? sampleGrid(data.surface, pt.x, pt.y);
  }

  function drawCursor(): void {
    const t = data.trajectories[cursor.series];
    const pt = t?.points[Math.min(cursor.index, t.points.length - 1)];
    if (!cursor.active || !t || !pt) return hideCursor();
    const index = Math.min(cursor.index, t.points.length - 1);
    panels.forEach((panel, p) => {
      const here = layout === 'overlay' || p === cursor.series;
      setAttrs(panel.cursor, here ? { visibility: null, cx: r1(scale.x(pt.x)), cy: r1(scale.y(pt.y)) } : { visibility: 'hidden' });
    });
    figure.readout(
      [t.name, `${labels.step}: ${formatValue(locale, index)}`, `${labels.x}: ${formatValue(locale, pt.x)}`, `${labels.y}: ${formatValue(locale, pt.y)}`, `${labels.value}: ${formatValue(locale, valueAt(cursor.series, index))}`].join(' · '),
    );
  }

  function hideCursor(): void {
    cursor = { ...cursor, active: false };
    for (const panel of panels) setAttrs(panel.cursor, { visibility: 'hidden' });
  }

  /** Hover: the nearest trajectory point (within 16 px) in the panel under the pointer. */
  function pointerAt(x: number, y: number): void {
    let best: CursorState | null = null;
    let bestDistance = 16;
    panels.forEach((panel, p) => {
      const lx = x - panel.origin.x;
      const ly = y - panel.origin.y;
      const candidates = layout === 'overlay' ? data.trajectories.map((_, t) => t) : [p];
      for (const t of candidates) {
        data.trajectories[t]?.points.forEach((pt, i) => {
          const d = Math.hypot(scale.x(pt.x) - lx, scale.y(pt.y) - ly);
          if (d < bestDistance) {
            bestDistance = d;
            best = { active: true, series: t, index: i };
          }
        });
      }
    });
    if (best) {
      cursor = best;
      drawCursor();
    }
  }

  function table(): TableModel {
    const rows: TableModel['rows'] = [];
    data.trajectories.forEach((t, ti) => t.points.forEach((pt, i) => rows.push([t.name, i, pt.x, pt.y, valueAt(ti, i)])));
    return { columns: [labels.optimizer, labels.step, labels.x, labels.y, labels.value], rows };
  }

  render();
  return plotHandle<LossSurfaceData>(figure, 'csv', (next) => {
    data = next;
    render();
  });
}
