/**
 * Gradients: per-layer histograms (weights, gradients or activations) as small multiples over time. Each
 * panel is a ridgeline of the most recent snapshots, oldest at the back and faded, newest in front.
 * Keyboard: ←/→ through the snapshots, ↑/↓ through the layers. Data download is JSON (the full histograms);
 * the table summarises each snapshot by mean and standard deviation.
 */
import type { HistogramSnapshot, HistogramsData, HistogramsOptions, LayerHistograms, PlotHandle } from './types';
import { checkLabels, createFigure, plotHandle } from './figure';
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { createAxisView, renderAxis, type AxisView } from './axis';
import { Extent, fastProject, makeAxis } from './scale';
import { BG, FG, colorVar } from './theme';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import type { TableModel } from './table';

const PANEL_MIN = 230;
const AMPLITUDE = 70;
const RIDGE = 9;
const TITLE = 18;
const AXIS = 40;

interface Panel {
  g: SVGGElement;
  title: SVGTextElement;
  ridges: SVGGElement;
  x: AxisView;
}

/** Mean and standard deviation of a histogram, each bin at its centre. */
export function histogramStats(h: HistogramSnapshot): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  h.counts.forEach((c, k) => {
    n += c;
    sum += c * ((h.edges[k]! + h.edges[k + 1]!) / 2);
  });
  const mean = n ? sum / n : NaN;
  let sq = 0;
  h.counts.forEach((c, k) => {
    const centre = (h.edges[k]! + h.edges[k + 1]!) / 2;
    sq += c * (centre - mean) ** 2;
  });
  return { mean, std: n ? Math.sqrt(sq / n) : NaN };
}

