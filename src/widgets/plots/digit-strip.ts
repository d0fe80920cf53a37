/**
 * A strip of small grey-scale images per row (e.g. the training digits as each augmentation variant transforms
 * them): a row label above, the images side by side, ink dark on a light ground in both themes. Images are
 * palette PNGs (plots/png.ts): identical in the pre-render and on the page.
 */
import { createFigure, plotHandle, type Size } from './figure';
import { setAttrs, svg } from './dom';
import { palettePng } from './png';
import type { PlotHandle, PlotLabels } from './types';

export interface DigitStripRow {
  id: string;
  name: string;
  /** Square images, values in [0, 1] (1 = ink). */
  images: ArrayLike<number>[];
}

export interface DigitStripData {
  rows: DigitStripRow[];
}

const LEVELS = 32;
/** Paper (light) → ink (dark). */
const PALETTE: [number, number, number][] = Array.from({ length: LEVELS }, (_, i) => {
  const v = Math.round(250 - (i / (LEVELS - 1)) * 222);
  return [v, v, v + 4 > 255 ? 255 : v + 4];
});

/** The images of a row side by side in one PNG (one pixel of gap, paper-coloured). */
export function stripImage(images: ArrayLike<number>[]): string {
  const side = Math.round(Math.sqrt(images[0]?.length ?? 0));
  const width = Math.max(1, images.length * (side + 1) - 1);
  const pixels = new Uint8Array(width * side);
  images.forEach((image, k) => {
    for (let p = 0; p < side * side; p++) {
      const v = Math.max(0, Math.min(1, image[p] as number));
      pixels[Math.floor(p / side) * width + k * (side + 1) + (p % side)] = Math.round(v * (LEVELS - 1));
    }
  });
  return palettePng(width, side, pixels, PALETTE);
}

export function digitStrip(container: HTMLElement, options: { locale: string; labels: PlotLabels; data: DigitStripData; width?: number }): PlotHandle<DigitStripData> {
  const { labels } = options;
  let data = options.data;
  const count = () => Math.max(1, ...data.rows.map((row) => row.images.length));
  /** Drawn height of one image: the row (n images, one-pixel gaps) fits the width, at most 64 px. */
  const imageHeight = (width: number) => Math.min(64, (width * 28) / (count() * 29 - 1));
  const rowHeight = (width: number) => 22 + imageHeight(width) + 10;
  const figure = createFigure(
    container,
    'digit-strip',
    { ...options, height: (width) => Math.max(1, data.rows.length) * rowHeight(width) },
    'csv',
    {
      table: () => ({ columns: [labels.title], rows: data.rows.map((row) => [row.name]) }),
      layout: (size) => draw(size),
    },
  );
  const group = svg('g', {}, figure.svg);

  function draw(size: Size): void {
    group.replaceChildren();
    const side = imageHeight(size.width);
    data.rows.forEach((row, index) => {
      const top = index * rowHeight(size.width);
      svg('text', { x: 0, y: top + 15, class: 'dp-plot__label', fill: 'var(--plot-fg, #1b1b1f)', 'font-weight': 600 }, group).textContent = row.name;
      if (!row.images.length) return;
      const n = row.images.length;
      // One PNG per row (28-pixel images, one-pixel gaps), scaled evenly to `side` per image.
      const image = svg('image', { x: 0, y: top + 22, width: ((n * 29 - 1) * side) / 28, height: side, preserveAspectRatio: 'none', 'image-rendering': 'pixelated' }, group);
      setAttrs(image, { href: stripImage(row.images) });
    });
  }

  draw(figure.size);
  return plotHandle(figure, 'csv', (next: DigitStripData) => {
    data = next;
    figure.remeasure();
    draw(figure.size);
    figure.tableChanged();
  });
}
