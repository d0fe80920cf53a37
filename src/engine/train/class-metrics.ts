/**
 * Per-class metrics from predicted and true class ids: the confusion matrix and each class's recall and
 * precision. Accuracy hides a rare class; recall shows it (chapter 4's class-imbalance experiment, error
 * analysis in the debugging lesson). Pure: works on `predict()` output after an argmax.
 */

/** `matrix[true][predicted]` counts. */
export function confusionMatrix(predicted: ArrayLike<number>, targets: ArrayLike<number>, classes: number): number[][] {
  if (predicted.length !== targets.length) throw new RangeError('predicted and targets differ in length');
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes must be an integer >= 2, got ${classes}`);
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i] as number;
    const p = predicted[i] as number;
    if (!(Number.isInteger(t) && t >= 0 && t < classes && Number.isInteger(p) && p >= 0 && p < classes)) throw new RangeError(`class ids must be integers in [0, ${classes}), got true ${t}, predicted ${p} at ${i}`);
    (matrix[t] as number[])[p] = ((matrix[t] as number[])[p] as number) + 1;
  }
  return matrix;
}

/** Recall of each class: right / examples of that class; null for a class with no examples. */
export function perClassRecall(matrix: number[][]): (number | null)[] {
  return matrix.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? null : (row[c] as number) / total;
  });
}

/** Precision of each class: right / predictions of that class; null for a class never predicted. */
export function perClassPrecision(matrix: number[][]): (number | null)[] {
  return matrix.map((_, c) => {
    const total = matrix.reduce((sum, row) => sum + (row[c] as number), 0);
    return total === 0 ? null : ((matrix[c] as number[])[c] as number) / total;
  });
}
