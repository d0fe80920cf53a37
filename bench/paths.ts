/**
 * One timed run of a workload on each compute path, creation included (data, initial weights, setup), and
 * the work forced to finish before the clock stops. Measured as process CPU time and wall time. The TypeScript reference trains the members one after
 * another (it has no population axis), exactly as a plain per-network engine would.
 */
import { activate } from '../src/engine/backends';
import type { RunConfig } from '../src/engine/config';
import { ReferenceMLP } from '../src/engine/reference/mlp-reference';
import * as tf from '../src/engine/tf';
import { createKernel } from '../src/engine/train/compute-paths';
import { TrainingSession } from '../src/engine/train/session';
import type { Workload } from './workloads';

export type PathName = 'dense-wasm' | 'tfjs-wasm' | 'tfjs-cpu' | 'TS reference';

export interface Timing {
  /** Process CPU seconds (user + system): the engine runs on one thread, so on an idle machine this equals the
   * wall time, and on a loaded one it leaves out the time spent waiting for a core. */
  cpu: number;
  wall: number;
}

/** Seconds for `steps` steps (scaled up by `fraction` < 1 when only that share of the steps is run). */
export async function timeRun(path: PathName, w: Workload, fraction = 1): Promise<Timing> {
  const steps = Math.max(1, Math.round(w.steps * fraction));
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  if (path === 'dense-wasm') {
    // The engine's own choice for a dense network on a CPU backend (train/compute-paths.ts).
    const kernel = await createKernel(w.config, 'cpu');
    if (kernel.path !== 'dense-wasm') throw new Error(`expected dense-wasm, the engine chose ${kernel.path}`);
    kernel.runSteps(steps, false);
  } else if (path === 'TS reference') {
    const members = w.config.population?.members ?? [{}];
    for (const member of members) {
      const config: RunConfig = { ...w.config, population: { size: 1, members: [member], ...(w.config.population?.dataSubset ? { dataSubset: w.config.population.dataSubset } : {}) } };
      const reference = await ReferenceMLP.create(config);
      for (let i = 0; i < steps; i++) reference.trainStep();
    }
  } else {
    if (!(await activate(path === 'tfjs-wasm' ? 'wasm' : 'cpu'))) throw new Error(`${path} failed to initialize`);
    const session = await TrainingSession.create(w.config);
    session.runSteps(steps, false);
    await (session.params.values().next().value as tf.Tensor).data(); // wait for the queued work
    session.dispose();
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpu: (cpu.user + cpu.system) / 1e6 / fraction, wall: (performance.now() - start) / 1000 / fraction };
}
