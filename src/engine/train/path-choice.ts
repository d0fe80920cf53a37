/**
 * The "auto" rule, kept free of timing so it can be tested with any numbers: among the candidates timed on
 * this workload, the fastest wins; a tie goes to the one timed first (backend order webgpu → webgl → wasm →
 * cpu, and within a backend the compute-path order, dense-wasm before tfjs).
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
