/**
 * The tfjs kernel's read-back: every requested number (window loss, evaluation metrics, layer statistics,
 * activation statistics, histogram values, probe predictions) is concatenated into one [P, K] tensor and
 * read with a single `await data()`. Parts that were not requested cost nothing. Keys: see `Readback`.
 */
import * as tf from '../tf';
import { evalForward, lossAndAccuracy, predictedClasses, probeTensor, trainTensors, validationTensors } from './evaluate';
import type { Readback } from './kernel';
import { ACTIVATIONS, type ActivationName } from '../registry/activations';
import type { TrainingSession } from './session';
import { activationLayerPlans, statLayers } from './stat-layers';

/** Rows of the training data used for activation statistics and histograms. */
export const ACTIVATION_SAMPLE = 256;

interface Part {
  key: string;
  tensor: tf.Tensor; // [P, width]
}

/** Splits row p of a [P, total] read-back into the named parts. */
function unpack(values: Float32Array, parts: { key: string; width: number }[], members: number): Readback {
  const total = parts.reduce((sum, part) => sum + part.width, 0);
  const out: Readback = new Map();
  let offset = 0;
  for (const part of parts) {
    const rows: number[][] = [];
    for (let p = 0; p < members; p++) rows.push(Array.from(values.subarray(p * total + offset, p * total + offset + part.width)));
    out.set(part.key, rows);
    offset += part.width;
  }
  return out;
}

export async function tfjsReadBack(session: TrainingSession, probeRows: number[][] | null, params: readonly string[] = []): Promise<Readback> {
  const telemetry = session.config.telemetry;
  const P = session.members;
  const lossWindow = session.statistics.takeWindow();
  const stats = session.statistics.takeStats();
  const layers = statLayers(session.plans);
  const activationLayers = activationLayerPlans(session.plans);

  const list: Part[] = [];
  tf.tidy(() => {
    // 1 where every parameter of the member is finite: on webgpu a member can hold NaN while its loss is finite.
    const flat = tf.concat([...session.params.values()].map((t) => tf.reshape(t, [P, -1])), 1);
    list.push({ key: 'finiteParams', tensor: tf.min(tf.cast(tf.isFinite(flat), 'float32'), 1, true) });
    if (lossWindow.loss) list.push({ key: 'windowLoss', tensor: tf.reshape(tf.div(lossWindow.loss, lossWindow.steps), [P, 1]) });
    if (telemetry.validation) {
      if (telemetry.trainMetrics) {
        const train = trainTensors(session);
        const t = lossAndAccuracy(session, train.inputs, train.targets);
        list.push({ key: 'trainLoss', tensor: tf.reshape(t.loss, [P, 1]) });
        if (t.accuracy) list.push({ key: 'trainAccuracy', tensor: tf.reshape(t.accuracy, [P, 1]) });
      }
      const validation = validationTensors(session);
      if (validation) {
        const v = lossAndAccuracy(session, validation.inputs, validation.targets);
        list.push({ key: 'validationLoss', tensor: tf.reshape(v.loss, [P, 1]) });
        if (v.accuracy) list.push({ key: 'validationAccuracy', tensor: tf.reshape(v.accuracy, [P, 1]) });
        if (telemetry.confusion) list.push({ key: 'validationClasses', tensor: predictedClasses(session, v.output) });
      }
    }
    if (stats) list.push({ key: 'layerStats', tensor: stats });
    if (telemetry.layerStats) {
      // The weights as they are now: after the last step and its max-norm projection.
      const columns = layers.params.map((names) => {
        const kernel = names.find((name) => name.endsWith('/kernel'));
        const value = kernel ? session.params.get(kernel) : undefined;
        return value && value.rank === 3 ? tf.max(tf.sqrt(tf.sum(tf.square(value), 1)), 1) : tf.zeros([P]);
      });
      if (columns.length > 0) list.push({ key: 'unitNorms', tensor: tf.stack(columns, 1) });
    }
    if (telemetry.activationStats || telemetry.histogramBins > 0) {
      const train = trainTensors(session);
      const sample = Math.min(ACTIVATION_SAMPLE, session.data.count);
      const inputs = tf.slice(train.inputs, [0, 0], [P, sample]);
      const pass = evalForward(session, inputs, telemetry.preActivationHistograms);
      const outputs = pass.layerOutputs;
      if (telemetry.activationStats) {
        const columns = outputs.map((a, i) => {
          const flat = tf.reshape(a, [P, sample, -1]);
          const { mean, variance } = tf.moments(flat, [1, 2]);
          const activation = (activationLayers[i]?.spec as { activation?: ActivationName }).activation ?? 'linear';
          // A unit is dead when it outputs <= 0 for every example of the sample.
          const dead = ACTIVATIONS[activation].canDie ? tf.mean(tf.cast(tf.lessEqual(tf.max(flat, 1), 0), 'float32'), 1) : tf.zeros([P]);
          return tf.stack([mean, tf.sqrt(variance), dead], 1);
        });
        list.push({ key: 'activationStats', tensor: tf.concat(columns, 1) });
      }
      if (telemetry.histogramBins > 0) outputs.forEach((a, i) => list.push({ key: `activation/${i}`, tensor: tf.reshape(a, [P, -1]) }));
      if (telemetry.histogramBins > 0 && telemetry.preActivationHistograms)
        pass.layerPreActivations.forEach((z, i) => list.push({ key: `preActivation/${i}`, tensor: tf.reshape(z, [P, -1]) }));
    }
    if (telemetry.histogramBins > 0) {
      for (const name of layers.params.flat()) list.push({ key: `weight/${name}`, tensor: tf.reshape(session.params.get(name) as tf.Tensor, [P, -1]) });
      for (const [name, g] of session.statistics.lastGradients ?? []) list.push({ key: `gradient/${name}`, tensor: tf.reshape(g, [P, -1]) });
    }
    for (const name of params) list.push({ key: `param/${name}`, tensor: tf.reshape(session.params.get(name) as tf.Tensor, [P, -1]) });
    if (probeRows) {
      const out = evalForward(session, probeTensor(session, probeRows)).output;
      list.push({ key: 'probe', tensor: tf.reshape(out, [P, -1]) });
    }
    list.forEach((part) => tf.keep(part.tensor));
  });
  // `stats` itself is one of the parts: disposed with them below.
  lossWindow.loss?.dispose();

  let values: Float32Array = new Float32Array(0);
  if (list.length > 0) {
    const all = tf.concat(list.map((p) => p.tensor), 1);
    values = (await all.data()) as Float32Array;
    all.dispose();
  }
  const widths = list.map((p) => ({ key: p.key, width: p.tensor.shape[1] as number }));
  tf.dispose(list.map((p) => p.tensor));
  const out = unpack(values, widths, P);
  // Exact 32-bit hashes from JS (a float32 read-back would round them).
  if (session.step > 0) out.set('batchFingerprint', session.sampler.fingerprints(session.step - 1));
  return out;
}
