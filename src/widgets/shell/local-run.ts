/**
 * A plain-TS run: `advance()` does one step of a small simulation and returns the progress event to emit
 * (or null when nothing new is to be shown). Steps run in timer slices so the page never blocks.
 */
import type { EngineEvent } from '@engine/types';
import type { Emit, RunHandle } from './run';

export interface LocalSimulation {
  /** One step; returns the events to emit after it. */
  advance(): EngineEvent[];
  /** True when the simulation has nothing left to do. */
  finished(): boolean;
}

export function localRun(simulation: LocalSimulation, emit: Emit, stepsPerSlice = 5): RunHandle {
  let running = false;
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runSteps = (count: number) => {
    for (let index = 0; index < count && !simulation.finished(); index += 1) simulation.advance().forEach(emit);
    if (simulation.finished()) {
      running = false;
      emit({ type: 'state', state: 'done', step: 0 });
    }
  };
  const loop = () => {
    if (!running || cancelled) return;
    runSteps(stepsPerSlice);
    timer = setTimeout(loop, 16);
  };
  return {
    start: () => {
      running = true;
      emit({ type: 'state', state: 'running', step: 0 });
      loop();
    },
    pause: () => {
      running = false;
      if (timer) clearTimeout(timer);
    },
    resume: () => {
      if (running || cancelled) return;
      running = true;
      loop();
    },
    step: (count) => runSteps(count),
    cancel: () => {
      cancelled = true;
      running = false;
      if (timer) clearTimeout(timer);
    },
  };
}
