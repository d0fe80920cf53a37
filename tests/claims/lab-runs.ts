/**
 * The debugging lab's runs (chapter 4, docs/project-lifecycle/outline.md, «Experiment `debugging-lab`») trained in
 * Node: the project model (784-32-10 ReLU/he_normal, softmax, cross-entropy, Adam 0.001, batch 32, 15 epochs,
 * digits 70/20/10 with data seed 1) healthy or with one planted fault, seeds 1–5 as one population, a progress
 * event every 10 steps with the lab's telemetry. On the wasm backend: dense-wasm for the faults it honours,
 * tfjs-wasm for the others (the path choice is the engine's own, `createKernel`).
 */
import { activate } from '@engine/backends';
import type { RunConfig } from '@engine/config';
import type { FaultKey } from '@engine/faults';
import { createKernel } from '@engine/train/compute-paths';
import type { PopulationKernel } from '@engine/train/kernel';
import { progress } from '@engine/train/progress';
import type { DivergedEvent, ProgressEvent } from '@engine/types';

export const LAB_SEEDS = [1, 2, 3, 4, 5] as const;
export const LAB_EPOCHS = 15;
export const LAB_EVERY = 10;

export interface LabOptions {
  fault?: FaultKey | null;
  /** Multiplies the project rate (the log-zero-nan control: the fault's rate with the stable loss). */
  rateFactor?: number;
}

export function labConfig(options: LabOptions = {}): RunConfig {
  return {
    model: {
      inputShape: [784],
      layers: [
        { type: 'dense', units: 32, activation: 'relu', initializer: { name: 'he_normal' }, name: 'hidden' },
        { type: 'dense', units: 10, activation: 'softmax', initializer: { name: 'he_normal' }, name: 'output' },
      ],
    },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 * (options.rateFactor ?? 1) }, batchSize: 32, seed: 1, epochs: LAB_EPOCHS },
    dataset: { kind: 'digits', seed: 1 },
    population: { size: LAB_SEEDS.length, members: LAB_SEEDS.map((seed) => ({ seed })) },
    telemetry: { every: LAB_EVERY, layerStats: true, activationStats: true, validation: true, trainMetrics: true },
    runtime: { backend: 'wasm', lab: true },
    ...(options.fault ? { faults: [options.fault] } : {}),
  };
}

export interface LabRun {
  path: string;
  events: ProgressEvent[];
  diverged: DivergedEvent[];
  /** Per event, per member: a number measured on the kernel before the event was built (see `probe`). */
  probes: number[][];
  kernel: PopulationKernel;
}

let ready: Promise<boolean> | null = null;

/** Trains one lab run to its last epoch (or until every member has diverged); `probe` runs on the kernel after each chunk of steps, before the event
 * (a member that diverges there is neutralized by the event). The caller disposes `kernel`. */
export async function trainLab(options: LabOptions, probe?: (kernel: PopulationKernel) => Promise<number[]>): Promise<LabRun> {
  ready ??= activate('wasm');
  if (!(await ready)) throw new Error('wasm backend did not initialize');
  const kernel = await createKernel(labConfig(options), 'wasm');
  const total = LAB_EPOCHS * kernel.stepsPerEpoch;
  const run: LabRun = { path: kernel.path, events: [], diverged: [], probes: [], kernel };
  while (kernel.step < total) {
    kernel.runSteps(Math.min(LAB_EVERY, total - kernel.step), true);
    if (probe) run.probes.push(await probe(kernel));
    const { event, diverged } = await progress(kernel, 'wasm', 0);
    run.events.push(event);
    run.diverged.push(...diverged);
    if (kernel.diverged.every(Boolean)) break; // nothing left to train: every member is neutralized
  }
  return run;
}

/** Member p's series of one metric over the events. */
export const series = (events: ProgressEvent[], p: number, pick: (event: ProgressEvent, p: number) => number | null | undefined): number[] =>
  events.map((event) => pick(event, p) ?? NaN);

/** The largest logit spread (max − min logit of a row) over rows (inputs as the network sees them) of a
 * 784-h-10 dense net, per member: softmax underflows to an exact 0 in float32 once it passes ≈ 103. */
export async function logitSpreads(kernel: PopulationKernel, rows: Float32Array, count: number): Promise<number[]> {
  const params = await kernel.readParams();
  const get = (name: string) => params.get(name)!;
  const w1 = get('hidden/kernel');
  const b1 = get('hidden/bias');
  const w2 = get('output/kernel');
  const b2 = get('output/bias');
  const [inputs, hidden] = w1.shape as [number, number];
  const outputs = w2.shape[1] as number;
  return Array.from({ length: kernel.members }, (_, p) => {
    let top = 0;
    const h = new Float64Array(hidden);
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < hidden; j++) h[j] = b1.values[p * hidden + j]!;
      for (let i = 0; i < inputs; i++) {
        const x = rows[r * inputs + i]!;
        if (x === 0) continue; // most pixels are blank
        const at = (p * inputs + i) * hidden;
        for (let j = 0; j < hidden; j++) h[j] = h[j]! + x * w1.values[at + j]!;
      }
      let high = -Infinity;
      let low = Infinity;
      for (let k = 0; k < outputs; k++) {
        let z = b2.values[p * outputs + k]!;
        for (let j = 0; j < hidden; j++) z += Math.max(0, h[j]!) * w2.values[(p * hidden + j) * outputs + k]!;
        high = Math.max(high, z);
        low = Math.min(low, z);
      }
      top = Math.max(top, high - low);
    }
    return top;
  });
}
