/**
 * «Predict again»: the prediction run asks the case's final network twice for the 200 validation digits' class
 * probabilities, at the same weights. Without a bug in the evaluation forward the two answers are identical; with
 * dropout left on at inference each pass draws new masks, so answers change (lab-signatures.md: a probability
 * moved by 0.83–0.95 at most, over seeds 1–5).
 */

export interface PredictionComparison {
  /** Digits whose predicted class differs between the two passes. */
  changed: number;
  digits: number;
  /** The largest |p₁ − p₂| over every digit and class (NaN when a pass is not finite: a network lost to NaN). */
  largestChange: number;
}

const argmax = (row: number[]): number => row.reduce((best, value, k) => (value > (row[best] ?? -Infinity) ? k : best), 0);

/** Compares member 0's two passes (`[example][class]` each). */
export function comparePredictions(first: number[][], second: number[][]): PredictionComparison {
  let changed = 0;
  let largestChange = 0;
  for (let i = 0; i < first.length; i++) {
    const a = first[i] ?? [];
    const b = second[i] ?? [];
    if (argmax(a) !== argmax(b)) changed++;
    for (let k = 0; k < a.length; k++) largestChange = Math.max(largestChange, Math.abs((a[k] ?? NaN) - (b[k] ?? NaN)));
  }
  const finite = first.every((row) => row.every(Number.isFinite)) && second.every((row) => row.every(Number.isFinite));
  return { changed, digits: first.length, largestChange: finite ? largestChange : Number.NaN };
}
