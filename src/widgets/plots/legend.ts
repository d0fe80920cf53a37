/** SVG legend (so that it is part of the PNG/SVG downloads): swatches with colour, dash and symbol, wrapped. */
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { textWidth } from './axis';
import { FG } from './theme';

export interface LegendItem {
  name: string;
  color: string;
  dash: string;
  /** Marker path centred on 0,0, or '' for none. */
  symbol: string;
  symbolOpen: boolean;
  /** 'line' swatch, 'dot' (symbol only) or 'area' (filled box). */
  mark: 'line' | 'dot' | 'area';
  opacity?: number;
}

const ROW = 18;
const SWATCH = 26;

/** Lay the items out in rows within `width`; returns the height taken (0 when empty). */
export function renderLegend(group: SVGGElement, items: LegendItem[], width: number, x0: number, y0: number): number {
  const nodes = keepChildren(group, items.length, () => {
    const g = svg('g', { class: 'dp-plot__legend-item' });
    svg('path', { class: 'dp-plot__legend-swatch', fill: 'none' }, g);
    svg('path', { class: 'dp-plot__legend-symbol' }, g);
    svg('text', { x: SWATCH + 5, dy: '0.32em', style: `fill:${FG}` }, g);
    return g;
  });
  let x = 0;
  let row = 0;
  items.forEach((item, i) => {
    const w = SWATCH + 5 + textWidth(item.name) + 16;
    if (x > 0 && x + w > width) {
      x = 0;
      row += 1;
    }
    const g = nodes[i]!;
    const [swatch, symbol, text] = Array.from(g.children) as [SVGPathElement, SVGPathElement, SVGTextElement];
    setAttrs(g, { transform: `translate(${r1(x0 + x)},${r1(y0 + row * ROW + ROW / 2)})` });
    if (item.mark === 'area') {
      setAttrs(swatch, { d: `M2,-6H${SWATCH - 2}V6H2Z`, style: `fill:${item.color};fill-opacity:${item.opacity ?? 0.5};stroke:${item.color}` });
    } else if (item.mark === 'line') {
      setAttrs(swatch, {
        d: `M0,0H${SWATCH}`,
        style: `stroke:${item.color};stroke-width:2;stroke-dasharray:${item.dash || 'none'};opacity:${item.opacity ?? 1}`,
      });
    } else setAttrs(swatch, { d: '', style: null });
    setAttrs(symbol, {
      d: item.symbol,
      transform: `translate(${SWATCH / 2},0)`,
      style: item.symbolOpen ? `fill:none;stroke:${item.color};stroke-width:1.6` : `fill:${item.color};stroke:none`,
    });
    setText(text, item.name);
    x += w;
  });
  return items.length ? (row + 1) * ROW + 6 : 0;
}
