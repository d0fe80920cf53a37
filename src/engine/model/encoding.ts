/** Target encodings for classification losses (no tfjs: the reference trainer shares them). */
import type { LossName } from '../config';

/** How class ids become target rows for a loss and output width. */
export interface TargetEncoding {
  width: number;
  encode(classId: number, out: Float32Array, offset: number): void;
  /** Threshold for one-output classifiers (class 1 when output > threshold); null means argmax. */
  threshold: number | null;
}

export function classEncoding(loss: LossName, outputs: number): TargetEncoding {
  if (outputs === 1) {
    // hinge: targets ±1, decision at ŷ = 0; binary CE and mse: targets 0/1, decision at ŷ = 0.5.
    const negative = loss === 'hinge' ? -1 : 0;
    const threshold = loss === 'hinge' ? 0 : 0.5;
    return { width: 1, threshold, encode: (c, out, o) => void (out[o] = c === 1 ? 1 : negative) };
  }
  const off = loss === 'hinge' ? -1 : 0;
  return {
    width: outputs,
    threshold: null,
    encode: (c, out, o) => {
      for (let k = 0; k < outputs; k++) out[o + k] = k === c ? 1 : off;
    },
  };
}
