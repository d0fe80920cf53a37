/**
 * A DigitsExperiment preset trained in Node exactly as the reader's page trains it with the CPU backend: the
 * widget's own plan for the preset's default state (so its default seeds, data, network and step count), each
 * run on the compute path the browser picks (`createKernel`: dense-wasm for these dense nets), stepped in the
 * plan's chunks with a progress event after each, and the events fed to the widget's own `DigitsResults`. The
 * claims of chapter 5 are asserted on these numbers: the ones the widget shows and the pre-render draws.
 */
import { activate } from '@engine/backends';
import { createKernel } from '@engine/train/compute-paths';
import { restoreCheckpoint, saveCheckpoint } from '@engine/train/checkpoint';
import { progress } from '@engine/train/progress';
import { digitsExperiment, type DigitsExperimentState, type DigitsPreset } from '@widgets/digits-experiment/definition';
import { digitsPlan, seedsOf } from '@widgets/digits-experiment/plan';
import { DigitsResults } from '@widgets/digits-experiment/results';
import { presetState } from '@widgets/shell/definition';
import type { RunPlan } from '@widgets/shell/run';
import type { ProgressEvent } from '@engine/types';

let ready: Promise<boolean> | null = null;

export interface PresetRun {
  /** The seeds the preset shows (each arm's members, in order). */
  seeds: number[];
  results: DigitsResults;
}

/**
 * Trains every run of `preset` (with `change` applied to its default state) to the end. `hiddenLayers`: layers
 * whose largest unit norm is read from the final weights, as the widget's readout does. `keep`: the runs (by
 * their arms) a claim needs, when the others would only cost time.
 */
export async function trainPreset(preset: DigitsPreset, change: Partial<DigitsExperimentState> = {}, hiddenLayers: readonly string[] = [], keep: (arms: string[]) => boolean = () => true): Promise<PresetRun> {
  ready ??= activate('cpu');
  if (!(await ready)) throw new Error('cpu backend did not initialize');
  const state = { ...presetState(digitsExperiment, preset), ...change };
  const plan = digitsPlan(state);
  const results = new DigitsResults((run) => plan.runs[run]?.arms ?? []);
  results.clear(plan.runs.flatMap((run) => run.arms));
  for (const [index, run] of plan.runs.entries()) {
    if (!keep(run.arms)) continue;
    const kernel = await createKernel(run.config, 'cpu');
    try {
      if (run.prepare) {
        const initial = await run.prepare(await saveCheckpoint(kernel));
        restoreCheckpoint(kernel, initial);
        results.checkpoint(index, { ...initial, step: 0 });
      }
      const total = run.config.training.steps ?? 0;
      while (kernel.step < total) {
        kernel.runSteps(Math.min(plan.stepsPerEvent, total - kernel.step), true);
        results.progress(index, (await progress(kernel, 'cpu', 0)).event);
      }
      results.checkpoint(index, await saveCheckpoint(kernel), hiddenLayers);
    } finally {
      kernel.dispose();
    }
  }
  return { seeds: seedsOf(state), results };
}

/**
 * One optimizer step of `preset`'s first run from its prepared start: |Δθ| of every parameter that moved, for the
 * members trained at `learningRate` (a member override of the plan).
 */
export async function firstStep(preset: DigitsPreset, learningRate: number): Promise<{ stepSizes: number[] }> {
  ready ??= activate('cpu');
  if (!(await ready)) throw new Error('cpu backend did not initialize');
  const run = digitsPlan(presetState(digitsExperiment, preset)).runs[0]!;
  const kernel = await createKernel(run.config, 'cpu');
  try {
    if (run.prepare) restoreCheckpoint(kernel, await run.prepare(await saveCheckpoint(kernel)));
    const before = await saveCheckpoint(kernel);
    kernel.runSteps(1, false);
    const after = await saveCheckpoint(kernel);
    const members = run.config.population?.members ?? [];
    const stepSizes: number[] = [];
    members.forEach((member, p) => {
      if (member.learningRate !== learningRate) return;
      for (const [name, tensor] of Object.entries(after.members[p]!))
        tensor.data.forEach((value, i) => {
          const step = Math.abs(value - before.members[p]![name]!.data[i]!);
          if (step > 0) stepSizes.push(step);
        });
    });
    return { stepSizes };
  } finally {
    kernel.dispose();
  }
}

/**
 * Every engine run of a plan on the compute path the page's CPU backend picks (dense-wasm for dense nets), stepped
 * in the plan's chunks with a progress event after each, as the page's Driver does: the events of each run.
 */
export async function trainOnPagePath(plan: RunPlan): Promise<ProgressEvent[][]> {
  ready ??= activate('cpu');
  if (!(await ready)) throw new Error('cpu backend did not initialize');
  const out: ProgressEvent[][] = [];
  for (const run of plan.runs) {
    if (run.kind !== 'engine') throw new Error('only engine runs are trained here');
    const kernel = await createKernel(run.config, 'cpu');
    try {
      const events: ProgressEvent[] = [];
      const total = run.config.training.steps ?? 0;
      while (kernel.step < total) {
        kernel.runSteps(Math.min(plan.stepsPerEvent, total - kernel.step), true);
        events.push((await progress(kernel, 'cpu', 0)).event);
      }
      out.push(events);
    } finally {
      kernel.dispose();
    }
  }
  return out;
}
