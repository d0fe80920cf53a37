/**
 * First-layer weights as images: for each arm, the incoming weights of the first hidden units, one 28×28 tile
 * per unit, before and after training. Each arm's pair shares one colour scale (blue positive, orange negative,
 * light grey zero, symmetric around 0), so a tile that did not change looks the same on both sides. Images are
 * palette PNGs (plots/png.ts): identical in the pre-render and on the page, in both themes.
 */
import { createFigure, plotHandle, type Size } from './figure';
import { setAttrs, svg } from './dom';
import { formatValue } from './format';
import { palettePng } from './png';
import type { PlotHandle, PlotLabels } from './types';

export interface TileArm {
  id: string;
  name: string;
  /** `[in, out]` kernels (row-major); `in` must be `side²`. */
  before?: { shape: [number, number]; values: ArrayLike<number> };
  after?: { shape: [number, number]; values: ArrayLike<number> };
}

export interface WeightTilesData {
  arms: TileArm[];
}

export interface WeightTilesLabels extends PlotLabels {
  before: string;
  after: string;
  largest: string;
}

const SIDE = 28;
const COLUMNS = 8;
/** Rows of tiles by default (16 units); `rows` in the options shows more (4 rows: the digits MLP's 32 units). */
const ROWS = 2;
const LEVELS = 33;
/** Diverging palette: orange (−) → light grey (0) → blue (+). */
const PALETTE: [number, number, number][] = Array.from({ length: LEVELS }, (_, i) => {
  const t = (i - (LEVELS - 1) / 2) / ((LEVELS - 1) / 2);
  const far: [number, number, number] = t < 0 ? [213, 94, 0] : [0, 114, 178];
  const mid: [number, number, number] = [236, 236, 236];
  const a = Math.abs(t);
  return [0, 1, 2].map((c) => Math.round(mid[c]! + (far[c]! - mid[c]!) * a)) as [number, number, number];
});

/** The largest |weight| among the units shown. */
function largest(kernel: TileArm['before'], rows = ROWS): number {
  if (!kernel) return 0;
  const [inputs, units] = kernel.shape;
  const shown = Math.min(units, COLUMNS * rows);
  let max = 0;
  for (let i = 0; i < inputs; i++) for (let j = 0; j < shown; j++) max = Math.max(max, Math.abs(kernel.values[i * units + j] as number));
  return max;
}

/** One image of the first COLUMNS × ROWS units, scaled to ±`scale`. */
export function tileImage(kernel: NonNullable<TileArm['before']>, scale: number, rows = ROWS): string {
  const [inputs, units] = kernel.shape;
  if (inputs !== SIDE * SIDE) throw new Error(`weight tiles need ${SIDE * SIDE} inputs, got ${inputs}`);
  const width = COLUMNS * SIDE;
  const height = rows * SIDE;
  const pixels = new Uint8Array(width * height).fill((LEVELS - 1) / 2);
  for (let unit = 0; unit < Math.min(units, COLUMNS * rows); unit++) {
    const ox = (unit % COLUMNS) * SIDE;
    const oy = Math.floor(unit / COLUMNS) * SIDE;
    for (let p = 0; p < inputs; p++) {
      const v = (kernel.values[p * units + unit] as number) / (scale || 1);
      const level = Math.round(((Math.max(-1, Math.min(1, v)) + 1) / 2) * (LEVELS - 1));
      pixels[(oy + Math.floor(p / SIDE)) * width + ox + (p % SIDE)] = level;
    }
  }
  return palettePng(width, height, pixels, PALETTE);
}

export function weightTiles(container: HTMLElement, options: { locale: string; labels: WeightTilesLabels; data: WeightTilesData; width?: number; rows?: number }): PlotHandle<WeightTilesData> {
  const { labels, locale } = options;
  const rows = options.rows ?? ROWS;
  let data = options.data;
  // Before and after side by side; stacked on a narrow screen, so a tile keeps a readable size.
  const stacked = (width: number) => width < 560;
  const imageWidth = (width: number) => (stacked(width) ? width : (width - 12) / 2);
  const block = (width: number) => imageWidth(width) * (rows / COLUMNS) + 14;
  const rowHeight = (width: number) => 22 + block(width) * (stacked(width) ? 2 : 1);
  const figure = createFigure(
    container,
    'weight-tiles',
    { ...options, height: (width) => Math.max(1, data.arms.length) * rowHeight(width) + 6 },
    'csv',
    {
      table: () => ({
        columns: [labels.title, labels.before, labels.after],
        rows: data.arms.map((arm) => [arm.name, largest(arm.before, rows), largest(arm.after, rows)]),
      }),
      layout: (size) => draw(size),
    },
  );
  const group = svg('g', {}, figure.svg);

  function draw(size: Size): void {
    group.replaceChildren();
    const width = imageWidth(size.width);
    const imageHeight = width * (rows / COLUMNS);
    data.arms.forEach((arm, index) => {
      const top = index * rowHeight(size.width);
      svg('text', { x: 0, y: top + 15, class: 'dp-plot__label', fill: 'var(--plot-fg, #1b1b1f)', 'font-weight': 600 }, group).textContent = arm.name;
      const scale = Math.max(largest(arm.before, rows), largest(arm.after, rows));
      (['before', 'after'] as const).forEach((phase, column) => {
        const kernel = arm[phase];
        const x = stacked(size.width) ? 0 : column * (width + 12);
        const y = top + 22 + (stacked(size.width) ? column * block(size.width) : 0);
        if (kernel) {
          const image = svg('image', { x, y, width, height: imageHeight, preserveAspectRatio: 'none', 'image-rendering': 'pixelated' }, group);
          setAttrs(image, { href: tileImage(kernel, scale, rows) });
        } else {
          svg('rect', { x, y, width, height: imageHeight, fill: 'none', stroke: 'var(--plot-border, #d0d0d7)', 'stroke-dasharray': '4 3' }, group);
        }
        svg('text', { x, y: y + imageHeight + 12, class: 'dp-plot__tick', fill: 'var(--plot-muted, #5c5c66)', 'font-size': 11 }, group).textContent =
          `${labels[phase]} · ${labels.largest} ${formatValue(locale, scale)}`;
      });
    });
  }

  draw(figure.size);
  return plotHandle(figure, 'csv', (next: WeightTilesData) => {
    data = next;
    figure.remeasure();
    draw(figure.size);
    figure.tableChanged();
  });
}
