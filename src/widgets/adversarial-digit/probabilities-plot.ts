/**
 * The 10 class probabilities of one digit before and after the attack, as pairs of bars: before filled (palette
 * slot 0), after outlined (slot 3), so the pair reads without colour too.
 */
import { createFigure, plotHandle, type Size } from '../plots/figure';
import { svg } from '../plots/dom';
import { formatValue } from '../plots/format';
import { colorVar, FG, GRID, MUTED } from '../plots/theme';
import type { PlotHandle, PlotLabels } from '../plots/types';

export interface ProbabilityBars {
  before: number[] | null;
  after: number[] | null;
  /** The true class (its tick is bold). */
  label: number;
}

export interface ProbabilityLabels extends PlotLabels {
  x: string;
  y: string;
  before: string;
  after: string;
}

const CLASSES = 10;

/** About how wide a 12 px label draws (no layout in the pre-render): CJK characters are full-width. */
const textWidth = (text: string) => [...text].reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 7), 0);

export function probabilityBars(container: HTMLElement, options: { locale: string; labels: ProbabilityLabels; data: ProbabilityBars; width?: number }): PlotHandle<ProbabilityBars> {
  const { labels, locale } = options;
  let data = options.data;
  const margin = { top: 28, right: 8, bottom: 40, left: 56 };
  const figure = createFigure(
    container,
    'probability-bars',
    { ...options, height: (width) => Math.max(200, Math.min(280, width * 0.5)) },
    'csv',
    {
      table: () => ({
        columns: [labels.x, labels.before, labels.after],
        rows: Array.from({ length: CLASSES }, (_, c) => [String(c), data.before?.[c] ?? null, data.after?.[c] ?? null]),
      }),
      layout: (size) => draw(size),
    },
  );
  const group = svg('g', {}, figure.svg);

  function draw(size: Size): void {
    group.replaceChildren();
    const width = size.width - margin.left - margin.right;
    const height = size.height - margin.top - margin.bottom;
    const y = (p: number) => margin.top + height * (1 - p);
    [0, 0.25, 0.5, 0.75, 1].forEach((p) => {
      svg('line', { x1: margin.left, x2: margin.left + width, y1: y(p), y2: y(p), stroke: GRID }, group);
      svg('text', { x: margin.left - 6, y: y(p) + 4, 'text-anchor': 'end', class: 'dp-plot__tick', fill: MUTED, 'font-size': 11 }, group).textContent = formatValue(locale, p);
    });
    const slot = width / CLASSES;
    const bar = Math.min(16, slot * 0.36);
    for (let c = 0; c < CLASSES; c++) {
      const center = margin.left + slot * (c + 0.5);
      const pairs: [number | undefined, string, string, number][] = [
        [data.before?.[c], colorVar(0), colorVar(0), -bar - 1],
        [data.after?.[c], colorVar(3), 'none', 1],
      ];
      for (const [value, stroke, fill, offset] of pairs) {
        if (value === undefined || !Number.isFinite(value)) continue;
        svg('rect', { x: center + offset, y: y(value), width: bar, height: Math.max(0.5, y(0) - y(value)), fill: fill === 'none' ? 'var(--plot-bg, #ffffff)' : fill, stroke, 'stroke-width': 1.5 }, group);
      }
      svg('text', { x: center, y: y(0) + 16, 'text-anchor': 'middle', class: 'dp-plot__tick', fill: c === data.label ? FG : MUTED, 'font-size': 12, 'font-weight': c === data.label ? 700 : 400 }, group).textContent = String(c);
    }
    svg('text', { x: margin.left + width / 2, y: size.height - 6, 'text-anchor': 'middle', class: 'dp-plot__label', fill: MUTED, 'font-size': 11 }, group).textContent = labels.x;
    svg('text', { transform: `translate(12 ${margin.top + height / 2}) rotate(-90)`, 'text-anchor': 'middle', class: 'dp-plot__label', fill: MUTED, 'font-size': 11 }, group).textContent = labels.y;
    // Legend: a filled swatch (before) and an outlined one (after).
    const legend: [string, string, string][] = [[labels.before, colorVar(0), colorVar(0)], [labels.after, colorVar(3), 'var(--plot-bg, #ffffff)']];
    let x = margin.left;
    for (const [name, stroke, fill] of legend) {
      svg('rect', { x, y: 8, width: 12, height: 12, fill, stroke, 'stroke-width': 1.5 }, group);
      const text = svg('text', { x: x + 17, y: 18, class: 'dp-plot__tick', fill: FG, 'font-size': 12 }, group);
      text.textContent = name;
      x += 17 + textWidth(name) + 18;
    }
  }

  draw(figure.size);
  return plotHandle(figure, 'csv', (next: ProbabilityBars) => {
    data = next;
    draw(figure.size);
    figure.tableChanged();
  });
}
