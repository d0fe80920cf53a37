/**
 * tfjs-webgpu against dense-wasm on the standard ensemble (`ensemble(P)` in workloads.ts, definition unchanged)
 * at P = 64 … 4096: the measurement behind `GPU_MIN_POPULATION` (src/engine/train/path-choice.ts).
 * Not a test, and not part of `npm run bench`: it needs a WebGPU implementation in Node, Dawn's dawn.node from
 * the `webgpu` npm package, passed as `--webgpu DIR/index.js` (scripts/gpu/pack-threshold-bench.sh packs it).
 *
 * Both paths are the engine's own kernels, built as "auto" builds them (`COMPUTE_PATHS[path].create`) in this one
 * Node process: dense-wasm (no tfjs op) and the tfjs path on the webgpu backend. Per P and run, interleaved:
 * build the kernel (timed apart), WARMUP steps, then the same `steps` on both paths, waiting for the GPU
 * (`settle`, one read-back) every CHUNK steps as the runner does between progress events. Wall time per step,
 * min and median of RUNS. After the first run the two paths' parameters are compared (same seed, same steps).
 *
 *   node gpu-threshold.bench.mjs --webgpu DIR/index.js --dense-wasm FILE --out DIR [--quick] [--runs N] [--plan P:steps,…]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { activate } from '../src/engine/backends';
import { setDenseWasmSource } from '../src/engine/kernels/dense-wasm/load';
import * as tf from '../src/engine/tf';
import { settle } from '../src/engine/train/auto-backend';
import { COMPUTE_PATHS } from '../src/engine/train/compute-paths';
import type { ResolvedConfig } from '../src/engine/resolved';
import { MAX_POPULATION, validateConfig } from '../src/engine/validate';
import { ensemble } from './workloads';

const argv = process.argv;
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1]!;
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
};
const quick = argv.includes('--quick');
const RUNS = quick ? 2 : Math.max(5, Number(arg('runs', '5')));
const WARMUP = quick ? 2 : 10;
const CHUNK = 10;
/** Wall time allowed for the timed runs at one P, both paths together (fewer steps where a path is slow). */
const BUDGET_MS = quick ? 20_000 : 40_000;
/** Same steps on both paths at each P; fewer at large P, where dense-wasm's step costs ~0.1 s and has no fixed part. */
const DEFAULT_PLAN = quick ? '8:4' : '64:300,256:300,512:200,1024:100,2048:50,4096:50';
/** `--plan P:steps,…` */
const PLAN = arg('plan', DEFAULT_PLAN).split(',').map((entry) => {
  const [P, steps] = entry.split(':').map(Number);
  return { P: P!, steps: steps! };
});
const PATHS = ['dense-wasm', 'tfjs-webgpu'] as const;
type Path = (typeof PATHS)[number];

const out = resolve(arg('out'));
mkdirSync(out, { recursive: true });
const lines: string[] = [];
const log = (line: string) => {
  console.log(line);
  lines.push(line);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Shader modules Dawn compiled so far (a compile inside the timed steps would be counted in their time). */
let compiled = 0;

/**
 * The validated ensemble(P). The engine accepts at most MAX_POPULATION (1024) members per run; above that the
 * config is validated in slices of 1024 members and their resolved members joined (the kernels take any P),
 * so P = 2048 and 4096 show how both paths grow past the engine's limit.
 */
function resolvedEnsemble(P: number): ResolvedConfig {
  const config = ensemble(P).config;
  const members = config.population!.members!;
  const slices: ResolvedConfig[] = [];
  for (let i = 0; i < P; i += MAX_POPULATION) {
    const slice = members.slice(i, i + MAX_POPULATION);
    slices.push(validateConfig({ ...config, population: { ...config.population!, size: slice.length, members: slice } }));
  }
  return { ...slices[0]!, members: slices.flatMap((s) => s.members) };
}

interface Run {
  compiledWhileTimed: number;
  buildMs: number;
  msPerStep: number;
  cpuMsPerStep: number;
}

async function timeOnce(path: Path, P: number, steps: number, keepParams: boolean) {
  const config = resolvedEnsemble(P);
  const t0 = performance.now();
  const kernel = await COMPUTE_PATHS[path === 'dense-wasm' ? 'dense-wasm' : 'tfjs'].create(config);
  if (kernel.path !== (path === 'dense-wasm' ? 'dense-wasm' : 'tfjs')) throw new Error(`built ${kernel.path} for ${path}`);
  try {
    kernel.runSteps(WARMUP, false);
    await settle(kernel);
    const buildMs = performance.now() - t0;
    const compiled0 = compiled;
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    for (let done = 0; done < steps; done += CHUNK) {
      kernel.runSteps(Math.min(CHUNK, steps - done), false);
      await settle(kernel);
    }
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const run: Run = { compiledWhileTimed: compiled - compiled0, buildMs, msPerStep: ms / steps, cpuMsPerStep: (cpu.user + cpu.system) / 1000 / steps };
    const params = keepParams ? await kernel.readParams() : null;
    return { run, params: params && new Map([...params].map(([k, v]) => [k, Float32Array.from(v.values)])) };
  } finally {
    kernel.dispose();
  }
}

function maxDiff(a: Map<string, Float32Array>, b: Map<string, Float32Array>): number {
  let worst = 0;
  for (const [key, x] of a) {
    const y = b.get(key)!;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!));
  }
  return worst;
}

