/** The runner's answer to `evaluate()`: predictions of every member on the rows, scored in evaluation.ts. */
import type { EvaluationTarget } from '../api';
import { EngineError } from '../errors';
import type { EvaluationEvent } from '../telemetry';
import { scorePredictions, splitRows } from './evaluation';
import type { PopulationKernel } from './kernel';

const SPLITS = ['train', 'validation', 'test'] as const;

export async function evaluate(kernel: PopulationKernel, requestId: number, target: EvaluationTarget): Promise<EvaluationEvent> {
  const { base, encoding } = kernel.data;
  let rows: { inputs: number[][]; targets: number[] | number[][] };
  if (typeof target === 'string') {
    if (!(SPLITS as readonly string[]).includes(target)) throw new EngineError('bad_split', `split must be one of ${SPLITS.join(', ')}`, 'split', { allowed: [...SPLITS] });
    const split = base[target];
    if (split.count === 0) throw new EngineError('empty_split', `the ${target} split has no rows`, 'split');
    rows = splitRows(split, base.scaler);
  } else {
    rows = target;
    const classes = base.classes;
    if (!Array.isArray(rows.targets) || !Array.isArray(rows.inputs) || rows.targets.length !== rows.inputs.length)
      throw new EngineError('length_mismatch', 'targets must have one entry per input row', 'targets');
    if (classes !== null && rows.targets.some((t) => !Number.isInteger(t) || (t as number) < 0 || (t as number) >= classes))
      throw new EngineError('bad_targets', `targets must be class ids in [0, ${classes - 1}]`, 'targets', { min: 0, max: classes - 1, integer: true });
  }
  const predictions = await kernel.predict(rows.inputs); // checks the rows
  const label = typeof target === 'string' ? undefined : target.label;
  return {
    type: 'evaluation',
    requestId,
    split: typeof target === 'string' ? target : 'rows',
    count: rows.inputs.length,
    ...(typeof label === 'string' ? { label } : {}),
    members: scorePredictions(predictions, rows.targets, kernel.config.training.loss, encoding),
  };
}
