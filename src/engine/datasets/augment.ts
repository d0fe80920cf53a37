/**
 * Seeded data augmentation for square grey-scale images (the shipped 28×28 digits): each transform makes a
 * plausible variant of a training image at no labelling cost. The registry is keyed by stable strings so a
 * widget's option list, URL value and translation key all derive from it.
 *
 * - `shift`: translate by whole pixels, dx and dy uniform in [-amount, amount], zero fill.
 * - `rotate`: rotate about the centre by an angle uniform in [-amount, amount] degrees (bilinear sampling).
 * - `noise`: add Gaussian noise of standard deviation `amount`, clipped to [0, 1].
 * - `hflip`: mirror left–right with probability 1/2 (`amount` unused). Right for photos of cats; wrong for
 *   digits, whose mirror image is often no digit at all or another one.
 *
 * Augmentation here is "offline": `augmentRows` returns the originals followed by `copies` transformed copies
 * of each, so every variant of an experiment can train on the same number of rows and steps.
 */
import { Random } from '../random';

export type AugmentationName = 'shift' | 'rotate' | 'noise' | 'hflip';

export interface AugmentationSpec {
  name: AugmentationName;
  /** shift: pixels; rotate: degrees; noise: standard deviation; hflip: unused. */
  amount?: number;
}

interface Augmentation {
  defaultAmount: number;
  max: number;
  apply(image: Float32Array, side: number, amount: number, random: Random): Float32Array;
}

function sample(image: Float32Array, side: number, x: number, y: number): number {
  if (x < 0 || y < 0 || x > side - 1 || y > side - 1) return 0;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, side - 1);
  const y1 = Math.min(y0 + 1, side - 1);
  const fx = x - x0;
  const fy = y - y0;
  const at = (cx: number, cy: number) => image[cy * side + cx] as number;
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x1, y0)) + fy * ((1 - fx) * at(x0, y1) + fx * at(x1, y1));
}

export const AUGMENTATIONS: Record<AugmentationName, Augmentation> = {
  shift: {
    defaultAmount: 2,
    max: 6,
    apply(image, side, amount, random) {
      const dx = random.int(2 * amount + 1) - amount;
      const dy = random.int(2 * amount + 1) - amount;
      const out = new Float32Array(image.length);
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++) {
          const sx = x - dx;
          const sy = y - dy;
          if (sx >= 0 && sy >= 0 && sx < side && sy < side) out[y * side + x] = image[sy * side + sx] as number;
        }
      return out;
    },
  },
  rotate: {
    defaultAmount: 12,
    max: 45,
    apply(image, side, amount, random) {
      const angle = (random.range(-amount, amount) * Math.PI) / 180;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const c = (side - 1) / 2;
      const out = new Float32Array(image.length);
      // Inverse mapping: each output pixel reads the source pixel that the rotation carries onto it.
      for (let y = 0; y < side; y++)
        for (let x = 0; x < side; x++) {
          const u = x - c;
          const v = y - c;
          out[y * side + x] = sample(image, side, cos * u + sin * v + c, -sin * u + cos * v + c);
        }
      return out;
    },
  },
  noise: {
    defaultAmount: 0.15,
    max: 1,
    apply(image, _side, amount, random) {
      return image.map((v) => Math.min(1, Math.max(0, v + amount * random.normal())));
    },
  },
  hflip: {
    defaultAmount: 0,
    max: 0,
    apply(image, side, _amount, random) {
      if (random.uniform() < 0.5) return image.slice();
      const out = new Float32Array(image.length);
      for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) out[y * side + x] = image[y * side + (side - 1 - x)] as number;
      return out;
    },
  },
};

export const AUGMENTATION_NAMES = Object.keys(AUGMENTATIONS) as AugmentationName[];

/** Applies the transforms in order to one flat square image. */
export function augmentImage(image: ArrayLike<number>, transforms: AugmentationSpec[], random: Random): Float32Array {
  const side = Math.round(Math.sqrt(image.length));
  if (side * side !== image.length) throw new RangeError(`augmentImage needs a square image, got ${image.length} pixels`);
  let out: Float32Array = Float32Array.from(image);
  for (const t of transforms) {
    const a = AUGMENTATIONS[t.name];
    if (!a) throw new RangeError(`unknown augmentation ${String(t.name)}; allowed: ${AUGMENTATION_NAMES.join(', ')}`);
    const amount = t.amount ?? a.defaultAmount;
    if (!(amount >= 0 && amount <= a.max)) throw new RangeError(`${t.name} amount must lie in [0, ${a.max}], got ${amount}`);
    out = a.apply(out, side, amount, random);
  }
  return out;
}

/** The originals followed by `copies` augmented copies of each (copy k of row i is row (k+1)·N + i). */
export function augmentRows(inputs: number[][], labels: number[], transforms: AugmentationSpec[], copies: number, seed: number): { inputs: number[][]; labels: number[] } {
  const random = new Random(seed);
  const outInputs = inputs.slice();
  const outLabels = labels.slice();
  for (let k = 0; k < copies; k++)
    inputs.forEach((row, i) => {
      outInputs.push(transforms.length ? Array.from(augmentImage(row, transforms, random)) : row.slice());
      outLabels.push(labels[i] as number);
    });
  return { inputs: outInputs, labels: outLabels };
}
