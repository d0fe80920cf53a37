/**
 * Claims of chapter 4, lesson 4 (docs/project-lifecycle/outline.md, experiment `dashboard`) on the TrainingDashboard's
 * own run: the `healthy-run` preset's plan trained as the page trains it (CPU backend: the compute path the browser
 * picks, dense-wasm) for seeds 1–5 as one population, each member kept by the views' own recorder (record.ts).
 * Per-seed numbers are logged as [claim] lines; docs/project-lifecycle/claims.md («dashboard») quotes them.
 * It also checks the shipped healthy reference (healthy-reference.json) against seed 1's run, and rewrites the file
 * when DASHBOARD_REFERENCE_WRITE=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activate } from '@engine/backends';
import { createKernel } from '@engine/train/compute-paths';
import { progress } from '@engine/train/progress';
import { presetState } from '@widgets/shell/definition';
import { trainingDashboard } from '@widgets/training-dashboard/definition';
import { dashboardPlan } from '@widgets/training-dashboard/plan';
import { DashboardRecorder, recordJson, reviveRecord, type DashboardRecord } from '@widgets/training-dashboard/record';
import { CLAIM_SEEDS } from './digits-lab';

const log = (name: string, value: unknown) => console.log(`[claim] ${name}: ${JSON.stringify(value)}`);
const r3 = (v: number) => Number(v.toPrecision(3));
const REFERENCE = 'src/widgets/training-dashboard/healthy-reference.json';

const seeds = [...CLAIM_SEEDS];
const state = presetState(trainingDashboard, 'healthy-run');
let records: DashboardRecord[] = [];
let recorded: DashboardRecorder[] = [];

/** The first event at or after `epoch`. */
const at = (record: DashboardRecord, epoch: number) => record.points.find((p) => p.epoch >= epoch - 1e-9) ?? record.points.at(-1)!;

beforeAll(async () => {
  if (!(await activate('cpu'))) throw new Error('cpu backend did not initialize');
  const plan = dashboardPlan(state, seeds);
  const run = plan.runs[0]!;
  if (run.kind !== 'engine') throw new Error('the dashboard trains on the engine');
  const kernel = await createKernel(run.config, 'cpu');
  const recorders = seeds.map(() => new DashboardRecorder(state.bins));
  try {
    const total = state.epochs * kernel.stepsPerEpoch;
    while (kernel.step < total) {
      kernel.runSteps(Math.min(plan.stepsPerEvent, total - kernel.step), true);
      const { event } = await progress(kernel, 'cpu', 0);
      recorders.forEach((recorder, member) => recorder.add(event, member));
    }
    log('dashboard path', kernel.path);
  } finally {
    kernel.dispose();
  }
  recorded = recorders;
  records = recorders.map((recorder) => recorder.record());
}, 600_000);

