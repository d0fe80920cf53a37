/**
 * Claims of chapter 4's debugging lab (docs/project-lifecycle/outline.md, «Experiment `debugging-lab`»): the
 * project model trained healthy and with each of the 8 planted bugs (src/engine/faults.ts), seeds 1–5 as one
 * population per run. For every bug its numeric signature — what the lab's views show, as numbers — holds on all
 * 5 seeds, and it does not hold on the healthy run (no false alarm). The measured numbers are logged as `[claim]`
 * lines and recorded in docs/project-lifecycle/lab-signatures.md (thresholds set there from the measurements).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '@engine/datasets';
import { digitsSplit } from '@engine/datasets/digits-split';
import { datasetSummary, type DatasetSummary } from '@engine/datasets/summary';
import { FAULT_KEYS, type FaultKey } from '@engine/faults';
import type { ProgressEvent } from '@engine/types';
import { validateConfig } from '@engine/validate';
import { LAB_SEEDS, labConfig, logitSpreads, series, trainLab, type LabOptions, type LabRun } from './lab-runs';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const r = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;
const SEEDS = LAB_SEEDS.map((_, p) => p);

/** Everything the signatures read, per member (index p = seed p + 1). */
interface Facts {
  name: string;
  path: string;
  summary: DatasetSummary;
  events: ProgressEvent[];
  diverged: Set<number>;
  /** Largest logit spread over the training and validation rows at the last event before the member diverged
   * (log-zero-nan only). */
  spread: number[];
  /** Max |difference| of two predict() calls on the 200 validation digits at the same weights. */
  predictDifference: number[];
  /** Validation accuracy of the final weights on [0, 1] digits through the run's own (training) scaler. */
  correctlyScaled: number[];
}

let validationLabels: number[] = [];
let validationRows: number[][] = [];

