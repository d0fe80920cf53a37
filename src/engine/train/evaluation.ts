/**
 * Evaluation without training (G3 of docs/deep-learning-myth/outline.md): loss and accuracy of every member on a
 * split or on given rows, from the kernel's own predictions (evaluation mode: no dropout, running statistics), so
 * every compute path answers alike. No step is counted, the optimizer state and the weights are untouched.
 *
 *   trainer.restore(pruned);              // e.g. a population of pruned copies of one network
 *   trainer.evaluate('validation');       // → { type: 'evaluation', members: [{ loss, accuracy }, …] }
 */
import type { EvaluationMetrics } from '../telemetry';
import type { LossName } from '../config';
import type { DataSplit } from '../datasets/types';
import { LOSSES } from '../registry/losses';
import type { TargetEncoding } from '../model/encoding';

/** Rows of a split as the reader gave them (inputs unscaled again: `predict` applies the scaler itself). */
export function splitRows(split: DataSplit, scaler: { mean: number[]; std: number[] }): { inputs: number[][]; targets: number[] | number[][] } {
  const size = scaler.mean.length;
  const inputs: number[][] = [];
  const width = split.count === 0 ? 0 : split.targets.length / split.count;
  const targets: (number | number[])[] = [];
  for (let i = 0; i < split.count; i++) {
    inputs.push(Array.from({ length: size }, (_, j) => (split.inputs[i * size + j] as number) * (scaler.std[j] as number) + (scaler.mean[j] as number)));
    targets.push(width === 1 ? (split.targets[i] as number) : Array.from(split.targets.subarray(i * width, (i + 1) * width)));
  }
  return { inputs, targets: targets as number[] | number[][] };
}

/** The loss's scalar value on one output element; cross-entropy on a sigmoid output takes the logit. */
function elementLoss(loss: LossName, output: number, target: number): number {
  if (loss === 'binary_crossentropy') {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, output));
    return LOSSES.binary_crossentropy.value(Math.log(p) - Math.log1p(-p), target);
  }
  if (loss === 'categorical_crossentropy') return LOSSES.categorical_crossentropy.value(Math.max(output, 1e-7), target);
  // The lab's naive cross-entropy keeps its bug here too: log(0) = -∞ (faults.ts, log-zero-nan).
  return LOSSES[loss].value(output, target);
}

/**
 * Per member: the mean loss over the rows (elementwise losses also averaged over outputs, as training does) and,
 * for classification (`encoding` not null, targets are class ids), the fraction of rows classified right.
 */
export function scorePredictions(predictions: number[][][], targets: number[] | number[][], loss: LossName, encoding: TargetEncoding | null): EvaluationMetrics[] {
  return predictions.map((rows) => {
    let total = 0;
    let correct = 0;
    rows.forEach((output, i) => {
      const target = targets[i] as number | number[];
      let encoded: ArrayLike<number>;
      if (encoding && typeof target === 'number') {
        const row = new Float32Array(encoding.width);
        encoding.encode(target, row, 0);
        encoded = row;
        if (encoding.threshold !== null) correct += output[0]! > encoding.threshold === encoded[0]! > encoding.threshold ? 1 : 0;
        else correct += argmax(output) === target ? 1 : 0;
      } else encoded = typeof target === 'number' ? [target] : target;
      let sum = 0;
      for (let k = 0; k < output.length; k++) sum += elementLoss(loss, output[k] as number, encoded[k] as number);
      total += loss === 'categorical_crossentropy' || loss === 'naive_crossentropy' ? sum : sum / output.length;
    });
    const n = Math.max(1, rows.length);
    return { loss: total / n, accuracy: encoding ? correct / n : null };
  });
}

function argmax(row: number[]): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if ((row[k] as number) > (row[best] as number)) best = k;
  return best;
}
