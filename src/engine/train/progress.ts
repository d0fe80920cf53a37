/**
 * Builds a progress event from one kernel read-back (`PopulationKernel.readBack`), for any compute path:
 * per-member metrics, divergence (a member whose loss is NaN or ±Inf is neutralized and reported once),
 * per-layer statistics, histograms, probe predictions and the bias–variance decomposition.
 */
import type { BackendName } from '../config';
import type { ActivationStatistics, BiasVarianceReport, DivergedEvent, HistogramSet, MemberMetrics, PerLayer, ProgressEvent } from '../telemetry';
import { deriveSeed } from '../random';
import { biasVariance } from './bias-variance';
import { probeGrid } from '../datasets';
import { SALT_BIAS_VARIANCE } from './salts';
import { histogram } from './histogram';
import type { PopulationKernel, Readback } from './kernel';
import { activationLayerPlans, statLayers } from './stat-layers';
import { confusionMatrix } from './class-metrics';
import { paramsDue, streamedParams } from './param-stream';

function probeRows(session: PopulationKernel): number[][] | null {
  const probe = session.config.telemetry.probe;
  if (!probe) return null;
  if (probe.inputs) return probe.inputs;
  const grid = probe.resolution ? probeGrid(session.config.dataset, probe.resolution) : session.data.base.probeGrid;
  return grid.length > 0 ? grid : null;
}

export interface ProgressResult {
  event: ProgressEvent;
  diverged: DivergedEvent[];
}

export async function progress(session: PopulationKernel, backend: BackendName, stepsPerSecond: number): Promise<ProgressResult> {
  const telemetry = session.config.telemetry;
  const P = session.members;
  const layers = statLayers(session.plans);
  const L = layers.names.length;
  const rows = probeRows(session);
  const activationLayers = activationLayerPlans(session.plans);
  const outputWidth = session.data.targetWidth;
  const params = paramsDue(session);
  const got = await session.readBack(rows, params);
  const scalar = (key: string, p: number): number | null => got.get(key)?.[p]?.[0] ?? null;
  const fingerprints = got.get('batchFingerprint');

  // Divergence: a member whose loss or parameters are NaN or ±Inf is neutralized (finite, frozen) and reported once.
  const diverged: DivergedEvent[] = [];
  const learningRates = session.currentLearningRates();
  const members: MemberMetrics[] = [];
  for (let p = 0; p < P; p++) {
    const windowLoss = scalar('windowLoss', p);
    const trainLoss = scalar('trainLoss', p) ?? windowLoss ?? NaN;
    const bad = (v: number | null) => v !== null && !Number.isFinite(v);
    // No result that is not finite passes as a healthy member's (nor, at the end, as "done").
    const newly = !session.diverged[p] && ([windowLoss, trainLoss, scalar('validationLoss', p)].some(bad) || scalar('finiteParams', p) === 0);
    if (newly) diverged.push({ type: 'diverged', member: p, step: session.step });
    const isDiverged = newly || (session.diverged[p] as boolean);
    // A neutralized member has no result: its metrics read NaN (its stand-in weights are not its result).
    const result = (v: number | null) => (isDiverged && v !== null ? NaN : v);
    members.push({
      trainLoss: isDiverged ? NaN : trainLoss,
      validationLoss: result(scalar('validationLoss', p)),
      trainAccuracy: result(scalar('trainAccuracy', p)),
      validationAccuracy: result(scalar('validationAccuracy', p)),
      learningRate: isDiverged ? 0 : (learningRates[p] as number),
      diverged: isDiverged,
      ...(windowLoss === null ? {} : { batchLoss: isDiverged ? NaN : windowLoss }),
      ...(fingerprints ? { batchFingerprint: fingerprints[p]?.[0] as number } : {}),
    });
  }
  if (diverged.length > 0) session.neutralize(diverged.map((d) => d.member));
  // Nor do its statistics and predictions: every number of a neutralized member reads NaN.
  for (const rows of got.values()) session.diverged.forEach((d, p) => d && rows[p]?.fill(NaN));
  const probe = got.get('probe');

  const event: ProgressEvent = { type: 'progress', step: session.step, epoch: session.epoch, members, layerNames: layers.names, backend, stepsPerSecond };
  const layerStats = got.get('layerStats');
  if (layerStats) {
    const slice = (k: number): PerLayer => layerStats.map((row) => row.slice(k * L, (k + 1) * L));
    event.gradientNormsByLayer = slice(0);
    event.weightNormsByLayer = slice(1);
    event.updateRatioByLayer = slice(2);
  }
  const unitNorms = got.get('unitNorms');
  if (unitNorms) event.maxUnitNormsByLayer = unitNorms;
  const activation = got.get('activationStats');
  if (activation) {
    const pick = (k: number): PerLayer => activation.map((row) => row.filter((_, i) => i % 3 === k));
    const stats: ActivationStatistics = { mean: pick(0), standardDeviation: pick(1), deadFraction: pick(2) };
    event.activationStats = stats;
  }
  if (telemetry.histogramBins > 0) event.histograms = histograms(session, got, telemetry.histogramBins, activationLayers.map((l) => l.name));
  const classes = got.get('validationClasses');
  if (classes) event.confusion = confusion(session, classes);
  if (params.length > 0) event.params = streamedParams(session, params, got);
  if (rows && probe) {
    const predictions = probe.map((flat) => rows.map((_, j) => flat.slice(j * outputWidth, (j + 1) * outputWidth)));
    event.probe = { inputs: rows, predictions };
    const h = session.data.base.trueFunction;
    if (telemetry.biasVariance && h) event.biasVariance = decomposition(session, predictions, rows, h);
  }
  return { event, diverged };
}

function decomposition(session: PopulationKernel, predictions: number[][][], rows: number[][], h: (x: number[]) => number): BiasVarianceReport {
  const healthy = predictions.filter((_, p) => !session.diverged[p]).map((member) => member.map((row) => row[0] as number));
  return biasVariance(healthy, rows.map(h), session.data.base.noiseVariance, deriveSeed(session.config.dataset.seed, SALT_BIAS_VARIANCE, session.step));
}

/** `[member][true][predicted]` validation counts from the predicted class ids (a neutralized member's read NaN). */
function confusion(session: PopulationKernel, predicted: number[][]): number[][][] {
  const split = session.data.base.validation;
  const classes = session.data.base.classes ?? 2;
  return predicted.map((row, p) =>
    session.diverged[p] ? Array.from({ length: classes }, () => new Array<number>(classes).fill(NaN)) : confusionMatrix(row, split.targets, classes),
  );
}

function histograms(session: PopulationKernel, got: Readback, bins: number, activationNames: string[]): HistogramSet {
  const layers = statLayers(session.plans);
  const P = session.members;
  const perLayer = (prefix: string, names: string[][]) =>
    Array.from({ length: P }, (_, p) => names.map((params) => histogram(params.flatMap((name) => got.get(`${prefix}/${name}`)?.[p] ?? []), bins)));
  const perActivation = (prefix: string) => Array.from({ length: P }, (_, p) => activationNames.map((_, i) => histogram(got.get(`${prefix}/${i}`)?.[p] ?? [], bins)));
  const set: HistogramSet = { layers: layers.names, weights: perLayer('weight', layers.params), gradients: perLayer('gradient', layers.params), activations: perActivation('activation') };
  if (session.config.telemetry.preActivationHistograms) set.preActivations = perActivation('preActivation');
  return set;
}
