/**
 * "auto" backend choice: time a few steps of the actual workload on every backend that initializes here,
 * keep the fastest, and remember the choice per workload size (members × parameters × batch) for the life
 * of the page or worker. Tiny single networks usually win on wasm or cpu (GPU dispatch costs more than the
 * arithmetic); large populations and digit models on a real GPU.
 */
import { BACKEND_ORDER, activate, unavailableReason } from '../backends';
import type { BackendName } from '../config';
import type { ResolvedConfig } from '../resolved';
import * as tf from '../tf';
import { TrainingSession } from './session';
import { planModel } from '../model/shapes';

/** Steps timed per backend (after warm-up), or fewer if the time budget runs out. */
const TIMED_STEPS = 30;
const WARMUP_STEPS = 3;
const BUDGET_MILLISECONDS = 1500;

const cache = new Map<string, { name: BackendName; stepsPerSecond: number; measurements: Partial<Record<BackendName, number>> }>();

/** members × parameters per member × batch size. */
export function workloadKey(config: ResolvedConfig): string {
  const plans = planModel(config.model.inputShape, config.model.layers);
  const parameters = Array.isArray(plans) ? plans.flatMap((p) => p.params).reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0) : 0;
  return `${config.members.length}x${parameters}x${config.training.batchSize}`;
}

export interface Measurement {
  name: BackendName;
  stepsPerSecond: number;
  measurements: Partial<Record<BackendName, number>>;
  unavailable: Partial<Record<BackendName, string>>;
  cached: boolean;
}

async function timeSteps(config: ResolvedConfig): Promise<number> {
  const session = await TrainingSession.create(config);
  try {
    session.runSteps(WARMUP_STEPS, false);
    await (session.params.values().next().value as tf.Tensor).data(); // wait for queued GPU work
    const start = performance.now();
    let steps = 0;
    while (steps < TIMED_STEPS && performance.now() - start < BUDGET_MILLISECONDS) {
      session.runSteps(5, false);
      steps += 5;
      await (session.params.values().next().value as tf.Tensor).data();
    }
    return (steps * 1000) / (performance.now() - start);
  } finally {
    session.dispose();
  }
}

export async function measureBackends(config: ResolvedConfig, wasmPath: string, order: BackendName[] = BACKEND_ORDER): Promise<Measurement> {
  const measurements: Partial<Record<BackendName, number>> = {};
  const unavailable: Partial<Record<BackendName, string>> = {};
  const key = workloadKey(config);
  const hit = cache.get(key);
  for (const name of order) {
    if (hit) break;
    const reason = unavailableReason(name);
    if (reason || !(await activate(name, wasmPath))) {
      unavailable[name] = reason ?? 'init_failed';
      continue;
    }
    try {
      measurements[name] = await timeSteps(config);
    } catch {
      unavailable[name] = 'failed_while_training';
    }
  }
  if (hit) return { ...hit, unavailable, cached: true };
  const ranked = (Object.entries(measurements) as [BackendName, number][]).sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  if (!best) throw new Error('no backend could train this workload');
  const result = { name: best[0], stepsPerSecond: best[1], measurements };
  cache.set(key, result);
  return { ...result, unavailable, cached: false };
}
