/**
 * TrainingDashboard without a DOM: the embedded input samples and histograms are the dataset's (data seed 1); the
 * plan trains the project model with every telemetry field the views read; a record survives JSON with its NaNs;
 * the chart data of a record (and of the shipped reference) is what the views promise.
 */
import { describe, expect, it } from 'vitest';
import { digitsSplit } from '@engine/datasets/digits-split';
import { datasetSummary } from '@engine/datasets/summary';
import { validateConfig } from '@engine/validate';
import { presetState } from '@widgets/shell/definition';
import { histogramPoints, histogramsAt, lossData, ratioData } from '@widgets/training-dashboard/charts';
import { trainingDashboard } from '@widgets/training-dashboard/definition';
import { projectInputs } from '@widgets/training-dashboard/inputs';
import { dashboardPlan, dashboardRun, paramsEvery } from '@widgets/training-dashboard/plan';
import { recordJson, reviveRecord, type DashboardRecord } from '@widgets/training-dashboard/record';
import reference from '../../../src/widgets/training-dashboard/healthy-reference.json';

const state = presetState(trainingDashboard, 'healthy-run');
const healthy = reviveRecord(reference);

describe('TrainingDashboard data', () => {
  it('embeds the first 16 training and validation digits and both splits\' input histograms as the engine builds them', async () => {
    const split = await digitsSplit(1);
    const inputs = projectInputs();
    const close = (image: ArrayLike<number>, row: number[]) => row.every((v, p) => Math.abs((image[p] as number) - v) < 1 / 510);
    expect(inputs.train.images).toHaveLength(16);
    inputs.train.images.forEach((image, i) => expect(close(image, split.train.inputs[i]!)).toBe(true));
    inputs.validation.images.forEach((image, i) => expect(close(image, split.validation.inputs[i]!)).toBe(true));
    const summary = await datasetSummary(dashboardRun(state, [1]), 30);
    expect(inputs.train.histogram.counts).toEqual(summary.train.histogram.counts);
    expect(inputs.validation.histogram.counts).toEqual(summary.validation.histogram.counts);
    expect([inputs.train.min, inputs.train.max]).toEqual([summary.train.min, summary.train.max]);
  });

  it('plans the project model with the telemetry the six views read, valid for the engine', () => {
    const plan = dashboardPlan(state);
    expect(plan.stepsPerEvent).toBe(10);
    const run = plan.runs[0]!;
    if (run.kind !== 'engine') throw new Error('engine run expected');
    const config = validateConfig(run.config);
    expect(config.telemetry).toMatchObject({ every: 10, validation: true, trainMetrics: true, layerStats: true, activationStats: true, histogramBins: 30, preActivationHistograms: true, paramsEvery: 2 });
    expect(run.config.population?.members).toEqual([{ seed: 1 }]);
    expect(run.config.training.optimizer).toEqual({ name: 'adam', learningRate: 0.001 });
    expect(paramsEvery(5)).toBe(4);
    expect(paramsEvery(50)).toBe(1);
  });

  it('keeps a record\'s NaNs through JSON, and rounds the shipped reference to 6 digits', () => {
    const record: DashboardRecord = { ...healthy, points: healthy.points.slice(0, 2).map((p) => ({ ...p, validationLoss: Number.NaN })) };
    const back = reviveRecord(JSON.parse(recordJson(record)));
    expect(back.points.map((p) => p.validationLoss).every(Number.isNaN)).toBe(true);
    expect(back.points[0]!.batchFingerprint).toBe(record.points[0]!.batchFingerprint);
    expect(JSON.parse(recordJson(record, 6)).points[0].trainLoss).toBe(Number(record.points[0]!.trainLoss.toPrecision(6)));
  });

  it('the reference is 20 epochs of the healthy run, an event every 10 steps, with both layers\' histograms', () => {
    expect(healthy.layerNames).toEqual(['hidden', 'output']);
    expect(healthy.points).toHaveLength(Math.floor((20 * 22) / 10));
    expect(healthy.hidden).toHaveLength(healthy.points.length);
    expect(healthy.divergedAt).toBeNull();
  });

  it('chart data: the run over its reference, histograms as densities, the ratio band behind the layers', () => {
    const names = { train: { run: 't', reference: 't*' }, validation: { run: 'v', reference: 'v*' } };
    const own = lossData(healthy, null, names);
    expect(own.series.map((s) => s.id)).toEqual(['train-loss', 'validation-loss']);
    const both = lossData(healthy, healthy, names);
    expect(both.series.map((s) => s.name)).toEqual(['t*', 't', 'v*', 'v']);
    const h = healthy.hidden[0]!.preActivation;
    const width = h.edges[1]! - h.edges[0]!;
    expect(histogramPoints(h).reduce((sum, p) => sum + p.y * width, 0)).toBeCloseTo(1, 3); // the reference's edges are rounded to 6 digits
    expect(histogramsAt(healthy.hidden, 25)?.step).toBe(20);
    const ratios = ratioData(healthy, null, (l) => ({ run: `L${l}`, reference: '' }), 'band', 20);
    expect(ratios.series[0]).toMatchObject({ id: 'band', mark: 'area' });
    expect(ratios.series.slice(1).map((s) => s.name)).toEqual(['L0', 'L1']);
  });
});
