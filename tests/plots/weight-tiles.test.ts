/** First-layer weight tiles: the palette PNG decodes to the weights' levels, and the figure shows each arm's pair. */
import { afterEach, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { palettePng } from '@widgets/plots/png';
import { tileImage, weightTiles } from '@widgets/plots/weight-tiles';
import { tokenLabels } from './all-plots';
import { host } from './helpers';

afterEach(() => document.body.replaceChildren());

/** Chunks of a PNG data URL: type → data (CRC-checked). */
function chunks(url: string): Map<string, Buffer> {
  const bytes = Buffer.from(url.replace('data:image/png;base64,', ''), 'base64');
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const out = new Map<string, Buffer>();
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('ascii');
    out.set(type, bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return out;
}

describe('palette PNG', () => {
  it('stores the pixels as palette indices that zlib inflates back', () => {
    const pixels = Array.from({ length: 5 * 3 }, (_, i) => i % 4);
    const png = chunks(palettePng(5, 3, pixels, [[0, 0, 0], [255, 0, 0], [0, 255, 0], [0, 0, 255]]));
    expect(png.get('IHDR')!.readUInt32BE(0)).toBe(5);
    expect(png.get('IHDR')!.readUInt32BE(4)).toBe(3);
    expect([...png.get('PLTE')!]).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const raw = inflateSync(png.get('IDAT')!);
    const rows = [0, 1, 2].map((y) => [...raw.subarray(y * 6 + 1, y * 6 + 6)]);
    expect(rows.flat()).toEqual(pixels);
  });

  it('draws a unit\'s 784 weights as its 28×28 tile, zero as the middle level', () => {
    const values = new Float32Array(784 * 2);
    values[0] = 1; // unit 0, pixel (0, 0): the top of the scale
    values[2 * 29 + 1] = -1; // unit 1, pixel 29 = (row 1, column 1): the bottom
    const raw = inflateSync(chunks(tileImage({ shape: [784, 2], values }, 1)).get('IDAT')!);
    const at = (x: number, y: number) => raw[y * (8 * 28 + 1) + 1 + x];
    expect(at(0, 0)).toBe(32);
    expect(at(28 + 1, 1)).toBe(0);
    expect(at(5, 5)).toBe(16);
  });
});

describe('weightTiles', () => {
  it('shows before and after for each arm, and a dashed frame where a side is not known yet', () => {
    const kernel = { shape: [784, 32] as [number, number], values: new Float32Array(784 * 32).map((_, i) => Math.sin(i)) };
    const labels = tokenLabels({ before: 'L:before', after: 'L:after', largest: 'L:largest' });
    const plot = weightTiles(host(), { locale: 'pt-BR', labels, data: { arms: [{ id: 'a', name: 'S:a', before: kernel, after: kernel }, { id: 'b', name: 'S:b', before: kernel }] } });
    expect(plot.element.querySelectorAll('image')).toHaveLength(3);
    expect(plot.element.querySelectorAll('rect[stroke-dasharray]')).toHaveLength(1);
    expect(plot.element.textContent).toContain('S:b');
    expect(plot.exportData()).toContain('S:a');
    plot.update({ arms: [] });
    expect(plot.element.querySelectorAll('image')).toHaveLength(0);
    plot.destroy();
  });
});
