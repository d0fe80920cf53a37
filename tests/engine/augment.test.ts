/** Seeded augmentation of square images: each transform does what it says, deterministically. */
import { describe, expect, it } from 'vitest';
import { AUGMENTATION_NAMES, augmentImage, augmentRows } from '@engine/datasets/augment';
import { Random } from '@engine/random';

const side = 8;
/** A single bright pixel at (x, y). */
function dot(x: number, y: number): Float32Array {
  const image = new Float32Array(side * side);
  image[y * side + x] = 1;
  return image;
}
const where = (image: Float32Array) => {
  const i = image.indexOf(Math.max(...image));
  return [i % side, Math.floor(i / side)];
};

describe('augmentation', () => {
  it('shift moves a pixel by at most `amount` in each direction and keeps its value', () => {
    for (let s = 1; s <= 20; s++) {
      const out = augmentImage(dot(4, 4), [{ name: 'shift', amount: 2 }], new Random(s));
      const [x, y] = where(out);
      expect(Math.abs(x! - 4)).toBeLessThanOrEqual(2);
      expect(Math.abs(y! - 4)).toBeLessThanOrEqual(2);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1);
    }
  });

  it('rotate keeps the centre fixed and turns an off-centre pixel by about the drawn angle', () => {
    const image = new Float32Array(9 * 9);
    image[4 * 9 + 4] = 1;
    const centred = augmentImage(image, [{ name: 'rotate', amount: 30 }], new Random(3));
    expect(centred[4 * 9 + 4]).toBeGreaterThan(0.5);
    const zero = augmentImage(dot(6, 3), [{ name: 'rotate', amount: 0 }], new Random(3));
    expect(Array.from(zero)).toEqual(Array.from(dot(6, 3)));
  });

  it('noise stays in [0, 1] and has roughly the asked spread', () => {
    const grey = new Float32Array(28 * 28).fill(0.5);
    const out = augmentImage(grey, [{ name: 'noise', amount: 0.1 }], new Random(7));
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    const sd = Math.sqrt(out.reduce((a, v) => a + (v - 0.5) ** 2, 0) / out.length);
    expect(sd).toBeGreaterThan(0.08);
    expect(sd).toBeLessThan(0.12);
  });

  it('hflip mirrors columns about half the time and never moves rows', () => {
    let flipped = 0;
    const random = new Random(11);
    for (let k = 0; k < 200; k++) {
      const [x, y] = where(augmentImage(dot(1, 5), [{ name: 'hflip' }], random));
      expect(y).toBe(5);
      expect([1, side - 2]).toContain(x);
      if (x === side - 2) flipped++;
    }
    expect(flipped).toBeGreaterThan(70);
    expect(flipped).toBeLessThan(130);
  });

  it('the same seed gives the same rows; originals come first, labels follow their rows', () => {
    const inputs = [Array.from(dot(2, 2)), Array.from(dot(5, 6))];
    const a = augmentRows(inputs, [3, 7], [{ name: 'shift' }, { name: 'rotate' }, { name: 'noise' }], 2, 5);
    const b = augmentRows(inputs, [3, 7], [{ name: 'shift' }, { name: 'rotate' }, { name: 'noise' }], 2, 5);
    const c = augmentRows(inputs, [3, 7], [{ name: 'shift' }, { name: 'rotate' }, { name: 'noise' }], 2, 6);
    expect(a).toEqual(b);
    expect(a.inputs).not.toEqual(c.inputs);
    expect(a.labels).toEqual([3, 7, 3, 7, 3, 7]);
    expect(a.inputs.slice(0, 2)).toEqual(inputs);
  });

  it('rejects unknown transforms, out-of-range amounts and non-square images with the allowed values', () => {
    expect(() => augmentImage(dot(1, 1), [{ name: 'shear' as never }], new Random(1))).toThrow(AUGMENTATION_NAMES.join(', '));
    expect(() => augmentImage(dot(1, 1), [{ name: 'shift', amount: 9 }], new Random(1))).toThrow('[0, 6]');
    expect(() => augmentImage(new Float32Array(10), [], new Random(1))).toThrow('square');
  });
});
