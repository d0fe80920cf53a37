/**
 * Runs the benchmark: every path of BENCH_PATHS in turn, in its own engine worker, each population size timed
 * with the engine's `measure()` (no fallback: a path that cannot start reports why). A path that fails to start
 * is skipped at once; a lost GPU or any other failure ends that path only, and the next one goes on.
 */
import { createTrainer } from '@engine/client';
import type { EngineEvent, ErrorEvent, ThroughputEvent } from '@engine/types';
import { BENCH_PATHS, POPULATIONS, WARMUP_STEPS, workloadConfig, type BenchPath, type Missing } from './workload';

export interface BenchCallbacks {
  /** Before each cell. */
  cell(path: BenchPath, population: number, index: number, total: number): void;
  measured(path: BenchPath, population: number, examplesPerSecond: number): void;
  missing(path: BenchPath, why: Missing): void;
  /** One step took longer than a whole cell: the larger populations of this path, from `population` on, are left out. */
  tooSlow(path: BenchPath, population: number): void;
}

export interface BenchHandle {
  done: Promise<void>;
  cancel(): void;
}

function why(event: ErrorEvent): Missing {
  if (event.code === 'backend_unavailable' || event.code === 'path_unavailable') return { kind: 'unavailable', reason: String(event.allowed?.allowed?.[0] ?? 'init_failed') };
  if (event.code === 'device_lost') return { kind: 'lost' };
  return { kind: 'failed' };
}

export function runBenchmark(seconds: number, seed: number, callbacks: BenchCallbacks): BenchHandle {
  let cancelled = false;
  let stop: () => void = () => undefined;
  const total = BENCH_PATHS.length * POPULATIONS.length;

  /** One path: resolves when its populations are measured or it cannot go on. */
  const measurePath = (path: BenchPath, first: number) =>
    new Promise<void>((resolve) => {
      let index = 0;
      let waiting = 0;
      const trainer = createTrainer(workloadConfig(POPULATIONS[0], seed), (event: EngineEvent) => {
        if (event.type === 'throughput' && event.requestId === waiting) return next(event);
        if (event.type === 'error') {
          callbacks.missing(path, why(event));
          finish();
        }
      });
      const finish = () => {
        trainer.cancel();
        resolve();
      };
      stop = finish;
      const ask = () => {
        const population = POPULATIONS[index] as number;
        callbacks.cell(path, population, first + index, total);
        waiting = trainer.measure({ backend: path.backend, path: path.path, seconds, warmupSteps: WARMUP_STEPS }, workloadConfig(population, seed));
      };
      const next = (event: ThroughputEvent) => {
        if (cancelled) return finish();
        callbacks.measured(path, POPULATIONS[index] as number, event.examplesPerSecond);
        index += 1;
        if (index >= POPULATIONS.length) return finish();
        // A cell that fit fewer than two steps in its time: a larger population would take longer still per step.
        if (event.steps < 2) {
          callbacks.tooSlow(path, POPULATIONS[index] as number);
          return finish();
        }
        ask();
      };
      ask();
    });

  const done = (async () => {
    for (const [index, path] of BENCH_PATHS.entries()) {
      if (cancelled) return;
      await measurePath(path, index * POPULATIONS.length);
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      stop();
    },
  };
}
