/**
 * The "auto" rule, kept free of timing so it can be tested with any numbers: among the candidates timed on
 * this workload, the fastest wins; a tie goes to the one timed first (backend order webgpu → webgl → wasm →
 * cpu, and within a backend the compute-path order, dense-wasm before tfjs). A GPU backend is a candidate
 * only for populations of at least GPU_MIN_POPULATION members when dense-wasm can train the network and it is a
 * dense one (no conv or pool layers).
 */
import type { BackendName } from '../config';
import type { ComputePathName } from './compute-paths';

/** A compute path on an active tfjs backend. */
export interface Candidate {
  backend: BackendName;
  path: ComputePathName;
}

export interface TimedCandidate extends Candidate {
  stepsPerSecond: number;
}

/** How a measurement is named in the backend event: tfjs by its backend, any other path by its own key. */
export type MeasurementKey = BackendName | Exclude<ComputePathName, 'tfjs'>;

export function measurementKey(candidate: Candidate): MeasurementKey {
  return candidate.path === 'tfjs' ? candidate.backend : candidate.path;
}

/** The fastest finite measurement, or null when none is. */
export function fastestCandidate(timed: readonly TimedCandidate[]): TimedCandidate | null {
  let best: TimedCandidate | null = null;
  for (const candidate of timed) {
    if (!Number.isFinite(candidate.stepsPerSecond) || candidate.stepsPerSecond <= 0) continue;
    if (!best || candidate.stepsPerSecond > best.stepsPerSecond) best = candidate;
  }
  return best;
}

export const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];

/**
 * Below this many members a GPU backend is not even started for a network that dense-wasm can train: it is
 * not timed, and the measurement decides among the rest. From P = GPU_MIN_POPULATION up, the GPU is timed
 * against dense-wasm as before and the faster wins.
 *
 * Measured (docs/engine/gpu-threshold.md, bench/gpu-threshold.bench.ts, 2026-11-26): the standard ensemble
 * (1-16-16-1 tanh, 100 rows, full batch) on an NVIDIA H100 through Dawn (tfjs-webgpu 4.22 in Node 22) against
 * dense-wasm on one core of the same machine's Xeon. tfjs-webgpu cost a flat 6.3–9.1 ms per step (medians)
 * from P = 64 to 4,096, nearly all of it CPU time in tfjs and Dawn issuing the step's kernels, not GPU work;
 * dense-wasm cost 22–25 µs per member-step. Paired median time ratio webgpu ÷ dense-wasm: 4.87 at P = 64,
 * 1.19 at 256 (both device runs), 0.89 at 384, 0.30–0.35 at 1,024, so the crossover lies near P ≈ 330. At P = 128 the GPU would take about 2.2 times as long.
 * 128 is half of the largest population where dense-wasm still won: a reader whose CPU is up to about twice
 * as slow against its GPU as this machine still has the GPU measured where it could win. WebGL was not
 * measured: it takes the same bar on the assumption that its cost at small P is likewise a fixed cost per
 * kernel issued (tfjs-webgl runs the same kernels of the same step).
 */
export const GPU_MIN_POPULATION = 128;

/**
 * Whether tfjs on `backend` is worth starting and timing for a population of `members`, where
 * `denseWasmCanTrain` says whether dense-wasm can train this network on one of the CPU backends tried and the
 * network is a dense one (the threshold was measured on dense networks; the caller passes false for a convnet,
 * whose GPU candidates are timed against dense-wasm at any population size).
 */
export function gpuWorthTiming(backend: BackendName, members: number, denseWasmCanTrain: boolean): boolean {
  return !GPU_BACKENDS.includes(backend) || !denseWasmCanTrain || members >= GPU_MIN_POPULATION;
}
