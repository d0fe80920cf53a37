/**
 * Model view: the network as a graph. Edge width grows with |w|; positive weights are blue and solid,
 * negative ones orange and dashed (sign never relies on colour alone). Keyboard: ←/→ walk the edges
 * between two layers, ↑/↓ change the pair of layers.
 */
import type { NetworkGraphData, NetworkGraphOptions, PlotHandle } from './types';
import { checkLabels, createFigure, plotHandle } from './figure';
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { BG, FG, MUTED, NEGATIVE, POSITIVE } from './theme';
import { formatValue } from './format';
import { HIDDEN_CURSOR, moveCursor, type CursorState } from './cursor';
import type { TableModel } from './table';

interface Edge {
  layer: number;
  from: number;
  to: number;
  weight: number;
}

function edgesOf(data: NetworkGraphData): Edge[][] {
  return data.weights.map((matrix, layer) => {
    const edges: Edge[] = [];
    matrix.forEach((row, from) => row.forEach((weight, to) => edges.push({ layer, from, to, weight })));
    return edges;
  });
}

export function networkGraph(container: HTMLElement, options: NetworkGraphOptions): PlotHandle<NetworkGraphData> {
  const { labels, locale } = options;
  checkLabels(labels, ['weight', 'from', 'to'], 'network-graph');
  if (!Array.isArray(labels.layerNames)) throw new Error('network-graph: labels.layerNames must list one name per layer');
  let data = options.data;
  let edges = edgesOf(data);
  let cursor: CursorState = HIDDEN_CURSOR;
  let positions: Array<Array<{ x: number; y: number }>> = [];

  const figure = createFigure(container, 'network-graph', { height: (w: number) => Math.round(Math.max(200, Math.min(360, w * 0.55))), ...options }, 'csv', {
    table: () => table(),
    layout: () => render(),
    key: (e) => {
      const next = moveCursor(cursor, e.key, e.shiftKey, edges.length, (l) => edges[l]?.length ?? 0);
      if (!next) return false;
      cursor = next;
      drawCursor();
      return true;
    },
    pointer: (p) => (p ? pointerAt(p.x, p.y) : hideCursor()),
    focus: (on) => {
      if (!on) hideCursor();
    },
  });

  const root = figure.svg;
  const edgesG = svg('g', { class: 'dp-plot__edges', 'aria-hidden': 'true' }, root);
  const nodesG = svg('g', { class: 'dp-plot__nodes', 'aria-hidden': 'true' }, root);
  const namesG = svg('g', { class: 'dp-plot__layer-names', 'aria-hidden': 'true' }, root);
  const cursorEdge = svg('line', { class: 'dp-plot__cursor', visibility: 'hidden', style: `stroke:${FG};stroke-width:2;stroke-dasharray:2 2;fill:none` }, root);

  const unitName = (layer: number, unit: number) => `${labels.layerNames[layer] ?? formatValue(locale, layer + 1)} ${formatValue(locale, unit + 1)}`;

  function render(): void {
    const { width, height } = figure.size;
    const top = 14;
    const bottom = 30;
    const side = 30;
    const n = data.layers.length;
    const maxUnits = Math.max(1, ...data.layers);
    const radius = Math.max(3, Math.min(12, (height - top - bottom) / maxUnits / 2.6));
    positions = data.layers.map((units, l) => {
      const x = n === 1 ? width / 2 : side + ((width - 2 * side) * l) / (n - 1);
      const span = height - top - bottom;
      return Array.from({ length: units }, (_, u) => ({ x, y: top + (span * (u + 0.5)) / units }));
    });

    const flat = edges.flat();
    const maxAbs = Math.max(1e-12, ...flat.map((e) => Math.abs(e.weight)));
    const lines = keepChildren(edgesG, flat.length, () => svg('line', {}));
    flat.forEach((edge, k) => {
      const a = positions[edge.layer]?.[edge.from];
      const b = positions[edge.layer + 1]?.[edge.to];
      if (!a || !b) return;
      const negative = edge.weight < 0;
      setAttrs(lines[k]!, {
        x1: r1(a.x),
        y1: r1(a.y),
        x2: r1(b.x),
        y2: r1(b.y),
        style: `stroke:${negative ? NEGATIVE : POSITIVE};stroke-width:${r1(0.4 + (4.6 * Math.abs(edge.weight)) / maxAbs)};stroke-dasharray:${negative ? '5 3' : 'none'};opacity:${r1(0.35 + (0.65 * Math.abs(edge.weight)) / maxAbs)}`,
      });
    });

    const nodes = positions.flat();
    const biases = [[] as number[], ...(data.biases ?? [])];
    const biasMax = Math.max(1e-12, ...biases.flat().map(Math.abs));
    const circles = keepChildren(nodesG, nodes.length, () => svg('circle', {}));
    let k = 0;
    positions.forEach((layer, l) =>
      layer.forEach((p, u) => {
        const b = biases[l]?.[u];
        // Bias shown as the fill: the stronger the bias, the fuller the node.
        const fill = b === undefined ? BG : b < 0 ? NEGATIVE : POSITIVE;
        const opacity = b === undefined ? 1 : r1(0.15 + (0.85 * Math.abs(b)) / biasMax);
        setAttrs(circles[k++]!, { cx: r1(p.x), cy: r1(p.y), r: r1(radius), style: `fill:${fill};fill-opacity:${opacity};stroke:${FG};stroke-width:1.2` });
      }),
    );

    const names = keepChildren(namesG, n, () => svg('text', { 'text-anchor': 'middle', style: `fill:${MUTED}` }));
    positions.forEach((layer, l) => {
      setAttrs(names[l]!, { x: r1(layer[0]?.x ?? 0), y: height - 8 });
      setText(names[l]!, labels.layerNames[l] ?? '');
    });
    if (cursor.active) drawCursor();
    figure.tableChanged();
  }

  function drawCursor(): void {
    const edge = edges[cursor.series]?.[cursor.index];
    if (!cursor.active || !edge) return hideCursor();
    const a = positions[edge.layer]![edge.from]!;
    const b = positions[edge.layer + 1]![edge.to]!;
    setAttrs(cursorEdge, { visibility: null, x1: r1(a.x), y1: r1(a.y), x2: r1(b.x), y2: r1(b.y) });
    const parts = [`${unitName(edge.layer, edge.from)} → ${unitName(edge.layer + 1, edge.to)}`, `${labels.weight}: ${formatValue(locale, edge.weight)}`];
    const bias = data.biases?.[edge.layer]?.[edge.to];
    if (bias !== undefined && labels.bias) parts.push(`${labels.bias}: ${formatValue(locale, bias)}`);
    figure.readout(parts.join(' · '));
  }

  function hideCursor(): void {
    cursor = { ...cursor, active: false };
    setAttrs(cursorEdge, { visibility: 'hidden' });
  }

  /** Hover: the edge nearest to the pointer (within 8 px of the segment). */
  function pointerAt(x: number, y: number): void {
    let best: CursorState | null = null;
    let bestDistance = 8;
    edges.forEach((layerEdges, l) =>
      layerEdges.forEach((edge, i) => {
        const a = positions[edge.layer]?.[edge.from];
        const b = positions[edge.layer + 1]?.[edge.to];
        if (!a || !b) return;
        const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2 || 1;
        const t = Math.max(0, Math.min(1, ((x - a.x) * (b.x - a.x) + (y - a.y) * (b.y - a.y)) / length2));
        const d = Math.hypot(a.x + t * (b.x - a.x) - x, a.y + t * (b.y - a.y) - y);
        if (d < bestDistance) {
          bestDistance = d;
          best = { active: true, series: l, index: i };
        }
      }),
    );
    if (best) {
      cursor = best;
      drawCursor();
    }
  }

  function table(): TableModel {
    const rows = edges.flat().map((e) => [unitName(e.layer, e.from), unitName(e.layer + 1, e.to), e.weight]);
    // A bias is the weight of an edge from a constant "bias" input, as in the usual drawing of a neuron.
    if (data.biases && labels.bias) data.biases.forEach((layer, l) => layer.forEach((b, u) => rows.push([labels.bias!, unitName(l + 1, u), b])));
    return { columns: [labels.from, labels.to, labels.weight], rows };
  }

  render();
  return plotHandle<NetworkGraphData>(figure, 'csv', (next) => {
    const shapeChanged = next.layers.join() !== data.layers.join();
    data = next;
    edges = edgesOf(data);
    if (shapeChanged) cursor = HIDDEN_CURSOR;
    render();
  });
}
