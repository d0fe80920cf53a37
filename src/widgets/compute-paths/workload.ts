/**
 * What ComputePaths measures (docs/practical-tricks/outline.md, E2), as plain data: the paths to try (tfjs on
 * every backend, and each path that runs no tfjs op once), the population sizes, the workload's config, and the
 * reading of the results (which path is fastest from which population on). No DOM, no engine code loaded.
 */
import { BACKEND_NAMES, type BackendName } from '@engine/backends-order';
import { COMPUTE_PATH_KEYS, COMPUTE_PATH_REGISTRY, type ComputePathKey } from '@engine/registry/compute-paths';
import type { RunConfig } from '@engine/types';

/** Members trained together in one timed cell. */
export const POPULATIONS = [1, 8, 32, 128] as const;
export const BATCH = 32;
export const WARMUP_STEPS = 5;

export interface BenchPath {
  /** The key readers and tests see: the backend for tfjs, the path's own key otherwise. */
  id: string;
  backend: BackendName;
  path: ComputePathKey;
}

/** tfjs on each backend in the engine's order, then each path that runs no tfjs op, under the CPU backend. */
export const BENCH_PATHS: BenchPath[] = [
  ...BACKEND_NAMES.map((backend) => ({ id: backend, backend, path: 'tfjs' as ComputePathKey })),
  ...COMPUTE_PATH_KEYS.filter((path) => !COMPUTE_PATH_REGISTRY[path].tfjsOps).map((path) => ({ id: path, backend: 'cpu' as BackendName, path })),
];

/**
 * The digits MLP (784 → 32 ReLU → 10 softmax, Adam 0.003, batch 32) as a population of `members` seeds. It trains
 * on 100 of the digits (10 per class): the work per step is one batch of 32 whatever the data size, and every
 * member holds its own copy of its rows, so 700 rows would cost P × 2 MB of setup that times nothing.
 */
export function workloadConfig(members: number, seed: number): RunConfig {
  return {
    model: { inputShape: [784], layers: [{ type: 'dense', units: 32, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }], initializer: { name: 'he_normal' } },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.003 }, batchSize: BATCH, seed },
    dataset: { kind: 'digits', seed: 1, trainOn: { split: 'train', perClass: 10 } },
    population: { size: members, members: Array.from({ length: members }, (_, i) => ({ seed: seed + i })) },
    telemetry: { every: 1000, validation: false, trainMetrics: false },
  };
}

/** Why a path has no numbers: it did not start here, the GPU was lost while measuring, or it failed. */
export type Missing = { kind: 'unavailable'; reason: string } | { kind: 'lost' } | { kind: 'failed' };

export class Measurements {
  /** Path id → population → training examples per second. */
  readonly throughput = new Map<string, Map<number, number>>();
  readonly missing = new Map<string, Missing>();
  /** Path id → the first population not measured because one step of the previous one outlasted a whole cell. */
  readonly tooSlowFrom = new Map<string, number>();

  clear(): void {
    this.throughput.clear();
    this.missing.clear();
    this.tooSlowFrom.clear();
  }

  add(id: string, population: number, examplesPerSecond: number): void {
    if (!(examplesPerSecond > 0) || !Number.isFinite(examplesPerSecond)) throw new Error(`not a throughput: ${examplesPerSecond}`);
    const cells = this.throughput.get(id) ?? new Map<number, number>();
    cells.set(population, examplesPerSecond);
    this.throughput.set(id, cells);
  }

  /** `{path: {P: examples/s}}` (what `data-throughput` holds). */
  toJSON(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.throughput].map(([id, cells]) => [id, Object.fromEntries([...cells].map(([p, v]) => [String(p), Math.round(v)]))]));
  }

  /** The fastest path at each population measured on at least two paths. */
  fastest(): { population: number; id: string }[] {
    return POPULATIONS.flatMap((population) => {
      const cells = [...this.throughput].flatMap(([id, cells]) => (cells.has(population) ? [{ id, value: cells.get(population) as number }] : []));
      if (cells.length < 2) return [];
      return [{ population, id: cells.reduce((best, cell) => (cell.value > best.value ? cell : best)).id }];
    });
  }

  /** Runs of consecutive populations with the same fastest path: "dense-wasm at P = 1–8, webgpu from P = 32". */
  winners(): { id: string; from: number; to: number; last: boolean }[] {
    const fastest = this.fastest();
    const runs: { id: string; from: number; to: number; last: boolean }[] = [];
    for (const { population, id } of fastest) {
      const current = runs.at(-1);
      if (current && current.id === id) current.to = population;
      else runs.push({ id, from: population, to: population, last: false });
    }
    const last = runs.at(-1);
    if (last && runs.length > 1) last.last = true;
    return runs;
  }
}
