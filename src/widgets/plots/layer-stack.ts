/**
 * Model view: a network as a vertical stack of layer boxes joined by arrows (input at the top), each box with
 * its name, its shapes, its parameter count and its badges (dropout, max-norm, frozen), and the total under
 * the stack. Frozen layers are greyed and dashed, and say so in a badge (never by colour alone). The drawing
 * has a fixed logical width, so the static SVG of a build reads the same on a phone and on a desktop.
 * Keyboard: ↑/↓ (or ←/→) walk the layers, Home/End jump to the ends; hovering reads a box. The boxes' contents are rebuilt on update
 * (a few dozen elements, redrawn only when a setting changes, never per training step).
 */
import type { LayerBox, LayerStackData, LayerStackOptions, PlotHandle } from './types';
import { checkLabels, createFigure, plotHandle } from './figure';
import { keepChildren, r1, setAttrs, setText, svg } from './dom';
import { BG, colorVar, FG, GRID, MUTED } from './theme';
import { formatFixed } from './format';
import type { TableModel } from './table';

/** Logical width of the drawing (SVG user units); CSS scales it to the page. */
export const STACK_WIDTH = 360;
const SIDE = 12;
const BOX_WIDTH = STACK_WIDTH - 2 * SIDE;
const LINE = 19;
const PAD = 7;
const GAP = 26;
const BADGE_HEIGHT = 20;
const BADGE_GAP = 6;

interface Placed {
  box: LayerBox;
  y: number;
  height: number;
  lines: string[];
  badges: { text: string; x: number; y: number; width: number }[];
}

/** Rough width of a badge label at 12 px (no text metrics at build time): CJK glyphs are square, Cyrillic wider than Latin. */
function badgeTextWidth(text: string): number {
  return [...text].reduce((sum, char) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? 12 : /[\u0400-\u04ff]/.test(char) ? 7.6 : 7), 0);
}

