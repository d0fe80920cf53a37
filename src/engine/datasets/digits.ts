/** The shipped digits subset (see README.md), decoded lazily to inputs in [0, 1] and class ids. */
import type { RawData } from './types';

let cache: Promise<RawData> | null = null;

export function loadDigits(): Promise<RawData> {
  cache ??= import('./digits/digits-subset').then(({ DIGIT_COUNT, DIGITS_BASE64 }) => {
    const bytes = decodeBase64(DIGITS_BASE64);
    const size = 28 * 28;
    const inputs: number[][] = [];
    const targets: number[] = [];
    for (let i = 0; i < DIGIT_COUNT; i++) {
      const row = new Array<number>(size);
      for (let p = 0; p < size; p++) row[p] = (bytes[i * size + p] as number) / 255;
      inputs.push(row);
      targets.push(bytes[DIGIT_COUNT * size + i] as number);
    }
    return { inputs, targets };
  });
  return cache;
}

/** atob exists in browsers, workers and Node >= 16. */
function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
