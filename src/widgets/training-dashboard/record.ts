/**
 * What the dashboard keeps of a run: one member's numbers per progress event, reduced to what the six views draw
 * (the events themselves are not kept: a histogram is 30 numbers, a streamed kernel 25,088, and only the first and
 * the latest kernel are needed). `DashboardRecord` is also the healthy reference's format (healthy-reference.json):
 * JSON with `null` for NaN, read back by `reviveRecord`.
 */
import { histogram } from '@engine/train/histogram';
import type { Histogram, ProgressEvent, StreamedParam } from '@engine/types';
import { STREAMED_PARAMS } from './plan';

export interface DashboardPoint {
  step: number;
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  trainAccuracy: number;
  validationAccuracy: number;
  /** Mean loss of the minibatches since the previous event (the loss window) and the last batch's row hash. */
  batchLoss: number;
  batchFingerprint: number | null;
  /** Fraction of the hidden layer's ReLU units at 0 for every example of the batch. */
  deadFraction: number;
  /** Per layer, input → output. */
  gradientNorms: number[];
  updateRatios: number[];
}

/** The hidden layer's pre-activation z = x·W + b and activation relu(z) at one event. */
export interface HiddenHistograms {
  step: number;
  preActivation: Histogram;
  activation: Histogram;
}

export interface DashboardRecord {
  /** Layer names in the engine's order (input → output). */
  layerNames: string[];
  points: DashboardPoint[];
  hidden: HiddenHistograms[];
  /** Step of the member's divergence (non-finite loss or parameters), or null. */
  divergedAt: number | null;
}

export type StreamedName = (typeof STREAMED_PARAMS)[number];

/** Histograms of the streamed parameters at one event (view 3's scrubber moves over these). */
export interface ParameterSnapshot {
  step: number;
  epoch: number;
  histograms: Record<StreamedName, Histogram>;
}

const valueOf = (v: number | null | undefined): number => (typeof v === 'number' ? v : Number.NaN);

export class DashboardRecorder {
  layerNames: string[] = [];
  points: DashboardPoint[] = [];
  hidden: HiddenHistograms[] = [];
  divergedAt: number | null = null;
  parameters: ParameterSnapshot[] = [];
  /** The first-layer kernel at the first and at the latest snapshot ([784, 32], row-major). */
  firstKernel: StreamedParam | null = null;
  lastKernel: StreamedParam | null = null;
  /** Incremented on every change (`parametersVersion`: when the parameter snapshots change): views redraw only what
   * changed since they last drew. */
  version = 0;
  parametersVersion = 0;

  constructor(private bins = 30) {}

  clear(bins = this.bins): void {
    this.bins = bins;
    this.layerNames = [];
    this.points = [];
    this.hidden = [];
    this.divergedAt = null;
    this.parameters = [];
    this.firstKernel = null;
    this.lastKernel = null;
    this.version++;
    this.parametersVersion++;
  }

  add(event: ProgressEvent, member = 0): void {
    const metrics = event.members[member];
    if (!metrics) return;
    this.layerNames = event.layerNames;
    if (metrics.diverged && this.divergedAt === null) this.divergedAt = event.step;
    this.points.push({
      step: event.step,
      epoch: event.epoch,
      trainLoss: metrics.trainLoss,
      validationLoss: valueOf(metrics.validationLoss),
      trainAccuracy: valueOf(metrics.trainAccuracy),
      validationAccuracy: valueOf(metrics.validationAccuracy),
      batchLoss: valueOf(metrics.batchLoss),
      batchFingerprint: metrics.batchFingerprint ?? null,
      deadFraction: valueOf(event.activationStats?.deadFraction[member]?.[0]),
      gradientNorms: event.gradientNormsByLayer?.[member] ?? [],
      updateRatios: event.updateRatioByLayer?.[member] ?? [],
    });
    const pre = event.histograms?.preActivations?.[member]?.[0];
    const post = event.histograms?.activations[member]?.[0];
    if (pre && post) this.hidden.push({ step: event.step, preActivation: pre, activation: post });
    if (event.params) this.addParameters(event, member);
    this.version++;
  }

  private addParameters(event: ProgressEvent, member: number): void {
    const params = event.params ?? {};
    const values = (name: StreamedName) => params[name]?.values[member] ?? [];
    const histograms = Object.fromEntries(STREAMED_PARAMS.map((name) => [name, histogram(values(name), this.bins)])) as Record<StreamedName, Histogram>;
    this.parameters.push({ step: event.step, epoch: event.epoch, histograms });
    this.parametersVersion++;
    const kernel = params['hidden/kernel'];
    if (kernel) {
      const one = { shape: kernel.shape, values: [kernel.values[member] ?? []] };
      this.firstKernel ??= one;
      this.lastKernel = one;
    }
  }

  /** The numbers a reference overlay needs (views 2, 4 and 5). */
  record(): DashboardRecord {
    return { layerNames: this.layerNames, points: this.points, hidden: this.hidden, divergedAt: this.divergedAt };
  }
}

/** A record as JSON: NaN becomes null (JSON has no NaN); `digits`: significant digits kept (the shipped reference: 6). */
export function recordJson(record: DashboardRecord, digits = 17): string {
  return JSON.stringify(record, (key, value: unknown) => {
    if (typeof value !== 'number') return value;
    if (!Number.isFinite(value)) return null;
    return key === 'batchFingerprint' || key === 'step' || Number.isInteger(value) ? value : Number(value.toPrecision(digits));
  });
}

/** A record read from JSON: the metrics' nulls become NaN again (a fingerprint's null stays null). */
export function reviveRecord(json: unknown): DashboardRecord {
  const data = json as DashboardRecord;
  const number = (v: number | null) => (v === null ? Number.NaN : v);
  return {
    layerNames: data.layerNames,
    divergedAt: data.divergedAt,
    hidden: data.hidden,
    points: data.points.map((p) => ({
      ...p,
      trainLoss: number(p.trainLoss),
      validationLoss: number(p.validationLoss),
      trainAccuracy: number(p.trainAccuracy),
      validationAccuracy: number(p.validationAccuracy),
      batchLoss: number(p.batchLoss),
      deadFraction: number(p.deadFraction),
      gradientNorms: p.gradientNorms.map(number),
      updateRatios: p.updateRatios.map(number),
    })),
  };
}
