/**
 * Throughput of one compute path: train a config on a named tfjs backend and compute path, with no fallback,
 * for a fixed wall time after a warm-up, and report the optimizer steps it did and the training examples per
 * second (members × batch × steps / seconds). A benchmark asks this of every path in turn; a path that cannot
 * start here fails with its own code (never a zero), so the page can say it is not available.
 */
import { activate, unavailableReason, watchDeviceLoss } from '../backends';
import type { BackendName } from '../config';
import { EngineError } from '../errors';
import { planModel } from '../model/shapes';
import type { ComputePathKey } from '../registry/compute-paths';
import type { ResolvedConfig } from '../resolved';
import type { ThroughputRequest } from '../api';
import type { ThroughputEvent } from '../telemetry';
import { settle } from './auto-backend';
import { COMPUTE_PATHS } from './compute-paths';

export const DEFAULT_WARMUP_STEPS = 5;
/** Steps run between two clock readings grow until one chunk takes this long (few readbacks, little overshoot). */
const CHUNK_MILLISECONDS = 50;

export interface ThroughputOptions {
  wasmPath: string;
  /** The clock (tests inject one). */
  now?: () => number;
}

/** Checks a request; throws `out_of_range` naming the field. */
function checkRequest(request: ThroughputRequest): void {
  if (!(request.seconds > 0 && request.seconds <= 60)) throw new EngineError('out_of_range', 'seconds must be in (0, 60]', 'seconds', { min: 0, max: 60, exclusive: true });
  const warmup = request.warmupSteps ?? DEFAULT_WARMUP_STEPS;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup > 1000) throw new EngineError('out_of_range', 'warmupSteps must be an integer in [0, 1000]', 'warmupSteps', { min: 0, max: 1000, integer: true });
  if (!Object.hasOwn(COMPUTE_PATHS, request.path)) throw new EngineError('unknown_path', `unknown compute path ${request.path}`, 'path', { allowed: Object.keys(COMPUTE_PATHS) });
}

/** Activates `backend` (no fallback) and builds `path` on it; throws `backend_unavailable` / `path_unavailable`. */
async function open(config: ResolvedConfig, backend: BackendName, path: ComputePathKey, wasmPath: string) {
  const reason = unavailableReason(backend);
  if (reason || !(await activate(backend, wasmPath))) throw new EngineError('backend_unavailable', `backend ${backend} did not start: ${reason ?? 'init_failed'}`, 'backend', { allowed: [reason ?? 'init_failed'] });
  const plans = planModel(config.model.inputShape, config.model.layers);
  if (!Array.isArray(plans)) throw new EngineError('bad_architecture', plans.problem, `model.layers[${plans.index}]`);
  if (!COMPUTE_PATHS[path].supports(config, plans, backend)) throw new EngineError('path_unavailable', `compute path ${path} does not run this config on ${backend}`, 'path', { allowed: ['unsupported'] });
  try {
    return await COMPUTE_PATHS[path].create(config);
  } catch (error) {
    throw new EngineError('path_unavailable', `compute path ${path} failed to start: ${error instanceof Error ? error.message : String(error)}`, 'path', { allowed: ['init_failed'] });
  }
}

export async function measureThroughput(config: ResolvedConfig, request: ThroughputRequest, requestId: number, options: ThroughputOptions): Promise<ThroughputEvent> {
  checkRequest(request);
  const now = options.now ?? (() => performance.now());
  const kernel = await open(config, request.backend, request.path, options.wasmPath);
  let lost = false;
  watchDeviceLoss(() => (lost = true));
  const step = async (count: number) => {
    try {
      kernel.runSteps(count, false);
      await settle(kernel);
    } catch (error) {
      if (lost) throw new EngineError('device_lost', 'the GPU device was lost while measuring', 'backend');
      throw error;
    }
    if (lost) throw new EngineError('device_lost', 'the GPU device was lost while measuring', 'backend');
  };
  try {
    const limit = request.seconds * 1000;
    // Warm-up (shader compilation, first allocations): up to `warmupSteps`, but once at least one step is done,
    // no longer than the timed wall time (a step of a large population on a slow path can take seconds).
    const warmupSteps = request.warmupSteps ?? DEFAULT_WARMUP_STEPS;
    const warmStart = now();
    for (let done = 0; done < warmupSteps && (done === 0 || now() - warmStart < limit); done++) await step(1);
    const start = now();
    let steps = 0;
    let chunk = 1;
    let elapsed = 0;
    while (elapsed < limit) {
      const before = now();
      await step(chunk);
      steps += chunk;
      elapsed = now() - start;
      // Grow the chunk while a chunk is short, but never past what the time left is likely to hold.
      const took = now() - before;
      if (took < CHUNK_MILLISECONDS) chunk = Math.max(1, Math.min(chunk * 2, Math.floor(((limit - elapsed) / Math.max(took, 1e-3)) * chunk)));
    }
    const seconds = elapsed / 1000;
    const members = config.members.length;
    const batchSize = kernel.batchSize;
    return { type: 'throughput', requestId, backend: request.backend, path: request.path, members, batchSize, steps, seconds, examplesPerSecond: (members * batchSize * steps) / seconds };
  } finally {
    try {
      kernel.dispose();
    } catch {
      // A lost device cannot release its tensors, and need not.
    }
  }
}
