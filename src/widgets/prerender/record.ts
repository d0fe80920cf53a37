/**
 * Build time, in Node: run a widget's engine runs to the end exactly as the page does when the reader presses
 * Run (same plan, same Driver in stepped mode, same engine client and backend choice), and keep every event the
 * view received. A family's view is part of the run: some views ask for weights, so a live view (in a DOM, see
 * dom-env.ts) is attached while recording.
 */
import type { EngineEvent } from '@engine/types';
import { Driver } from '../shell/driver';
import type { ShellFamily, ViewContext } from '../shell/family';
import type { AnyState } from '../shell/params';
import { startRun } from '../shell/start-run';
import { numberFormatter, type WidgetStrings } from '../shell/text';

export type RecordedEvent = [run: number, event: EngineEvent];

/** After the last run finishes, late answers (a checkpoint asked for at the last progress) still arrive. */
const QUIET_MILLISECONDS = 150;
/** The longest wait for checkpoints asked for and not yet answered (a large population serializes slowly). */
const CHECKPOINT_WAIT_MILLISECONDS = 60_000;

interface ContextHooks {
  expose?(name: string, value: string | number): void;
  requestCheckpoint?(run: number): void;
}

/** A view context on a detached plot area, for building and recording outside a page. */
export function headlessContext(strings: WidgetStrings, locale: string, hooks: ContextHooks = {}): ViewContext {
  return {
    plotArea: document.createElement('div'),
    readout: document.createElement('p'),
    strings,
    locale,
    format: numberFormatter(locale),
    reducedMotion: true,
    expose: (name, value) => hooks.expose?.(name, value),
    requestCheckpoint: (run) => hooks.requestCheckpoint?.(run),
  };
}

/** True when the plan trains with the engine (local simulations are re-run, not recorded). */
export function plansEngineRuns(family: ShellFamily, state: AnyState, strings: WidgetStrings, locale: string): boolean {
  const view = family.createView(headlessContext(strings, locale));
  view.reset(state);
  const plan = view.plan(state);
  view.destroy();
  return plan.runs.some((run) => run.kind === 'engine');
}

/** Trains every engine run of `state` to the end; rejects on an engine error or after `timeoutMilliseconds`. */
export async function recordRuns(
  family: ShellFamily,
  state: AnyState,
  strings: WidgetStrings,
  locale: string,
  backend: string,
  timeoutMilliseconds = 600_000,
  /** What the live view exposes as it trains (the numbers a page shows at the end of Run). */
  onExpose?: (name: string, value: string | number) => void,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let driver: Driver | null = null;
  // Checkpoints asked for per run and not answered yet (a run's step-0 checkpoint comes before any request).
  const asked = new Map<number, number>();
  const view = family.createView(headlessContext(strings, locale, {
    ...(onExpose ? { expose: onExpose } : {}),
    requestCheckpoint: (run) => {
      asked.set(run, (asked.get(run) ?? 0) + 1);
      driver?.save(run);
    },
  }));
  view.reset(state);
  const plan = view.plan(state);
  let lastEvent = Date.now();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`pre-render of ${family.definition.family}/${state.preset} timed out`)), timeoutMilliseconds);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      if (plan.runs.length === 0) return finish();
      driver = new Driver(plan, 'normal', (index, emit) => startRun(plan.runs[index], backend, emit), {
        onEvent(index, event) {
          lastEvent = Date.now();
          events.push([index, event]);
          if (event.type === 'checkpoint' && (asked.get(index) ?? 0) > 0) asked.set(index, (asked.get(index) ?? 0) - 1);
          if (event.type === 'error') return finish(new Error(`engine error ${event.code} in ${family.definition.family}/${state.preset}: ${event.message}`));
          view.onEvent(index, event);
        },
        onFinished: () => finish(),
      }, { chunkDelay: 0 });
      driver.play();
    });
    const finished = Date.now();
    const waiting = () => [...asked.values()].some((count) => count > 0) && Date.now() - finished < CHECKPOINT_WAIT_MILLISECONDS;
    while (waiting() || Date.now() - lastEvent < QUIET_MILLISECONDS) await new Promise((resolve) => setTimeout(resolve, QUIET_MILLISECONDS / 3));
    view.render(); // the page draws after the last event too (some views expose what they draw)
  } finally {
    (driver as Driver | null)?.destroy();
    view.destroy();
  }
  return events;
}
