/** Line-chart marks other than the series: shaded ranges, guide lines, corner readouts. */
import type { Band, Guide, Readout } from './types';
import type { PathScales } from './path';
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { BAND, BG, FG, GUIDE } from './theme';
import { formatValue } from './format';

export interface Inner {
  width: number;
  height: number;
}

export function renderBands(group: SVGGElement, bands: Band[], s: PathScales, inner: Inner): void {
  const nodes = keepChildren(group, bands.length, () => {
    const g = svg('g', {});
    svg('rect', { style: `fill:${BAND}` }, g);
    svg('text', { class: 'dp-plot__band-label', style: `fill:${FG};font-size:11px`, 'text-anchor': 'middle' }, g);
    return g;
  });
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

export function renderGuides(group: SVGGElement, guides: Guide[], s: PathScales, inner: Inner): void {
  const nodes = keepChildren(group, guides.length, () => {
    const g = svg('g', { class: 'dp-plot__guide' });
    svg('line', { style: `stroke:${GUIDE};stroke-width:1.5;stroke-dasharray:6 4` }, g);
    svg('text', { style: `fill:${FG};font-size:11px;paint-order:stroke;stroke:${BG};stroke-width:3px` }, g);
    return g;
  });
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

/** "w = 1,235" lines in the top-left corner, with a halo so they stay legible over curves. */
export function renderReadouts(group: SVGGElement, readouts: Readout[], locale: string): void {
  const nodes = keepChildren(group, readouts.length, () =>
    svg('text', { style: `fill:${FG};font-size:12px;paint-order:stroke;stroke:${BG};stroke-width:3px` }),
  );
  readouts.forEach((item, i) => {
    setAttrs(nodes[i]!, { x: 8, y: 16 + i * 16 });
    setText(nodes[i]!, `${item.label} = ${formatValue(locale, item.value)}`);
  });
}
