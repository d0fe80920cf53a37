/**
 * Builds a progress event with ONE readback: every requested number (window loss, validation metrics,
 * layer statistics, activation statistics, probe predictions) is concatenated into one [P, K] tensor and
 * read with a single `await data()`. Parts that were not requested cost nothing.
 */
import * as tf from '../tf';
import type { BackendName } from '../config';
import type { ActivationStatistics, BiasVarianceReport, DivergedEvent, HistogramSet, MemberMetrics, PerLayer, ProgressEvent } from '../telemetry';
import { deriveSeed } from '../random';
import { biasVariance } from './bias-variance';
import { probeGrid } from '../datasets';
import { SALT_BIAS_VARIANCE } from './salts';
import { evalForward, lossAndAccuracy, probeTensor, trainTensors, validationTensors } from './evaluate';
import { histogram } from './histogram';
import type { TrainingSession } from './session';

const ACTIVATION_SAMPLE = 256;

interface Part {
  key: string;
  tensor: tf.Tensor; // [P, width]
}

function probeRows(session: TrainingSession): number[][] | null {
  const probe = session.config.telemetry.probe;
  if (!probe) return null;
  if (probe.inputs) return probe.inputs;
  const grid = probe.resolution ? probeGrid(session.config.dataset, probe.resolution) : session.data.base.probeGrid;
  return grid.length > 0 ? grid : null;
}

/** Splits row p of a [P, total] readback into the named parts. */
function unpack(values: Float32Array, parts: { key: string; width: number }[], members: number): Map<string, number[][]> {
  const total = parts.reduce((sum, part) => sum + part.width, 0);
  const out = new Map<string, number[][]>();
  let offset = 0;
  for (const part of parts) {
    const rows: number[][] = [];
    for (let p = 0; p < members; p++) rows.push(Array.from(values.subarray(p * total + offset, p * total + offset + part.width)));
    out.set(part.key, rows);
    offset += part.width;
  }
  return out;
}

export interface ProgressResult {
  event: ProgressEvent;
  diverged: DivergedEvent[];
}