async function main(): Promise<void> {
  const { create, globals } = await import(pathToFileURL(resolve(arg('webgpu'))).href);
  Object.assign(globalThis, globals);
  const createShaderModule = globals.GPUDevice.prototype.createShaderModule;
  globals.GPUDevice.prototype.createShaderModule = function (this: unknown, descriptor: unknown) {
    compiled++;
    return createShaderModule.call(this, descriptor);
  };
  const gpu = create([]);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter (is a Vulkan driver installed?)');
  const { vendor, architecture, device, description } = adapter.info;
  const adapterInfo = { vendor, architecture, device, description, isFallbackAdapter: adapter.info.isFallbackAdapter ?? null };
  setDenseWasmSource(readFileSync(arg('dense-wasm')));
  if (!(await activate('webgpu'))) throw new Error('the engine could not activate tfjs-webgpu');
  log(`Node ${process.version}; tfjs ${tf.version.tfjs} on ${tf.getBackend()}; adapter ${JSON.stringify(adapterInfo)}`);
  log(`ensemble(P): ${ensemble(64).name.replace('64', 'P')}; ${RUNS} interleaved runs, ${WARMUP} warm-up steps, read-back every ${CHUNK} steps`);
  log(`${'P'.padStart(5)} ${'steps'.padStart(5)}  ${'dense-wasm ms/step min / median'.padStart(32)}  ${'tfjs-webgpu ms/step min / median'.padStart(33)}  webgpu÷dense (median)  max |Δθ|  shaders compiled while timed`);
  const results = [];
  for (const { P, steps: planned } of PLAN) {
    const runs: Record<Path, Run[]> = { 'dense-wasm': [], 'tfjs-webgpu': [] };
    let diff = NaN;
    // Warm-up runs (JIT, shader compilation), which also bound the steps: at most BUDGET_MS for all runs of this P.
    const warm = (await timeOnce('dense-wasm', P, Math.min(planned, 20), false)).run.msPerStep + (await timeOnce('tfjs-webgpu', P, Math.min(planned, 20), false)).run.msPerStep;
    const steps = Math.min(planned, Math.max(CHUNK, Math.floor(BUDGET_MS / RUNS / warm / CHUNK) * CHUNK));
    for (let r = 0; r < RUNS; r++) {
      const order = r % 2 ? [...PATHS].reverse() : PATHS;
      const got = new Map<Path, Awaited<ReturnType<typeof timeOnce>>>();
      for (const path of order) got.set(path, await timeOnce(path, P, steps, r === 0));
      for (const path of PATHS) runs[path].push(got.get(path)!.run);
      if (r === 0) diff = maxDiff(got.get('dense-wasm')!.params!, got.get('tfjs-webgpu')!.params!);
    }
    const stat = (path: Path) => {
      const ms = runs[path].map((x) => x.msPerStep);
      return { min: Math.min(...ms), median: median(ms), cpuMedian: median(runs[path].map((x) => x.cpuMsPerStep)), buildMsMedian: median(runs[path].map((x) => x.buildMs)), runs: runs[path] };
    };
    const dense = stat('dense-wasm');
    const gpuStat = stat('tfjs-webgpu');
    const ratio = median(runs['tfjs-webgpu'].map((g, i) => g.msPerStep / runs['dense-wasm'][i]!.msPerStep));
    const f = (x: number) => x.toFixed(3).padStart(9);
    log(`${String(P).padStart(5)} ${String(steps).padStart(5)}  ${f(dense.min)} / ${f(dense.median)}${' '.repeat(11)}  ${f(gpuStat.min)} / ${f(gpuStat.median)}${' '.repeat(12)}  ${ratio.toFixed(2).padStart(8)}          ${diff.toExponential(1)}  ${runs['tfjs-webgpu'].map((x) => x.compiledWhileTimed).join(',')}`);
    results.push({ P, steps, denseWasm: dense, tfjsWebgpu: gpuStat, webgpuOverDensePairedMedian: ratio, maxParamDiffAfterFirstRun: diff });
    // Written after every P, so a run stopped by a time limit still leaves what it measured.
    writeFileSync(`${out}/gpu-threshold.json`, JSON.stringify({ adapter: adapterInfo, node: process.version, tfjs: tf.version.tfjs, runs: RUNS, warmup: WARMUP, chunk: CHUNK, results }, null, 1));
    writeFileSync(`${out}/gpu-threshold.txt`, `${lines.join('\n')}\n`);
  }
}

await main();
