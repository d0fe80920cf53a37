/**
 * The `augmentation` preset's strip: a few training digits as each arm transforms them, so the reader sees what
 * the network trains on (a shifted, tilted, noisy 2; a mirrored 2 that is no 2). Drawn with the engine's own
 * transforms (datasets/augment.ts) and the arm's settings; each sample draws its own random transform.
 */
import { augmentImage } from '@engine/datasets/augment';
import { Random } from '@engine/random';
import { AUGMENT_ARMS, augmentationOf } from './plans-practical-tricks';
import { STRIP_BASE64 } from './strip-digits';
import type { DigitsExperimentState } from './definition';

const SIZE = 28 * 28;
let decoded: Float32Array[] | null = null;

/** The embedded digits as images with values in [0, 1]. */
export function stripDigits(): Float32Array[] {
  if (decoded) return decoded;
  const binary = atob(STRIP_BASE64);
  const images: Float32Array[] = [];
  for (let k = 0; k < binary.length / SIZE; k++) images.push(Float32Array.from({ length: SIZE }, (_, p) => binary.charCodeAt(k * SIZE + p) / 255));
  decoded = images;
  return images;
}

export interface SampleRow {
  arm: (typeof AUGMENT_ARMS)[number];
  images: Float32Array[];
}

/** Seed of the strip's draws, the same for every row: with it the flip row mirrors the 2, 3, 5, 9 and 6 and
 * leaves the 4, 7 and 0 as they are (each image is mirrored with probability ½, as in training). */
export const STRIP_SEED = 5;

/** One row per arm: each embedded digit through the arm's transforms (the `none` arm shows the originals). */
export function augmentedSamples(state: DigitsExperimentState): SampleRow[] {
  return AUGMENT_ARMS.map((arm) => {
    const random = new Random(STRIP_SEED);
    return { arm, images: stripDigits().map((image) => augmentImage(image, augmentationOf(arm, state).transforms, random)) };
  });
}