export async function progress(session: TrainingSession, backend: BackendName, stepsPerSecond: number): Promise<ProgressResult> {
  const telemetry = session.config.telemetry;
  const P = session.members;
  const lossWindow = session.takeWindow();
  const stats = session.pendingStats;
  session.pendingStats = null;
  const layers = session.statLayers();
  const L = layers.names.length;
  const rows = probeRows(session);
  const activationLayers = session.plans.filter((p) => p.spec.type === 'dense' || p.spec.type === 'conv1d' || p.spec.type === 'conv2d');
  const outputWidth = session.data.targetWidth;

  const list: Part[] = [];
  tf.tidy(() => {
    if (lossWindow.loss) list.push({ key: 'windowLoss', tensor: tf.reshape(tf.div(lossWindow.loss, lossWindow.steps), [P, 1]) });
    if (telemetry.validation) {
      const train = trainTensors(session);
      const t = lossAndAccuracy(session, train.inputs, train.targets);
      list.push({ key: 'trainLoss', tensor: tf.reshape(t.loss, [P, 1]) });
      if (t.accuracy) list.push({ key: 'trainAccuracy', tensor: tf.reshape(t.accuracy, [P, 1]) });
      const validation = validationTensors(session);
      if (validation) {
        const v = lossAndAccuracy(session, validation.inputs, validation.targets);
        list.push({ key: 'validationLoss', tensor: tf.reshape(v.loss, [P, 1]) });
        if (v.accuracy) list.push({ key: 'validationAccuracy', tensor: tf.reshape(v.accuracy, [P, 1]) });
      }
    }
    if (stats) list.push({ key: 'layerStats', tensor: stats });
    if (telemetry.activationStats || telemetry.histogramBins > 0) {
      const train = trainTensors(session);
      const sample = Math.min(ACTIVATION_SAMPLE, session.data.count);
      const inputs = tf.slice(train.inputs, [0, 0], [P, sample]);
      const outputs = evalForward(session, inputs).layerOutputs;
      if (telemetry.activationStats) {
        const columns = outputs.map((a, i) => {
          const flat = tf.reshape(a, [P, sample, -1]);
          const { mean, variance } = tf.moments(flat, [1, 2]);
          const activation = (activationLayers[i]?.spec as { activation?: string }).activation ?? 'linear';
          // A unit is dead when it outputs <= 0 for every example of the sample.
          const dead = activation === 'relu' || activation === 'leaky_relu' ? tf.mean(tf.cast(tf.lessEqual(tf.max(flat, 1), 0), 'float32'), 1) : tf.zeros([P]);
          return tf.stack([mean, tf.sqrt(variance), dead], 1);
        });
        list.push({ key: 'activationStats', tensor: tf.concat(columns, 1) });
      }
      if (telemetry.histogramBins > 0) outputs.forEach((a, i) => list.push({ key: `activation/${i}`, tensor: tf.reshape(a, [P, -1]) }));
    }
    if (telemetry.histogramBins > 0) {
      for (const name of layers.params.flat()) list.push({ key: `weight/${name}`, tensor: tf.reshape(session.params.get(name) as tf.Tensor, [P, -1]) });
      for (const [name, g] of session.lastGradients ?? []) list.push({ key: `gradient/${name}`, tensor: tf.reshape(g, [P, -1]) });
    }
    if (rows) {
      const out = evalForward(session, probeTensor(session, rows)).output;
      list.push({ key: 'probe', tensor: tf.reshape(out, [P, -1]) });
    }
    list.forEach((part) => tf.keep(part.tensor));
  });
  const parts = list;
  // `stats` itself is one of the parts: disposed with them below.
  lossWindow.loss?.dispose();

  let values: Float32Array = new Float32Array(0);
  if (parts.length > 0) {
    const all = tf.concat(parts.map((p) => p.tensor), 1);
    values = (await all.data()) as Float32Array;
    all.dispose();
  }
  const widths = parts.map((p) => ({ key: p.key, width: p.tensor.shape[1] as number }));
  tf.dispose(parts.map((p) => p.tensor));
  const got = unpack(values, widths, P);
  const scalar = (key: string, p: number): number | null => got.get(key)?.[p]?.[0] ?? null;

  // Divergence: a member whose loss is NaN or ±Inf stops (learning rate 0 from now on) and is reported once.
  const diverged: DivergedEvent[] = [];
  const learningRates = session.currentLearningRates();
  const members: MemberMetrics[] = [];
  for (let p = 0; p < P; p++) {
    const windowLoss = scalar('windowLoss', p);
    const trainLoss = scalar('trainLoss', p) ?? windowLoss ?? NaN;
    const bad = (v: number | null) => v !== null && !Number.isFinite(v);
    if (!session.diverged[p] && (bad(windowLoss) || bad(trainLoss))) {
      session.diverged[p] = true;
      diverged.push({ type: 'diverged', member: p, step: session.step });
    }
    members.push({
      trainLoss,
      validationLoss: scalar('validationLoss', p),
      trainAccuracy: scalar('trainAccuracy', p),
      validationAccuracy: scalar('validationAccuracy', p),
      learningRate: session.diverged[p] ? 0 : (learningRates[p] as number),
      diverged: session.diverged[p] as boolean,
    });
  }

  const event: ProgressEvent = { type: 'progress', step: session.step, epoch: session.epoch, members, layerNames: layers.names, backend, stepsPerSecond };
  const layerStats = got.get('layerStats');
  if (layerStats) {
    const slice = (k: number): PerLayer => layerStats.map((row) => row.slice(k * L, (k + 1) * L));
    event.gradientNormsByLayer = slice(0);
    event.weightNormsByLayer = slice(1);
    event.updateRatioByLayer = slice(2);
  }
  const activation = got.get('activationStats');
  if (activation) {
    const pick = (k: number): PerLayer => activation.map((row) => row.filter((_, i) => i % 3 === k));
    const stats: ActivationStatistics = { mean: pick(0), standardDeviation: pick(1), deadFraction: pick(2) };
    event.activationStats = stats;
  }
  if (telemetry.histogramBins > 0) event.histograms = histograms(session, got, telemetry.histogramBins, activationLayers.map((l) => l.name));
  const probe = got.get('probe');
  if (rows && probe) {
    const predictions = probe.map((flat) => rows.map((_, j) => flat.slice(j * outputWidth, (j + 1) * outputWidth)));
    event.probe = { inputs: rows, predictions };
    const h = session.data.base.trueFunction;
    if (telemetry.biasVariance && h) event.biasVariance = decomposition(session, predictions, rows, h);
  }
  return { event, diverged };
}

function decomposition(session: TrainingSession, predictions: number[][][], rows: number[][], h: (x: number[]) => number): BiasVarianceReport {
  const healthy = predictions.filter((_, p) => !session.diverged[p]).map((member) => member.map((row) => row[0] as number));
  return biasVariance(healthy, rows.map(h), session.data.base.noiseVariance, deriveSeed(session.config.dataset.seed, SALT_BIAS_VARIANCE, session.step));
}

function histograms(session: TrainingSession, got: Map<string, number[][]>, bins: number, activationNames: string[]): HistogramSet {
  const layers = session.statLayers();
  const P = session.members;
  const perLayer = (prefix: string, names: string[][]) =>
    Array.from({ length: P }, (_, p) => names.map((params) => histogram(params.flatMap((name) => got.get(`${prefix}/${name}`)?.[p] ?? []), bins)));
  return {
    layers: layers.names,
    weights: perLayer('weight', layers.params),
    gradients: perLayer('gradient', layers.params),
    activations: Array.from({ length: P }, (_, p) => activationNames.map((_, i) => histogram(got.get(`activation/${i}`)?.[p] ?? [], bins))),
  };
}
