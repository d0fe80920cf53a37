/** What a dataset feeds the network, known before any data is generated (validation needs it). */
import type { DatasetConfig } from '../config';
import { PROGRAMS } from './programs';
import { classesAfterTransforms } from './split-transforms';

export interface DatasetShape {
  /** Values per example (flattened). */
  inputSize: number;
  /** Regression target width; for classification, 1 (the class id). */
  targetSize: number;
  /** Number of classes, or null for regression. */
  classes: number | null;
}

export const DIGIT_SIDE = 28;
export const DIGIT_CLASSES = 10;

export function datasetShape(d: DatasetConfig): DatasetShape {
  switch (d.kind) {
    case 'function1d':
      return { inputSize: 1, targetSize: 1, classes: null };
    case 'surface':
      return { inputSize: 2, targetSize: 1, classes: null };
    case 'classification2d':
      return { inputSize: 2, targetSize: 1, classes: d.shape === 'xor' || d.shape === 'moons' ? 2 : (d.classes ?? 2) };
    case 'digits':
      return { inputSize: DIGIT_SIDE * DIGIT_SIDE, targetSize: 1, classes: d.classes ?? classesAfterTransforms(d.labels === 'parity' ? 2 : DIGIT_CLASSES, d.transforms) };
    case 'program':
      return { inputSize: PROGRAMS[d.program].arguments, targetSize: 1, classes: null };
    case 'inline': {
      const inputSize = d.inputs[0]?.length ?? 0;
      const first = d.targets[0];
      if (d.classes !== undefined) return { inputSize, targetSize: 1, classes: d.classes };
      return { inputSize, targetSize: Array.isArray(first) ? first.length : 1, classes: null };
    }
  }
}
