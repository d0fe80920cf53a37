/**
 * Evaluation passes (no dropout, running batch-norm statistics): loss, accuracy, predictions.
 * All return tensors; the caller reads them back together.
 */
import * as tf from '../tf';
import { forward } from '../model/forward';
import { memberLoss } from '../model/losses';
import type { TrainingSession } from './session';
import { tileMembers } from './member-data';
import { scaleRows } from '../datasets/split';
import { encodeTargets } from './member-data';
import { hasFaultHook } from '../faults';
import { dropoutMasks, dropoutRates } from './dropout';
import { SALT_EVALUATION_DROPOUT } from './salts';

export function lookup(session: TrainingSession): (name: string) => tf.Tensor {
  return (name) => session.params.get(name) as tf.Tensor;
}

/** Evaluation passes so far per session: the seed of the next pass's masks under the lab's dropout fault. */
const passes = new WeakMap<TrainingSession, number>();

/** Evaluation mode: no dropout, running statistics. Under the debugging lab's `dropout-at-inference` fault
 * (faults.ts, hook `evaluation-dropout`) dropout stays on: fresh masks every pass, so two passes differ. */
export function evalForward(session: TrainingSession, inputs: tf.Tensor, preActivations = false) {
  const rates = hasFaultHook(session.config, 'evaluation-dropout') ? dropoutRates(session.config, session.plans) : null;
  let masks: Map<number, tf.Tensor> | undefined;
  if (rates) {
    const pass = passes.get(session) ?? 0;
    passes.set(session, pass + 1);
    masks = dropoutMasks(session.config, session.plans, rates, inputs.shape[1] as number, pass, SALT_EVALUATION_DROPOUT);
  }
  return forward(session.plans, lookup(session), inputs, { training: false, running: session.running, dropoutMasks: masks, preActivations });
}

/** Predicted class id per member and row, [P, N] (float): thresholded one-output classifiers, else the argmax. */
export function predictedClasses(session: TrainingSession, output: tf.Tensor): tf.Tensor {
  const threshold = session.data.encoding?.threshold ?? null;
  const [members, rows] = output.shape as [number, number];
  if (threshold !== null) return tf.reshape(tf.cast(tf.greater(output, threshold), 'float32'), [members, rows]);
  return tf.cast(tf.argMax(output, 2), 'float32');
}

/** Fraction of correct class predictions per member, [P]. */
export function accuracy(session: TrainingSession, output: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  const threshold = session.data.encoding?.threshold ?? null;
  if (threshold !== null) {
    const predicted = tf.greater(output, threshold);
    const actual = tf.greater(targets, threshold);
    return tf.mean(tf.cast(tf.equal(predicted, actual), 'float32'), [1, 2]);
  }
  return tf.mean(tf.cast(tf.equal(tf.argMax(output, 2), tf.argMax(targets, 2)), 'float32'), 1);
}

/** Loss and accuracy (null for regression) per member on [P, N, ...] inputs. */
export function lossAndAccuracy(session: TrainingSession, inputs: tf.Tensor, targets: tf.Tensor): { loss: tf.Tensor; accuracy: tf.Tensor | null; output: tf.Tensor } {
  const out = evalForward(session, inputs);
  const loss = memberLoss(session.config.training.loss, out.logits, out.output, targets);
  return { loss, accuracy: session.data.encoding ? accuracy(session, out.output, targets) : null, output: out.output };
}

/** Cached [P, rows, ...] tensor (validation split, probe grid), owned by the session. */
export function cached(session: TrainingSession, key: string, build: () => tf.Tensor): tf.Tensor {
  let tensor = session.evalCache.get(key);
  if (!tensor) {
    tensor = tf.keep(build()); // may be built inside a caller's tidy: it must outlive it
    session.evalCache.set(key, tensor);
  }
  return tensor;
}

export function validationTensors(session: TrainingSession): { inputs: tf.Tensor; targets: tf.Tensor } | null {
  const split = session.data.base.validation;
  if (split.count === 0) return null;
  const shape = session.config.model.inputShape;
  return {
    inputs: cached(session, 'validation/inputs', () => tileMembers(split.inputs, session.members, shape)),
    targets: cached(session, 'validation/targets', () => tileMembers(encodeTargets(split, session.data.encoding, session.data.targetWidth), session.members, [session.data.targetWidth])),
  };
}

/** Probe inputs (unscaled rows) → [P, K, ...] tensor of scaled inputs. */
export function probeTensor(session: TrainingSession, rows: number[][]): tf.Tensor {
  const scaled = scaleRows(rows, session.data.base.scaler);
  return tileMembers(Float32Array.from(scaled.flat()), session.members, session.config.model.inputShape);
}

/** The member's own training rows as [P, N, ...]. */
export function trainTensors(session: TrainingSession): { inputs: tf.Tensor; targets: tf.Tensor } {
  const n = session.data.count;
  return {
    inputs: tf.reshape(session.trainInputs, [session.members, n, ...session.config.model.inputShape]),
    targets: tf.reshape(session.trainTargets, [session.members, n, session.data.targetWidth]),
  };
}
