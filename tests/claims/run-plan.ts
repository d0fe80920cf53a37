/**
 * Runs a widget's plan in Node, on the engine, the way the widget does: each engine run is stepped in chunks of
 * `stepsPerEvent` until its epochs are done, on the compute path the browser picks with the CPU backend, with a progress event after each chunk (and `prepare` applied to
 * the initial weights first). Returns the events per run, so claim checks read the numbers readers see.
 */
import type { Checkpoint, RunConfig, ProgressEvent } from '@engine/types';
import { activate } from '@engine/backends';
import { progress } from '@engine/train/progress';
import { restoreCheckpoint, saveCheckpoint } from '@engine/train/checkpoint';
import { createKernel } from '@engine/train/compute-paths';
import type { RunPlan } from '@widgets/shell/run';

export const CLAIM_SEEDS = [1, 2, 3, 4, 5] as const;

let ready: Promise<boolean> | null = null;

export async function useCpu(): Promise<void> {
  ready ??= activate('cpu');
  if (!(await ready)) throw new Error('cpu backend did not initialize');
}

const cache = new Map<string, Promise<ProgressEvent[]>>();

/** Trains one engine run to its last epoch; returns every progress event (memoized: presets share runs). */
export function trainRun(config: RunConfig, stepsPerEvent: number, prepare?: (initial: Checkpoint) => Checkpoint | Promise<Checkpoint>): Promise<ProgressEvent[]> {
  const key = `${stepsPerEvent}|${prepare ? prepare.toString() : ''}|${JSON.stringify(config)}`;
  let events = cache.get(key);
  if (!events) {
    events = train(config, stepsPerEvent, prepare);
    cache.set(key, events);
  }
  return events;
}

async function train(config: RunConfig, stepsPerEvent: number, prepare?: (initial: Checkpoint) => Checkpoint | Promise<Checkpoint>): Promise<ProgressEvent[]> {
  await useCpu();
  // The compute path the reader's browser picks on the CPU backend (dense-wasm for the dense nets), as the widget trains.
  const session = await createKernel(config, 'cpu');
  try {
    if (prepare) restoreCheckpoint(session, await prepare(await saveCheckpoint(session)));
    const total = config.training.steps || (config.training.epochs ?? 0) * session.stepsPerEpoch;
    const events: ProgressEvent[] = [];
    while (session.step < total) {
      session.runSteps(Math.min(stepsPerEvent, total - session.step), true);
      events.push((await progress(session, 'cpu', 0)).event);
    }
    return events;
  } finally {
    session.dispose();
  }
}

/** Every engine run of a plan, in order: the events of each. */
export async function trainPlan(plan: RunPlan): Promise<ProgressEvent[][]> {
  const out: ProgressEvent[][] = [];
  for (const run of plan.runs) {
    if (run.kind !== 'engine') throw new Error('only engine runs are trained here');
    out.push(await trainRun(run.config, plan.stepsPerEvent, run.prepare));
  }
  return out;
}

/** Final training loss of each member of a run (∞ when it diverged or exploded past `divergeAbove`). */
export function finalLosses(events: ProgressEvent[], divergeAbove = Number.POSITIVE_INFINITY): number[] {
  const last = events.at(-1);
  if (!last) return [];
  return last.members.map((member, index) =>
    events.some((event) => event.members[index]!.diverged || !(event.members[index]!.trainLoss <= divergeAbove)) ? Number.POSITIVE_INFINITY : member.trainLoss,
  );
}

/** How many seeds a claim held on, for the message of a failing check. */
export function tally(results: (boolean | undefined)[]): string {
  return `${results.filter((held) => held === true).length}/${results.length}`;
}