export function layerStack(container: HTMLElement, options: LayerStackOptions): PlotHandle<LayerStackData> {
  const { labels, locale } = options;
  checkLabels(labels, ['layer', 'shape', 'parameters', 'notes', 'total', 'trainable'], 'layer-stack');
  const count = (value: number) => formatFixed(locale, value, 0);
  let data = options.data;
  let placed: Placed[] = [];
  let height = 0;
  let cursor = -1;

  const paramLine = (box: LayerBox) =>
    box.parameters === null ? null : `${labels.parameters}: ${box.formula ? `${box.formula} = ` : ''}${count(box.parameters)}`;
  const totalLine = () => {
    const parts = [`${labels.total}: ${count(data.total)}`];
    if (data.trainable !== undefined && data.trainable !== data.total) parts.push(`${labels.trainable}: ${count(data.trainable)}`);
    return parts.join(' · ');
  };

  function layout(): void {
    let y = 6;
    placed = data.layers.map((box) => {
      const lines = [box.name, box.shape, paramLine(box)].filter((line): line is string => line !== null);
      const badgeTop = y + PAD + lines.length * LINE + 4;
      const badges: Placed['badges'] = [];
      let x = SIDE + 10;
      let row = 0;
      for (const text of box.badges) {
        const width = badgeTextWidth(text) + 16;
        if (x + width > SIDE + BOX_WIDTH - 8 && x > SIDE + 10) {
          row += 1;
          x = SIDE + 10;
        }
        badges.push({ text, x, y: badgeTop + row * (BADGE_HEIGHT + 4), width });
        x += width + BADGE_GAP;
      }
      const rows = box.badges.length === 0 ? 0 : row + 1;
      const boxHeight = PAD + lines.length * LINE + (rows > 0 ? 4 + rows * (BADGE_HEIGHT + 4) : 0) + PAD;
      const entry = { box, y, height: boxHeight, lines, badges };
      y += boxHeight + GAP;
      return entry;
    });
    height = Math.ceil(y - GAP + 30);
  }
  layout();

  const figure = createFigure(container, 'layer-stack', { ...options, width: STACK_WIDTH, height: () => height }, 'csv', {
    table: () => table(),
    layout: () => render(),
    key: (event) => {
      const last = placed.length - 1;
      const moves: Record<string, number> = {
        ArrowDown: cursor + 1, ArrowRight: cursor + 1, ArrowUp: cursor - 1, ArrowLeft: cursor - 1, Home: 0, End: last,
      };
      if (!(event.key in moves) || last < 0) return false;
      cursor = Math.max(0, Math.min(last, cursor < 0 && event.key !== 'End' ? 0 : moves[event.key]!));
      drawCursor();
      return true;
    },
    // Hover reads the box under the pointer (the figure's height is the drawing's, so y is in its units).
    pointer: (point) => {
      cursor = point ? placed.findIndex((entry) => point.y >= entry.y && point.y <= entry.y + entry.height) : -1;
      drawCursor();
    },
    focus: (on) => {
      if (!on) {
        cursor = -1;
        drawCursor();
      }
    },
  });

  const root = figure.svg;
  const arrowsG = svg('g', { class: 'dp-plot__arrows', 'aria-hidden': 'true' }, root);
  const boxesG = svg('g', { class: 'dp-plot__boxes', 'aria-hidden': 'true' }, root);
  const totalText = svg('text', { class: 'dp-plot__total', 'aria-hidden': 'true', x: SIDE, style: `fill:${FG};font-size:14px;font-weight:600` }, root);
  const cursorBox = svg('rect', { class: 'dp-plot__cursor', visibility: 'hidden', rx: 8, style: `fill:none;stroke:${FG};stroke-width:2;stroke-dasharray:4 3` }, root);

  function render(): void {
    figure.remeasure();
    setAttrs(root, { viewBox: `0 0 ${STACK_WIDTH} ${height}` });
    const centre = STACK_WIDTH / 2;
    const arrows = keepChildren(arrowsG, Math.max(0, placed.length - 1), () => svg('path', { style: `fill:none;stroke:${MUTED};stroke-width:1.5` }));
    arrows.forEach((arrow, index) => {
      const from = placed[index]!;
      const top = r1(from.y + from.height + 2);
      const tip = r1(from.y + from.height + GAP - 2);
      arrow.setAttribute('d', `M${centre},${top}V${tip}M${centre - 5},${r1(tip - 6)}L${centre},${tip}L${centre + 5},${r1(tip - 6)}`);
    });
    const groups = keepChildren(boxesG, placed.length, () => svg('g', {}));
    placed.forEach((entry, index) => drawBox(groups[index]!, entry, index));
    setAttrs(totalText, { y: r1(height - 10) });
    setText(totalText, totalLine());
    drawCursor();
    figure.tableChanged();
  }

  function drawBox(group: SVGGElement, entry: Placed, index: number): void {
    const { box, y, height: boxHeight, lines, badges } = entry;
    const frozen = box.frozen === true;
    const isInput = box.parameters === null;
    const ink = frozen ? MUTED : FG;
    group.setAttribute('class', `dp-plot__box${frozen ? ' dp-plot__box--frozen' : ''}`);
    group.replaceChildren();
    svg('rect', {
      x: SIDE, y: r1(y), width: BOX_WIDTH, height: r1(boxHeight), rx: 6,
      style: `fill:${frozen ? GRID : BG};stroke:${frozen || isInput ? MUTED : colorVar(0)};stroke-width:1.5;stroke-dasharray:${frozen ? '5 3' : 'none'}`,
    }, group);
    if (!isInput && !frozen) svg('rect', { x: SIDE, y: r1(y), width: 5, height: r1(boxHeight), rx: 2, style: `fill:${colorVar(0)}` }, group);
    lines.forEach((line, row) => {
      const text = svg('text', {
        x: SIDE + 12, y: r1(y + PAD + 14 + row * LINE),
        style: `fill:${row === 0 ? ink : frozen ? MUTED : FG};font-size:${row === 0 ? 14 : 13}px;${row === 0 ? 'font-weight:600;' : ''}font-variant-numeric:tabular-nums`,
      }, group);
      text.textContent = line;
    });
    for (const badge of badges) {
      svg('rect', { x: r1(badge.x), y: r1(badge.y), width: r1(badge.width), height: BADGE_HEIGHT, rx: 10, style: `fill:${BG};stroke:${MUTED};stroke-width:1` }, group);
      const text = svg('text', { x: r1(badge.x + badge.width / 2), y: r1(badge.y + 14.5), 'text-anchor': 'middle', style: `fill:${FG};font-size:12px` }, group);
      text.textContent = badge.text;
    }
    group.dataset.index = String(index);
  }

  function drawCursor(): void {
    const entry = placed[cursor];
    if (!entry) {
      setAttrs(cursorBox, { visibility: 'hidden' });
      return;
    }
    setAttrs(cursorBox, { visibility: null, x: SIDE - 4, y: r1(entry.y - 4), width: BOX_WIDTH + 8, height: r1(entry.height + 8) });
    figure.readout([entry.box.name, entry.box.shape, paramLine(entry.box)].filter((part) => part !== null).join(' · '));
  }

  function table(): TableModel {
    const rows = data.layers.map((box) => [box.name, box.shape, box.parameters, box.badges.join(' · ')]);
    const trainable = data.trainable !== undefined && data.trainable !== data.total ? `${labels.trainable}: ${count(data.trainable)}` : '';
    rows.push([labels.total, '', data.total, trainable]);
    return { columns: [labels.layer, labels.shape, labels.parameters, labels.notes], rows, integers: true };
  }

  render();
  return plotHandle<LayerStackData>(figure, 'csv', (next) => {
    data = next;
    if (cursor >= data.layers.length) cursor = data.layers.length - 1;
    layout();
    render();
  });
}
