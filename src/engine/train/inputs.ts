/**
 * Questions asked of a trained population about arbitrary inputs: predictions, and the gradient of the
 * loss with respect to the inputs (for adversarial examples: x + ε·sign(∂L/∂x) raises the loss fastest
 * under an L∞ budget ε).
 */
import * as tf from '../tf';
import { EngineError } from '../errors';
import { exampleLoss } from '../model/losses';
import { scaleRows } from '../datasets/split';
import { evalForward, probeTensor } from './evaluate';
import { tileMembers } from './member-data';
import type { TrainingSession } from './session';

function toNested(values: Float32Array, members: number, rows: number, width: number): number[][][] {
  return Array.from({ length: members }, (_, p) => Array.from({ length: rows }, (_, j) => Array.from(values.subarray((p * rows + j) * width, (p * rows + j + 1) * width))));
}

function checkRows(session: TrainingSession, inputs: number[][]): void {
  const size = session.config.model.inputShape.reduce((a, b) => a * b, 1);
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.some((row) => !Array.isArray(row) || row.length !== size || row.some((v) => !Number.isFinite(v))))
    throw new EngineError('bad_inputs', `inputs must be non-empty rows of ${size} finite numbers`, 'inputs', { min: size, max: size });
}

/** Outputs after the output activation, [member][row][output]. Inputs are unscaled (the dataset's scaler is applied). */
export async function predict(session: TrainingSession, inputs: number[][]): Promise<number[][][]> {
  checkRows(session, inputs);
  const out = tf.tidy(() => evalForward(session, probeTensor(session, inputs)).output);
  const values = (await out.data()) as Float32Array;
  const width = out.shape[2] as number;
  out.dispose();
  return toNested(values, session.members, inputs.length, width);
}

/** ∂ loss_i / ∂ x_i for each row i (in unscaled input units) and each member, with the per-row losses. */
export async function inputGradient(session: TrainingSession, inputs: number[][], targets: number[] | number[][]): Promise<{ gradients: number[][][]; losses: number[][] }> {
  checkRows(session, inputs);
  if (!Array.isArray(targets) || targets.length !== inputs.length) throw new EngineError('length_mismatch', 'targets must have one entry per input row', 'targets', { min: inputs.length, max: inputs.length });
  const width = session.data.targetWidth;
  const encoded = new Float32Array(inputs.length * width);
  targets.forEach((t, i) => {
    if (session.data.encoding) session.data.encoding.encode(t as number, encoded, i * width);
    else encoded.set(t as number[], i * width);
  });
  const scaler = session.data.base.scaler;
  const shape = session.config.model.inputShape;
  const [gradient, losses] = tf.tidy(() => {
    const x = tileMembers(Float32Array.from(scaleRows(inputs, scaler).flat()), session.members, shape);
    const y = tileMembers(encoded, session.members, [width]);
    let perExample: tf.Tensor | null = null;
    // Σ over rows of each row's loss: row i's gradient is exactly ∂ loss_i / ∂ x_i (rows do not interact in
    // evaluation mode, where batch norm uses running statistics).
    const g = tf.grad((input: tf.Tensor) => {
      const out = evalForward(session, input);
      perExample = tf.keep(exampleLoss(session.config.training.loss, out.logits, out.output, y));
      return tf.sum(perExample);
    })(x);
    // Chain rule through the scaling x' = (x - mean) / std: ∂L/∂x = ∂L/∂x' / std.
    const std = tf.tensor(scaler.std.length === g.shape[2] ? scaler.std : new Array<number>(g.shape.slice(2).reduce((a, b) => a * b, 1)).fill(1));
    const unscaled = tf.div(tf.reshape(g, [session.members, inputs.length, -1]), std);
    return [unscaled, perExample as unknown as tf.Tensor];
  });
  const [gv, lv] = await Promise.all([gradient.data(), losses.data()]);
  tf.dispose([gradient, losses]);
  const featureSize = gradient.shape[2] as number;
  return {
    gradients: toNested(gv as Float32Array, session.members, inputs.length, featureSize),
    losses: Array.from({ length: session.members }, (_, p) => Array.from((lv as Float32Array).subarray(p * inputs.length, (p + 1) * inputs.length))),
  };
}
