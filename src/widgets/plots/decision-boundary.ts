/**
 * Model view: a 2-D classifier's output as a heatmap on canvas (orange ↔ blue through the background,
 * stronger where the model is surer), the 0.5 decision boundary as an SVG contour, and the data points in SVG
 * with a different symbol per class.
 */
import { rgb } from 'd3-color';
import type { DecisionBoundaryData, DecisionBoundaryOptions, PlotHandle } from './types';
import { checkLabels, createFigure, plotHandle } from './figure';
import { keepChildren, r1, setAttrs, svg, uid } from './dom';
import { createAxisView, leftAxisWidth, renderAxis } from './axis';
import { fastProject, makeAxis, type Axis } from './scale';
import { BG, FG, colorVar, resolveCssVars, symbolPath } from './theme';
import { contourPaths, sampleGrid } from './grid';
import { canvasLayer } from './canvas-layer';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import type { TableModel } from './table';

/** Class k is drawn with palette slot CLASS_SLOTS[k] and symbol k. Class 0 orange, class 1 blue. */
const CLASS_SLOTS = [1, 0, 2, 4, 3, 5, 6, 7];

export function decisionBoundary(container: HTMLElement, options: DecisionBoundaryOptions): PlotHandle<DecisionBoundaryData> {
  const { labels, locale } = options;
  checkLabels(labels, ['x', 'y', 'probability', 'classColumn'], 'decision-boundary');
  let data = options.data;
  let cursor: CursorState = HIDDEN_CURSOR;
  let focused = false;
  let xAxis: Axis;
  let yAxis: Axis;
  const margin = { top: 10, right: 14, bottom: 46, left: 50 };
  const inner = { width: 0, height: 0 };

  const figure = createFigure(
    container,
    'decision-boundary',
    { height: (w: number) => Math.round(Math.min(w, 460) * 0.9), ...options },
    'csv',
    {
      table: () => table(),
      layout: () => render(),
      key: (e) => {
        const next = moveCursor(cursor, e.key, e.shiftKey, data.points.length ? 1 : 0, () => data.points.length);
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
        pointerAt(p.x - margin.left, p.y - margin.top);
      },
      focus: (on) => {
        focused = on;
        if (!on) hideCursor();
      },
    },
  );

  const layer = canvasLayer(figure.area);
  const root = figure.svg;
  const clipId = uid('clip');
  const clipRect = svg('rect', {}, svg('clipPath', { id: clipId }, svg('defs', {}, root)));
  const plotG = svg('g', { class: 'dp-plot__plot' }, root);
  const gridG = svg('g', { class: 'dp-plot__grids' }, plotG);
  const axesG = svg('g', { class: 'dp-plot__axes' }, plotG);
  const xView = createAxisView(gridG, axesG, 'bottom');
  const yView = createAxisView(gridG, axesG, 'left');
  gridG.setAttribute('visibility', 'hidden'); // the heatmap is the background; grid lines would clutter it
  const boundary = svg('path', { class: 'dp-plot__boundary', 'clip-path': `url(#${clipId})`, style: `fill:none;stroke:${FG};stroke-width:1.5;stroke-dasharray:5 3` }, plotG);
  const pointsG = svg('g', { class: 'dp-plot__points', 'aria-hidden': 'true' }, plotG);
  const cursorG = svg('g', { class: 'dp-plot__cursor', 'aria-hidden': 'true', visibility: 'hidden' }, plotG);
  const cursorRing = svg('circle', { r: 8, style: `fill:none;stroke:${FG};stroke-width:2` }, cursorG);

  function render(): void {
    const { width, height } = figure.size;
    inner.height = height - margin.top - margin.bottom;
    yAxis = makeAxis('linear', data.grid.y, [inner.height, 0], locale, Math.max(3, Math.round(inner.height / 55)), false);
    margin.left = Math.max(44, leftAxisWidth(yAxis));
    inner.width = width - margin.left - margin.right;
    xAxis = makeAxis('linear', data.grid.x, [0, inner.width], locale, Math.max(2, Math.floor(inner.width / 80)), false);
    setAttrs(plotG, { transform: `translate(${margin.left},${margin.top})` });
    setAttrs(clipRect, { x: 0, y: 0, width: r1(inner.width), height: r1(inner.height) });
    renderAxis(xView, xAxis, inner.width, inner.height, labels.x, 38);
    renderAxis(yView, yAxis, inner.width, inner.height, labels.y, margin.left - 14);
    layer.place(margin.left, margin.top, inner.width, inner.height, width, height);
    paintField();
    const px = fastProject(xAxis);
    const py = fastProject(yAxis);
    setAttrs(boundary, { d: contourPaths(data.grid, [0.5], px, py)[0]?.d ?? '' });
    renderPoints(px, py);
    if (cursor.active) drawCursor();
    figure.tableChanged();
  }

  /** One canvas pixel per grid cell, stretched smoothly by the browser. */
  function paintField(): void {
    const ctx = layer.context();
    const { grid } = data;
    if (!ctx || !grid.nx || !grid.ny) return;
    const canvas = layer.canvas;
    if (canvas.width !== grid.nx) canvas.width = grid.nx;
    if (canvas.height !== grid.ny) canvas.height = grid.ny;
    const c0 = rgb(resolveCssVars(colorVar(CLASS_SLOTS[0]!), figure.root));
    const c1 = rgb(resolveCssVars(colorVar(CLASS_SLOTS[1]!), figure.root));
    const bg = rgb(resolveCssVars(BG, figure.root));
    const image = ctx.createImageData(grid.nx, grid.ny);
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++) {
        const p = grid.values[j * grid.nx + i]!;
        const strength = Number.isFinite(p) ? Math.min(1, Math.abs(p - 0.5) * 2) * 0.55 : 0;
        const c = p >= 0.5 ? c1 : c0;
        const o = ((grid.ny - 1 - j) * grid.nx + i) * 4; // row 0 is y[0], the bottom
        image.data[o] = bg.r + (c.r - bg.r) * strength;
        image.data[o + 1] = bg.g + (c.g - bg.g) * strength;
        image.data[o + 2] = bg.b + (c.b - bg.b) * strength;
        image.data[o + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }

  function renderPoints(px: (v: number) => number, py: (v: number) => number): void {
    const classes = Array.from(new Set(data.points.map((p) => p.label))).sort((a, b) => a - b);
    const paths = keepChildren(pointsG, classes.length, () => svg('path', {}));
    classes.forEach((label, k) => {
      let d = '';
      for (const p of data.points) if (p.label === label) d += symbolPath(label, 4, px(p.x), py(p.y));
      setAttrs(paths[k]!, {
        d,
        'data-class': label,
        style: `fill:${colorVar(CLASS_SLOTS[label % 8]!)};stroke:${BG};stroke-width:1`,
      });
    });
  }

  function className(label: number): string {
    return labels.classes[label] ?? formatValue(locale, label);
  }

  function readout(x: number, y: number, label?: number): string {
    const parts = [`${labels.x}: ${formatValue(locale, x)}`, `${labels.y}: ${formatValue(locale, y)}`, `${labels.probability}: ${formatValue(locale, sampleGrid(data.grid, x, y))}`];
    if (label !== undefined) parts.unshift(className(label));
    return parts.join(' · ');
  }

  function drawCursor(): void {
    const p = data.points[Math.min(cursor.index, data.points.length - 1)];
    if (!cursor.active || !p) return hideCursor();
    setAttrs(cursorG, { visibility: null });
    setAttrs(cursorRing, { cx: r1(xAxis.scale(p.x)), cy: r1(yAxis.scale(p.y)) });
    figure.readout(readout(p.x, p.y, p.label));
  }

  function hideCursor(): void {
    cursor = { ...cursor, active: false };
    setAttrs(cursorG, { visibility: 'hidden' });
  }

  /** Hovering near a point reads the point; elsewhere it reads the model's output under the pointer. */
  function pointerAt(x: number, y: number): void {
    let best = -1;
    let bestDistance = 12;
    data.points.forEach((p, i) => {
      const d = Math.hypot(xAxis.scale(p.x) - x, yAxis.scale(p.y) - y);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    });
    if (best >= 0) {
      cursor = { active: true, series: 0, index: best };
      drawCursor();
    } else if (x >= 0 && y >= 0 && x <= inner.width && y <= inner.height) {
      hideCursor();
      figure.readout(readout(xAxis.scale.invert(x), yAxis.scale.invert(y)));
    }
  }

  function table(): TableModel {
    return {
      columns: [labels.x, labels.y, labels.classColumn, labels.probability],
      rows: data.points.map((p) => [p.x, p.y, className(p.label), sampleGrid(data.grid, p.x, p.y)]),
    };
  }

  // The field is painted with resolved colours: repaint when the theme switches (site toggle or OS setting).
  const themeObserver = typeof MutationObserver === 'function' ? new MutationObserver(() => paintField()) : null;
  themeObserver?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const onScheme = () => paintField();
  darkQuery?.addEventListener?.('change', onScheme);

  render();
  return plotHandle<DecisionBoundaryData>(
    figure,
    'csv',
    (next) => {
      data = next;
      render();
    },
    () => {
      themeObserver?.disconnect();
      darkQuery?.removeEventListener?.('change', onScheme);
    },
  );
}