describe('dashboard claims (TrainingDashboard healthy-run, seeds 1–5)', () => {
  it('the validation loss falls through the first 3 epochs, reaches its minimum later, and the gap to the training loss at the end is several times the gap at epoch 3', () => {
    const rows = records.map((record) => {
      const early = [0.5, 1, 2, 3].map((epoch) => at(record, epoch).validationLoss);
      const falls = early.every((loss, i) => i === 0 || loss < early[i - 1]!);
      const best = record.points.reduce((low, p) => (p.validationLoss < low.validationLoss ? p : low));
      const gap = (p: (typeof record.points)[number]) => p.validationLoss - p.trainLoss;
      const last = record.points.at(-1)!;
      return { falls, early: early.map(r3), bestEpoch: r3(best.epoch), gapAt3: r3(gap(at(record, 3))), gapAtEnd: r3(gap(last)), finalValidation: r3(last.validationLoss), finalTrain: r3(last.trainLoss) };
    });
    log('dashboard validation loss and gap', Object.fromEntries(seeds.map((seed, s) => [seed, rows[s]])));
    for (const row of rows) {
      expect(row.falls).toBe(true);
      expect(row.bestEpoch).toBeGreaterThan(3);
      expect(row.gapAtEnd).toBeGreaterThan(2 * Math.max(row.gapAt3, 0.01));
    }
  });

  it('the hidden layer\'s dead-unit ratio stays below 0.3 at every event', () => {
    const maxima = records.map((record) => r3(Math.max(...record.points.map((p) => p.deadFraction))));
    log('dashboard dead-unit ratio (max over the run)', Object.fromEntries(seeds.map((seed, s) => [seed, maxima[s]])));
    for (const max of maxima) expect(max).toBeLessThan(0.3);
  });

  it('the two layers\' gradient norms stay within a factor of 100 of each other at every event', () => {
    const spans = records.map((record) => {
      const ratios = record.points.map((p) => Math.max(...p.gradientNorms) / Math.min(...p.gradientNorms));
      return { max: r3(Math.max(...ratios)), min: r3(Math.min(...ratios)) };
    });
    log('dashboard gradient norm ratio larger/smaller layer (range over the run)', Object.fromEntries(seeds.map((seed, s) => [seed, spans[s]])));
    for (const span of spans) expect(span.max).toBeLessThan(100);
  });

  it('both layers\' update/weight ratios stay within 1e-4…1e-2 at every event', () => {
    const ranges = records.map((record) => {
      const all = record.points.flatMap((p) => p.updateRatios);
      return { min: r3(Math.min(...all)), max: r3(Math.max(...all)) };
    });
    log('dashboard update/weight ratio (range over layers and events)', Object.fromEntries(seeds.map((seed, s) => [seed, ranges[s]])));
    for (const range of ranges) {
      expect(range.min).toBeGreaterThan(1e-4);
      expect(range.max).toBeLessThan(1e-2);
    }
  });

  it('the filters view: what training adds to the first-layer weights is about as large as the initial noise (‖ΔW‖/‖W₀‖ 0.5–1.5, in the image centre too), which is why the view draws the change apart', () => {
    const rows = recorded.map((recorder) => {
      const [inputs, units] = recorder.firstKernel!.shape as [number, number];
      const first = recorder.firstKernel!.values[0]!;
      const last = recorder.lastKernel!.values[0]!;
      const norms = (pick: (pixel: number) => boolean) => {
        let change = 0;
        let initial = 0;
        for (let pixel = 0; pixel < inputs; pixel++) {
          if (!pick(pixel)) continue;
          for (let unit = 0; unit < units; unit++) {
            const i = pixel * units + unit;
            change += (last[i]! - first[i]!) ** 2;
            initial += first[i]! ** 2;
          }
        }
        return Math.sqrt(change / initial);
      };
      const centre = (pixel: number) => Math.abs((pixel % 28) - 13.5) < 6 && Math.abs(Math.floor(pixel / 28) - 13.5) < 6;
      return { all: r3(norms(() => true)), centre: r3(norms(centre)) };
    });
    log('dashboard first-layer change ‖W_last − W_first‖ / ‖W_first‖ (all pixels; central 12 × 12)', Object.fromEntries(seeds.map((seed, s) => [seed, rows[s]])));
    for (const row of rows) {
      expect(row.all).toBeGreaterThan(0.5);
      expect(row.all).toBeLessThan(1.5);
      expect(row.centre).toBeGreaterThan(0.5);
      expect(row.centre).toBeLessThan(1.5);
    }
  });

  it('the shipped healthy reference is seed 1\'s run (same steps; losses and ratios within 1e-4 relative)', () => {
    const own = records[0]!;
    if (process.env.DASHBOARD_REFERENCE_WRITE === '1') writeFileSync(REFERENCE, recordJson(own, 6));
    const shipped = reviveRecord(JSON.parse(readFileSync(REFERENCE, 'utf8')));
    expect(shipped.points.map((p) => p.step)).toEqual(own.points.map((p) => p.step));
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
    shipped.points.forEach((p, i) => {
      const q = own.points[i]!;
      expect(close(p.validationLoss, q.validationLoss) && close(p.trainLoss, q.trainLoss) && close(p.deadFraction, q.deadFraction)).toBe(true);
      p.updateRatios.forEach((v, l) => expect(Math.abs(v - q.updateRatios[l]!) / q.updateRatios[l]!).toBeLessThan(1e-3));
    });
  });
});
