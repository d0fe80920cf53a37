/**
 * "auto": time a few steps of the actual workload on every candidate that starts here, keep the fastest, and
 * remember the choice per workload (members × parameters × batch) for the life of the page or worker.
 *
 * A candidate is a compute path on a tfjs backend: tfjs on each backend that initializes, and each
 * specialised path (dense-wasm) where it supports the config. dense-wasm runs no tfjs op, so it is timed once,
 * on the first backend it accepts (a CPU one), and that backend stays active under it if it wins.
 *
 * Population size matters: the workload key holds P, so each population is timed on its own, and a GPU
 * backend is chosen only where it measured faster than dense-wasm for this population on this machine. Below
 * GPU_MIN_POPULATION (path-choice.ts, set from a measurement on an NVIDIA H100) a GPU backend is not started
 * at all for a network that dense-wasm can train: there it was several times slower.
 */
import { BACKEND_ORDER, activate as activateBackend, unavailableReason as whyUnavailable } from '../backends';
import type { BackendName } from '../config';
import { planModel, type LayerPlan } from '../model/shapes';
import type { ResolvedConfig } from '../resolved';
import * as tf from '../tf';
import { COMPUTE_PATHS, COMPUTE_PATH_ORDER, type ComputePathName } from './compute-paths';
import { COMPUTE_PATH_REGISTRY } from '../registry/compute-paths';
import type { PopulationKernel } from './kernel';
import { TrainingSession } from './session';
import { fastestCandidate, gpuWorthTiming, measurementKey, type Candidate, type MeasurementKey, type TimedCandidate } from './path-choice';

/** Steps timed per candidate (after warm-up), or fewer if the time budget runs out. */
const TIMED_STEPS = 30;
const WARMUP_STEPS = 3;
const BUDGET_MILLISECONDS = 1500;

interface Choice {
  name: BackendName;
  path: ComputePathName;
  stepsPerSecond: number;
  measurements: Partial<Record<MeasurementKey, number>>;
}

const cache = new Map<string, Choice>();

/** members × parameters per member × batch size. */
export function workloadKey(config: ResolvedConfig): string {
  const plans = planModel(config.model.inputShape, config.model.layers);
  const parameters = Array.isArray(plans) ? plans.flatMap((p) => p.params).reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0) : 0;
  return `${config.members.length}x${parameters}x${config.training.batchSize}`;
}

export interface Measurement extends Choice {
  unavailable: Partial<Record<BackendName, string>>;
  cached: boolean;
}

/** What measuring needs from the outside world; tests inject timings and availability. */
export interface MeasureDeps {
  unavailableReason(name: BackendName): string | null;
  activate(name: BackendName, wasmPath: string): Promise<boolean>;
  /** Steps per second of `candidate` on this workload (its backend is active). */
  time(config: ResolvedConfig, candidate: Candidate): Promise<number>;
  /** Whether a path trains this config on this backend (`COMPUTE_PATHS[path].supports`). */
  supports(config: ResolvedConfig, plans: LayerPlan[], path: ComputePathName, backend: BackendName): boolean;
}

/** Waits for the work queued so far (a GPU backend runs asynchronously); dense-wasm is synchronous. */
export async function settle(kernel: PopulationKernel): Promise<void> {
  if (kernel instanceof TrainingSession) await (kernel.params.values().next().value as tf.Tensor).data();
}

async function timeKernel(config: ResolvedConfig, candidate: Candidate): Promise<number> {
  const kernel = await COMPUTE_PATHS[candidate.path].create(config);
  try {
    kernel.runSteps(WARMUP_STEPS, false);
    await settle(kernel);
    const start = performance.now();
    let steps = 0;
    while (steps < TIMED_STEPS && performance.now() - start < BUDGET_MILLISECONDS) {
      kernel.runSteps(5, false);
      steps += 5;
      await settle(kernel);
    }
    return (steps * 1000) / Math.max(1e-3, performance.now() - start);
  } finally {
    kernel.dispose();
  }
}

export const realDeps: MeasureDeps = {
  unavailableReason: whyUnavailable,
  activate: activateBackend,
  time: timeKernel,
  supports: (config, plans, path, backend) => COMPUTE_PATHS[path].supports(config, plans, backend),
};

/** Times every candidate (unless this workload was measured before) and returns the fastest. */
export async function measureBackends(config: ResolvedConfig, wasmPath: string, order: BackendName[] = BACKEND_ORDER, deps: MeasureDeps = realDeps): Promise<Measurement> {
  const key = workloadKey(config);
  const hit = cache.get(key);
  if (hit) return { ...hit, unavailable: {}, cached: true };
  const plans = planModel(config.model.inputShape, config.model.layers);
  if (!Array.isArray(plans)) throw new Error(plans.problem);
  const timed: TimedCandidate[] = [];
  const unavailable: Partial<Record<BackendName, string>> = {};
  const timedPaths = new Set<ComputePathName>();
  // GPU_MIN_POPULATION was measured on dense networks: a convnet keeps its GPU candidates timed at any size.
  const denseNet = !plans.some((plan) => plan.spec.type !== 'dense' && plan.spec.type !== 'flatten');
  const thresholdApplies = denseNet && order.some((name) => deps.supports(config, plans, 'dense-wasm', name));
  for (const name of order) {
    if (!gpuWorthTiming(name, config.members.length, thresholdApplies)) continue;
    const reason = deps.unavailableReason(name);
    if (reason || !(await deps.activate(name, wasmPath))) {
      unavailable[name] = reason ?? 'init_failed';
      continue;
    }
    for (const path of COMPUTE_PATH_ORDER) {
      // A path without tfjs ops is timed once, on the first backend it accepts; tfjs on every backend.
      if (timedPaths.has(path) || !deps.supports(config, plans, path, name)) continue;
      if (!COMPUTE_PATH_REGISTRY[path].tfjsOps) timedPaths.add(path);
      const candidate = { backend: name, path };
      try {
        timed.push({ ...candidate, stepsPerSecond: await deps.time(config, candidate) });
      } catch {
        if (path === 'tfjs') unavailable[name] = 'failed_while_training';
      }
    }
  }
  const best = fastestCandidate(timed);
  if (!best) throw new Error('no backend could train this workload');
  const measurements = Object.fromEntries(timed.map((t) => [measurementKey(t), t.stepsPerSecond])) as Partial<Record<MeasurementKey, number>>;
  const choice: Choice = { name: best.backend, path: best.path, stepsPerSecond: best.stepsPerSecond, measurements };
  cache.set(key, choice);
  return { ...choice, unavailable, cached: false };
}

/** Forgets every measured choice (tests). */
export function clearMeasurements(): void {
  cache.clear();
}