async function facts(name: string, options: LabOptions): Promise<Facts> {
  const resolved = validateConfig(labConfig(options));
  const summary = await datasetSummary(resolved);
  const built = await buildDataset(resolved.dataset, resolved.dataset.seed, resolved.faults);
  const spreadRows = Float32Array.from([...built.train.inputs, ...built.validation.inputs]);
  const probe = options.fault === 'log-zero-nan' ? (kernel: LabRun['kernel']) => logitSpreads(kernel, spreadRows, built.train.count + built.validation.count) : undefined;
  const started = Date.now();
  const run = await trainLab(options, probe);
  console.log(`[lab] ${name}: ${run.path}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  try {
    const [a, b] = [await run.kernel.predict(validationRows), await run.kernel.predict(validationRows)];
    const predictDifference = SEEDS.map((p) => Math.max(...a[p]!.flatMap((row, i) => row.map((v, k) => Math.abs(v - b[p]![i]![k]!)))));
    const correctlyScaled = SEEDS.map((p) => a[p]!.filter((row, i) => row.indexOf(Math.max(...row)) === validationLabels[i]).length / validationLabels.length);
    const diverged = new Set(run.diverged.map((d) => d.member));
    const firstBad = (p: number) => run.diverged.find((d) => d.member === p);
    const spread = SEEDS.map((p) => {
      if (run.probes.length === 0) return NaN;
      const bad = firstBad(p);
      const until = bad ? run.events.findIndex((e) => e.step === bad.step) : run.events.length;
      const finite = run.probes.slice(0, until).map((row) => row[p]!).filter(Number.isFinite);
      return finite.at(-1) ?? NaN;
    });
    return { name, path: run.path, summary, events: run.events, diverged, spread, predictDifference, correctlyScaled };
  } finally {
    run.kernel.dispose();
  }
}

// Readings of one member's run.
const at = (f: Facts, epoch: number) => f.events.find((e) => e.epoch >= epoch)!;
const last = (f: Facts) => f.events[f.events.length - 1]!;
const validation = (f: Facts, p: number) => series(f.events, p, (e, q) => e.members[q]!.validationAccuracy);
const finalValidation = (f: Facts, p: number) => last(f).members[p]!.validationAccuracy!;
const hidden = (values: number[][] | undefined, p: number) => values![p]![0]!;
/** Standard deviation of the event-to-event change of the validation loss over the last 20 events (a smooth
 * curve, even a rising one, changes by about the same step each event: a small spread). */
function jitter(f: Facts, p: number): number {
  const v = series(f.events, p, (e, q) => e.members[q]!.validationLoss).slice(-21);
  const d = v.slice(1).map((x, i) => x - v[i]!);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  return Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
}
/** Largest ratio of an event's training loss to the smallest training loss before it. */
function jump(f: Facts, p: number): number {
  let low = Infinity;
  let worst = 0;
  for (const e of f.events) {
    const loss = e.members[p]!.trainLoss;
    if (Number.isFinite(loss)) {
      worst = Math.max(worst, loss / low);
      low = Math.min(low, loss);
    }
  }
  return worst;
}

let largestClassShare = 0;
let trainingStatisticsMean = 0;

/** Each bug's signature on member p of run `f`, `healthy` being the healthy run and `runs` every run by name. */
const SIGNATURES: Record<FaultKey, (f: Facts, p: number, healthy: Facts, runs: Map<string, Facts>) => boolean> = {
  'unnormalized-inputs': (f, p, h) =>
    f.summary.train.max === 255 && f.events[0]!.members[p]!.trainLoss > 10 * Math.LN10 &&
    hidden(f.events[0]!.activationStats!.standardDeviation, p) > 20 * hidden(h.events[0]!.activationStats!.standardDeviation, p) &&
    finalValidation(f, p) <= finalValidation(h, p) - 0.1,
  'zero-init': (f, p) =>
    f.events.every((e) => hidden(e.gradientNormsByLayer, p) === 0 && hidden(e.weightNormsByLayer, p) === 0) &&
    hidden(last(f).activationStats!.deadFraction, p) === 1 && finalValidation(f, p) <= largestClassShare + 0.02,
  'dropout-at-inference': (f, p, h) => f.predictDifference[p]! > 0.05 && jitter(f, p) > 3 * jitter(h, p),
  'learning-rate-x100': (f, p) => hidden(f.events[0]!.updateRatioByLayer, p) > 0.04 && hidden(last(f).activationStats!.deadFraction, p) > 0.5 && jump(f, p) > 1.1,
  'shuffled-labels': (f, p) =>
    validation(f, p).every((v) => v <= 0.3) && at(f, 1).members[p]!.trainLoss >= 2.1 && last(f).members[p]!.trainAccuracy! - finalValidation(f, p) > 0.25,
  'repeated-batch': (f, p) => {
    const e = at(f, 2).members[p]!;
    return new Set(f.events.map((x) => x.members[p]!.batchFingerprint)).size === 1 && e.batchLoss! < 0.3 && e.trainLoss > 5 * e.batchLoss! && finalValidation(f, p) < 0.7;
  },
  // The same rate with the stable loss (the learning-rate-x100 run) must not diverge: else the rate was the bug.
  'log-zero-nan': (f, p, _, runs) => f.diverged.has(p) && !runs.get('learning-rate-x100')!.diverged.has(p),
  'validation-own-statistics': (f) =>
    Math.max(...f.summary.validation.mean.map(Math.abs)) < 1e-6 && f.summary.validation.std.filter((s) => s > 0).every((s) => Math.abs(s - 1) < 1e-5) && trainingStatisticsMean > 0.1,
};

describe('project-lifecycle debugging lab: every planted bug shows its signature (seeds 1–5)', () => {
  const runs = new Map<string, Facts>();

  beforeAll(async () => {
    const split = await digitsSplit(1);
    validationRows = split.validation.inputs;
    validationLabels = split.validation.labels;
    largestClassShare = Math.max(...Array.from({ length: 10 }, (_, k) => validationLabels.filter((l) => l === k).length)) / validationLabels.length;
    // The validation split standardized correctly (with the training statistics): its pixel means are not 0.
    const correct = await datasetSummary({ ...labConfig(), dataset: { kind: 'digits', seed: 1, scaleInputs: true } });
    trainingStatisticsMean = Math.max(...correct.validation.mean.map(Math.abs));
    runs.set('healthy', await facts('healthy', {}));
    for (const key of FAULT_KEYS) runs.set(key, await facts(key, { fault: key }));
  }, 3_600_000);

  it('the healthy run: the reference numbers (no divergence, learns)', () => {
    const h = runs.get('healthy')!;
    log('healthy', {
      path: h.path,
      firstLoss: SEEDS.map((p) => r(h.events[0]!.members[p]!.trainLoss)),
      finalValidation: SEEDS.map((p) => finalValidation(h, p)),
      hiddenStd0: SEEDS.map((p) => r(hidden(h.events[0]!.activationStats!.standardDeviation, p))),
      updateRatio0: SEEDS.map((p) => r(hidden(h.events[0]!.updateRatioByLayer, p), 4)),
      deadEnd: SEEDS.map((p) => r(hidden(last(h).activationStats!.deadFraction, p))),
      jitter: SEEDS.map((p) => r(jitter(h, p), 4)),
      jump: SEEDS.map((p) => r(jump(h, p))),
      batchLossEpoch2: SEEDS.map((p) => r(at(h, 2).members[p]!.batchLoss!)),
      trainLossEpoch1: SEEDS.map((p) => r(at(h, 1).members[p]!.trainLoss)),
      validationMeanMax: r(Math.max(...h.summary.validation.mean.map(Math.abs))),
      trainingStatisticsMean: r(trainingStatisticsMean),
      largestClassShare,
    });
    expect(h.diverged.size).toBe(0);
    expect(SEEDS.every((p) => finalValidation(h, p) > 0.8)).toBe(true);
  });

  it.each(FAULT_KEYS)('%s: its signature holds on every seed and on no seed of the healthy run', (key) => {
    const f = runs.get(key)!;
    const h = runs.get('healthy')!;
    const fault = SEEDS.map((p) => SIGNATURES[key](f, p, h, runs));
    const falseAlarm = SEEDS.map((p) => SIGNATURES[key](h, p, h, runs));
    log(key, { path: f.path, holds: fault, healthyFires: falseAlarm, ...readings(key, f, h) });
    expect(fault, `${key} signature per seed`).toEqual(SEEDS.map(() => true));
    expect(falseAlarm, `${key} on the healthy run`).toEqual(SEEDS.map(() => false));
  });

  it('which signatures fire on which run (the lab says when a bug looks like another)', () => {
    const h = runs.get('healthy')!;
    const matrix = Object.fromEntries(FAULT_KEYS.map((run) => [run, FAULT_KEYS.filter((key) => SEEDS.some((p) => SIGNATURES[key](runs.get(run)!, p, h, runs)))]));
    log('signatures-firing', matrix);
    for (const key of FAULT_KEYS) expect(matrix[key]).toContain(key);
  });
});

/** The numbers each bug's signature reads, per seed, for the record. */
function readings(key: FaultKey, f: Facts, h: Facts): Record<string, unknown> {
  const per = (read: (p: number) => number, digits = 3) => SEEDS.map((p) => r(read(p), digits));
  switch (key) {
    case 'unnormalized-inputs':
      return { inputMax: f.summary.train.max, firstLoss: per((p) => f.events[0]!.members[p]!.trainLoss), hiddenStdRatio: per((p) => hidden(f.events[0]!.activationStats!.standardDeviation, p) / hidden(h.events[0]!.activationStats!.standardDeviation, p), 1), validationDrop: per((p) => finalValidation(h, p) - finalValidation(f, p)) };
    case 'zero-init':
      return { hiddenGradientMax: per((p) => Math.max(...f.events.map((e) => hidden(e.gradientNormsByLayer, p)))), deadEnd: per((p) => hidden(last(f).activationStats!.deadFraction, p)), finalValidation: per((p) => finalValidation(f, p)), finalLoss: per((p) => last(f).members[p]!.trainLoss) };
    case 'dropout-at-inference':
      return { predictDifference: per((p) => f.predictDifference[p]!), jitter: per((p) => jitter(f, p), 4), jitterRatio: per((p) => jitter(f, p) / jitter(h, p), 2), finalValidation: per((p) => finalValidation(f, p)) };
    case 'learning-rate-x100':
      return { updateRatio0: per((p) => hidden(f.events[0]!.updateRatioByLayer, p), 4), deadEnd: per((p) => hidden(last(f).activationStats!.deadFraction, p)), jump: per((p) => jump(f, p)), finalValidation: per((p) => finalValidation(f, p)) };
    case 'shuffled-labels':
      return { validationMax: per((p) => Math.max(...validation(f, p))), trainLossEpoch1: per((p) => at(f, 1).members[p]!.trainLoss), gapEnd: per((p) => last(f).members[p]!.trainAccuracy! - finalValidation(f, p)) };
    case 'repeated-batch':
      return { batchLossEpoch2: per((p) => at(f, 2).members[p]!.batchLoss!), trainLossEpoch2: per((p) => at(f, 2).members[p]!.trainLoss), fingerprints: SEEDS.map((p) => new Set(f.events.map((e) => e.members[p]!.batchFingerprint)).size), finalValidation: per((p) => finalValidation(f, p)) };
    case 'log-zero-nan':
      return { divergedAtEpoch: SEEDS.map((p) => r(f.events.find((e) => e.members[p]!.diverged)?.epoch ?? NaN, 2)), spreadBefore: per((p) => f.spread[p]!, 1) };
    case 'validation-own-statistics':
      return { validationMeanMax: Math.max(...f.summary.validation.mean.map(Math.abs)), validationStdOff: Math.max(...f.summary.validation.std.filter((s) => s > 0).map((s) => Math.abs(s - 1))), ownScaled: per((p) => finalValidation(f, p)), correctlyScaled: per((p) => f.correctlyScaled[p]!) };
  }
}
