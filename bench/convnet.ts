/**
 * Chapter 3's convnet (`PRIOR_MODELS.convnet`: conv 4×3×3 'same' ReLU → max pool 2 → dense 10 softmax; 5 seeds,
 * 700 digits, Adam, batch 32, 150 steps) run as the widget runs it: a progress read-back every 10 steps with
 * train and validation metrics (200 digits). dense-wasm against the tfjs path on tfjs-cpu (the engine's
 * population conv kernels), interleaved run by run, so the ratio compares runs made under the same load.
 */
import { activate } from '../src/engine/backends';
import type { RunConfig } from '../src/engine/config';
import { createKernel, type ComputePathName } from '../src/engine/train/compute-paths';
import { digitsExperiment } from '../src/widgets/digits-experiment/definition';
import { priorsPlans } from '../src/widgets/digits-experiment/plans-priors';
import { presetState } from '../src/widgets/shell/definition';

const config = (): RunConfig => {
  const plan = priorsPlans['mlp-vs-convnet'](presetState(digitsExperiment, 'mlp-vs-convnet'), [1, 2, 3, 4, 5]);
  const run = plan.runs.find((r) => r.arms[0] === 'convnet/700');
  if (!run || run.kind !== 'engine') throw new Error('no convnet/700 run in the mlp-vs-convnet plan');
  return run.config;
};

/** Process CPU seconds of one whole run (building it included) on `path` under the cpu backend. */
async function timeConvnet(path: ComputePathName, steps: number, every: number): Promise<number> {
  const cpu0 = process.cpuUsage();
  const kernel = await createKernel(config(), 'cpu', path);
  if (kernel.path !== path) throw new Error(`expected ${path}, the engine chose ${kernel.path}`);
  for (let done = 0; done < steps; done += every) {
    kernel.runSteps(every, true);
    await kernel.readBack(null);
  }
  kernel.dispose();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1e6;
}

export async function compareConvnet(runs: number, median: (xs: number[]) => number, load: () => string): Promise<void> {
  if (!(await activate('cpu'))) throw new Error('tfjs-cpu failed to initialize');
  const paths: ComputePathName[] = ['dense-wasm', 'tfjs'];
  for (const path of paths) await timeConvnet(path, 10, 10); // warm-up (JIT, kernels)
  const times = new Map<ComputePathName, number[]>(paths.map((p) => [p, []]));
  for (let run = 0; run < runs; run++) for (const path of paths) times.get(path)!.push(await timeConvnet(path, 150, 10));
  const wasm = times.get('dense-wasm')!;
  const tfjs = times.get('tfjs')!;
  console.log(`\nChapter 3's convnet: 5 × conv 4×3×3 → max pool 2 → dense 10, 700 digits, 150 Adam steps, read-back every 10 (${runs} interleaved runs; load average now ${load()})`);
  console.log(`  ${'path'.padEnd(22)} ${'CPU min'.padStart(10)} ${'CPU median'.padStart(11)}`);
  console.log(`  ${'dense-wasm'.padEnd(22)} ${Math.min(...wasm).toFixed(3).padStart(8)} s ${median(wasm).toFixed(3).padStart(9)} s`);
  console.log(`  ${'tfjs-cpu (conv kernels)'.padEnd(22)} ${Math.min(...tfjs).toFixed(3).padStart(8)} s ${median(tfjs).toFixed(3).padStart(9)} s`);
  // Paired: run i of one path against run i of the other (same moment, same load).
  console.log(`  tfjs-cpu ÷ dense-wasm (paired median): ${median(tfjs.map((t, i) => t / wasm[i]!)).toFixed(2)}×`);
}