export function layerHistograms(container: HTMLElement, options: HistogramsOptions): PlotHandle<HistogramsData> {
  const { labels, locale } = options;
  checkLabels(labels, ['x', 'step', 'mean', 'std', 'layer'], 'histograms');
  const depth = Math.max(1, options.depth ?? 8);
  let data = options.data;
  let cursor: CursorState = HIDDEN_CURSOR;
  let panels: Panel[] = [];

  const recent = (layer: LayerHistograms) => layer.snapshots.slice(-depth);
  const columnsFor = (width: number) => Math.max(1, Math.min(data.layers.length || 1, Math.floor(width / PANEL_MIN)));
  const panelHeight = () => TITLE + AMPLITUDE + (depth - 1) * RIDGE + AXIS;

  const figure = createFigure(
    container,
    'histograms',
    { height: (w: number) => Math.ceil(Math.max(1, data.layers.length) / columnsFor(w)) * panelHeight() + 4, ...options },
    'json',
    {
      table: () => table(),
      json: () => JSON.stringify(data),
      layout: () => render(),
      key: (e) => {
        const next = moveCursor(cursor, e.key, e.shiftKey, data.layers.length, (l) => recent(data.layers[l]!).length);
        if (!next) return false;
        cursor = next;
        render();
        return true;
      },
      pointer: (p) => {
        if (p) return pointerAt(p.x, p.y);
        if (cursor.active) {
          cursor = { ...cursor, active: false };
          render();
        }
      },
      focus: (on) => {
        if (!on && cursor.active) {
          cursor = { ...cursor, active: false };
          render();
        }
      },
    },
  );
  const panelsG = svg('g', { class: 'dp-plot__panels' }, figure.svg);

  function makePanel(): Panel {
    const g = svg('g', { class: 'dp-plot__panel' }, panelsG);
    const title = svg('text', { class: 'dp-plot__panel-title', style: `fill:${FG};font-size:12px;font-weight:600` }, g);
    const grids = svg('g', { visibility: 'hidden' }, g);
    const axes = svg('g', {}, g);
    const ridges = svg('g', { class: 'dp-plot__ridges', 'aria-hidden': 'true' }, g);
    return { g, title, ridges, x: createAxisView(grids, axes, 'bottom') };
  }

  function render(): void {
    if (data.layers.length !== panels.length) figure.remeasure();
    const { width } = figure.size;
    const columns = columnsFor(width);
    const panelWidth = width / columns;
    const innerWidth = Math.max(80, panelWidth - 28);
    const baseline = TITLE + AMPLITUDE + (depth - 1) * RIDGE;
    while (panels.length > data.layers.length) panels.pop()!.g.remove();
    while (panels.length < data.layers.length) panels.push(makePanel());

    const shared = new Extent('linear');
    if (options.sharedX) for (const layer of data.layers) for (const h of recent(layer)) shared.add(h.edges[0]!).add(h.edges[h.edges.length - 1]!);

    data.layers.forEach((layer, l) => {
      const panel = panels[l]!;
      const snapshots = recent(layer);
      const extent = new Extent('linear');
      for (const h of snapshots) extent.add(h.edges[0]!).add(h.edges[h.edges.length - 1]!);
      const xAxis = makeAxis('linear', options.sharedX ? shared.value() : extent.value(), [0, innerWidth], locale, Math.max(2, Math.floor(innerWidth / 70)), true);
      const x = fastProject(xAxis);
      setAttrs(panel.g, { transform: `translate(${r1((l % columns) * panelWidth + 14)},${r1(Math.floor(l / columns) * panelHeight())})` });
      setAttrs(panel.title, { x: 0, y: 13 });
      setText(panel.title, layer.name);
      renderAxis(panel.x, xAxis, innerWidth, baseline, labels.x, 34);

      const peak = Math.max(1, ...snapshots.flatMap((h) => h.counts));
      const ridges = keepChildren(panel.ridges, snapshots.length, () => svg('path', {}));
      snapshots.forEach((h, k) => {
        const back = snapshots.length - 1 - k; // 0 for the newest
        const y0 = baseline - back * RIDGE;
        let d = `M${r1(x(h.edges[0]!))},${r1(y0)}`;
        h.counts.forEach((c, b) => {
          const top = r1(y0 - (c / peak) * AMPLITUDE);
          d += `L${r1(x(h.edges[b]!))},${top}L${r1(x(h.edges[b + 1]!))},${top}`;
        });
        d += `L${r1(x(h.edges[h.edges.length - 1]!))},${r1(y0)}Z`;
        const selected = cursor.active && cursor.series === l && cursor.index === k;
        const fade = snapshots.length > 1 ? 0.25 + (0.75 * k) / (snapshots.length - 1) : 1;
        setAttrs(ridges[k]!, {
          d,
          'data-step': h.step,
          style: `fill:${colorVar(0)};fill-opacity:${r1(fade * 0.55)};stroke:${selected ? FG : BG};stroke-width:${selected ? 2 : 1}`,
        });
      });
    });

    const layer = data.layers[cursor.series];
    const snapshot = layer ? recent(layer)[cursor.index] : undefined;
    if (cursor.active && layer && snapshot) {
      const { mean, std } = histogramStats(snapshot);
      figure.readout([layer.name, `${labels.step}: ${formatValue(locale, snapshot.step)}`, `${labels.mean}: ${formatValue(locale, mean)}`, `${labels.std}: ${formatValue(locale, std)}`].join(' · '));
    }
    figure.tableChanged();
  }

  /** Hover: the panel under the pointer, and the ridge whose baseline is just below it. */
  function pointerAt(x: number, y: number): void {
    const { width } = figure.size;
    const columns = columnsFor(width);
    const column = Math.floor(x / (width / columns));
    const row = Math.floor(y / panelHeight());
    const l = row * columns + column;
    const layer = data.layers[l];
    if (!layer || column >= columns) return;
    const shown = recent(layer).length;
    const baseline = TITLE + AMPLITUDE + (depth - 1) * RIDGE;
    const local = y - row * panelHeight();
    const back = Math.max(0, Math.min(shown - 1, Math.round((baseline - local - RIDGE) / RIDGE)));
    const next = { active: true, series: l, index: shown - 1 - back };
    if (next.series !== cursor.series || next.index !== cursor.index || !cursor.active) {
      cursor = next;
      render();
    }
  }

  function table(): TableModel {
    const rows: TableModel['rows'] = [];
    for (const layer of data.layers) {
      for (const h of layer.snapshots) {
        const { mean, std } = histogramStats(h);
        rows.push([layer.name, h.step, mean, std]);
      }
    }
    return { columns: [labels.layer, labels.step, labels.mean, labels.std], rows };
  }

  render();
  return plotHandle<HistogramsData>(figure, 'json', (next) => {
    data = next;
    render();
  });
}
