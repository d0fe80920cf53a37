/** Axes and grid drawn into SVG groups that are created once and updated in place. */
import type { Axis } from './scale';
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { FG, GRID, MUTED } from './theme';

export interface AxisView {
  orient: 'bottom' | 'left';
  root: SVGGElement;
  grid: SVGGElement;
  ticks: SVGGElement;
  domainLine: SVGLineElement;
  title: SVGTextElement;
}

/** Approximate width of a label in px at the plot font size (no layout available under jsdom). */
export function textWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? fontSize : fontSize * 0.58;
  return w;
}

export function createAxisView(gridParent: SVGGElement, parent: SVGGElement, orient: 'bottom' | 'left'): AxisView {
  const grid = svg('g', { class: `dp-plot__grid dp-plot__grid--${orient === 'bottom' ? 'x' : 'y'}`, 'aria-hidden': 'true' }, gridParent);
  const root = svg('g', { class: `dp-plot__axis dp-plot__axis--${orient === 'bottom' ? 'x' : 'y'}`, 'aria-hidden': 'true' }, parent);
  const domainLine = svg('line', { style: `stroke:${MUTED}` }, root);
  const ticks = svg('g', {}, root);
  const title = svg('text', { class: 'dp-plot__axis-title', style: `fill:${FG}`, 'text-anchor': 'middle' }, root);
  return { orient, root, grid, ticks, domainLine, title };
}

/** Draw ticks, grid lines and the title for an inner plot rectangle of `width` × `height`. */
export function renderAxis(view: AxisView, axis: Axis, width: number, height: number, title: string, titleOffset: number): void {
  const { scale, ticks, format } = axis;
  const bottom = view.orient === 'bottom';
  setAttrs(view.root, { transform: bottom ? `translate(0,${r1(height)})` : null });
  setAttrs(view.domainLine, bottom ? { x1: 0, x2: r1(width), y1: 0, y2: 0 } : { x1: 0, x2: 0, y1: 0, y2: r1(height) });

  const tickNodes = keepChildren(view.ticks, ticks.length, () => {
    const g = svg('g', { class: 'dp-plot__tick' });
    svg('line', { style: `stroke:${MUTED}` }, g);
    svg('text', { style: `fill:${MUTED}` }, g);
    return g;
  });
  const gridNodes = keepChildren(view.grid, ticks.length, () => svg('line', { style: `stroke:${GRID}` }));
  ticks.forEach((value, i) => {
    const p = r1(scale(value));
    const g = tickNodes[i]!;
    const line = g.firstElementChild as SVGLineElement;
    const text = g.lastElementChild as SVGTextElement;
    if (bottom) {
      setAttrs(g, { transform: `translate(${p},0)` });
      setAttrs(line, { y2: 5 });
      setAttrs(text, { y: 17, 'text-anchor': 'middle' });
      setAttrs(gridNodes[i]!, { x1: p, x2: p, y1: 0, y2: r1(height) });
    } else {
      setAttrs(g, { transform: `translate(0,${p})` });
      setAttrs(line, { x2: -5 });
      setAttrs(text, { x: -8, dy: '0.32em', 'text-anchor': 'end' });
      setAttrs(gridNodes[i]!, { x1: 0, x2: r1(width), y1: p, y2: p });
    }
    setText(text, format(value));
  });
  setText(view.title, title);
  if (bottom) setAttrs(view.title, { x: r1(width / 2), y: titleOffset, transform: null });
  else setAttrs(view.title, { x: r1(-height / 2), y: -titleOffset, transform: 'rotate(-90)' });
}

/** Width the left axis needs for its tick labels and title. */
export function leftAxisWidth(axis: Axis): number {
  const widest = Math.max(0, ...axis.ticks.map((t) => textWidth(axis.format(t))));
  return Math.ceil(widest + 10 + 18);
}
