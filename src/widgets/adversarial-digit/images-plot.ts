/**
 * AdversarialDigit's pictures: the 12 digits the reader can pick (the chosen one framed), then the chosen digit x,
 * the sign of the loss gradient (red: the pixel gains ε, more ink on digits drawn dark on light; blue: it loses ε; grey: unchanged) and the
 * adversarial digit x′, side by side. Images are palette PNGs (plots/png.ts): identical in the pre-render and on
 * the page, in both themes.
 */
import { createFigure, plotHandle, type Size } from '../plots/figure';
import { setAttrs, svg } from '../plots/dom';
import { stripImage } from '../plots/digit-strip';
import { palettePng } from '../plots/png';
import { FG, MUTED } from '../plots/theme';
import type { PlotHandle, PlotLabels } from '../plots/types';

export interface AdversarialImages {
  /** The digits to pick from, values in [0, 1]. */
  choices: number[][];
  chosen: number;
  /** The three images (sign: −1, 0, +1 per pixel), absent until the engine answered. */
  x?: number[];
  sign?: number[];
  adversarial?: number[];
  captions: [string, string, string];
  /** Alt texts of the three images (the figure's table lists them). */
  descriptions: [string, string, string];
}

export interface AdversarialImagesLabels extends PlotLabels {
  legendUp: string;
  legendDown: string;
}

const SIDE = 28;
/** Paper grey, red (+ε) and blue (−ε). */
const SIGN_PALETTE: [number, number, number][] = [[0, 114, 178], [236, 236, 236], [200, 45, 35]];

export function signImage(sign: ArrayLike<number>): string {
  return palettePng(SIDE, SIDE, Array.from(sign, (v) => (v > 0 ? 2 : v < 0 ? 0 : 1)), SIGN_PALETTE);
}

export function adversarialImages(container: HTMLElement, options: { locale: string; labels: AdversarialImagesLabels; data: AdversarialImages; width?: number }): PlotHandle<AdversarialImages> {
  const { labels } = options;
  let data = options.data;
  const thumb = (width: number) => Math.min(40, (width - 11 * 4) / 12);
  const big = (width: number) => Math.min(220, (width - 2 * 14) / 3);
  const top = (width: number) => thumb(width) + 24;
  const figure = createFigure(
    container,
    'adversarial-images',
    { ...options, height: (width) => top(width) + big(width) + 52 },
    'csv',
    {
      table: () => ({ columns: [labels.title], rows: data.captions.map((caption, i) => [`${caption}: ${data.descriptions[i]}`]) }),
      layout: (size) => draw(size),
    },
  );
  const group = svg('g', {}, figure.svg);

  function draw(size: Size): void {
    group.replaceChildren();
    const t = thumb(size.width);
    data.choices.forEach((choice, k) => {
      const x = k * (t + 4);
      setAttrs(svg('image', { x, y: 2, width: t, height: t, preserveAspectRatio: 'none', 'image-rendering': 'pixelated' }, group), { href: stripImage([choice]) });
      if (k === data.chosen) svg('rect', { x: x - 2, y: 0, width: t + 4, height: t + 4, fill: 'none', stroke: FG, 'stroke-width': 2 }, group);
      const label = svg('text', { x: x + t / 2, y: t + 18, 'text-anchor': 'middle', class: 'dp-plot__tick', fill: k === data.chosen ? FG : MUTED, 'font-size': 11, 'font-weight': k === data.chosen ? 700 : 400 }, group);
      label.textContent = String(k);
    });
    const b = big(size.width);
    const images = [data.x ? stripImage([data.x]) : null, data.sign ? signImage(data.sign) : null, data.adversarial ? stripImage([data.adversarial]) : null];
    images.forEach((href, i) => {
      const x = i * (b + 14);
      const y = top(size.width);
      if (href) setAttrs(svg('image', { x, y, width: b, height: b, preserveAspectRatio: 'none', 'image-rendering': 'pixelated' }, group), { href });
      else svg('rect', { x, y, width: b, height: b, fill: 'none', stroke: 'var(--plot-border, #d0d0d7)', 'stroke-dasharray': '4 3' }, group);
      svg('text', { x: x + b / 2, y: y + b + 16, 'text-anchor': 'middle', class: 'dp-plot__label', fill: FG, 'font-size': 12 }, group).textContent = data.captions[i] ?? '';
    });
    const legendY = top(size.width) + b + 34;
    const legendX = b + 14;
    svg('rect', { x: legendX, y: legendY - 9, width: 10, height: 10, fill: 'rgb(200, 45, 35)' }, group);
    svg('text', { x: legendX + 14, y: legendY, class: 'dp-plot__tick', fill: MUTED, 'font-size': 11 }, group).textContent = labels.legendUp;
    svg('rect', { x: legendX, y: legendY + 5, width: 10, height: 10, fill: 'rgb(0, 114, 178)' }, group);
    svg('text', { x: legendX + 14, y: legendY + 14, class: 'dp-plot__tick', fill: MUTED, 'font-size': 11 }, group).textContent = labels.legendDown;
  }

  draw(figure.size);
  return plotHandle(figure, 'csv', (next: AdversarialImages) => {
    data = next;
    figure.remeasure();
    draw(figure.size);
    figure.tableChanged();
  });
}
