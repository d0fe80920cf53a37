/**
 * Engine benchmark (not a test; `npm run bench`). The two standard workloads on every compute path,
 * interleaved run by run with the plain TypeScript reference trainer, so every ratio compares runs made under
 * the same machine load; then the ensemble at P = 64, 256 and 1024 on dense-wasm; then chapter 3's convnet on
 * dense-wasm against tfjs-cpu (`convnet.ts`; `--convnet` runs only that). Prints min and median.
 *
 * Ratio to TensorFlow Playground: Playground's engine cannot be vendored, so its speed enters through a
 * calibration constant per workload, k = T_playground / T_reference, measured once on the reference machine
 * (calibration.ts says how). Implied speed-up over Playground = k · T_reference(this run) / T_path(this run).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setWasmPath } from '../src/engine/backends';
import { setDenseWasmSource } from '../src/engine/kernels/dense-wasm/load';
import { CALIBRATION } from './calibration';
import { compareConvnet } from './convnet';
import { timeRun, type PathName, type Timing } from './paths';
import { SWEEP, ensemble, type Workload } from './workloads';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = Math.max(5, arg('runs', 5));
/** `--paths dense-wasm,tfjs-wasm`: only these paths (the TS reference always runs: every ratio needs it). */
const ONLY = (() => {
  const i = process.argv.indexOf('--paths');
  return i >= 0 ? (process.argv[i + 1] ?? '').split(',') : null;
})();
/** tfjs-cpu takes ~10 s a run on the sweep and ~60 s on the ensemble: it runs this share of the steps, scaled. */
const CPU_FRACTION = 0.1;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const fmt = (s: number) => `${s.toFixed(3).padStart(8)} s`;

async function compare(w: Workload, paths: PathName[]): Promise<void> {
  const times = new Map<PathName, Timing[]>(paths.map((p) => [p, []]));
  for (const path of paths) await timeRun(path, w, path === 'tfjs-cpu' ? 0.01 : 0.05); // warm-up (JIT, kernels)
  for (let run = 0; run < RUNS; run++)
    for (const path of paths) times.get(path)!.push(await timeRun(path, w, path === 'tfjs-cpu' ? CPU_FRACTION : 1));
  const ref = times.get('TS reference')!.map((t) => t.cpu);
  const k = CALIBRATION[w.key].factor;
  console.log(`\n${w.name}  (${RUNS} interleaved runs; load average now ${load()})`);
  console.log(`  ${'path'.padEnd(14)} ${'CPU min'.padStart(10)} ${'CPU median'.padStart(11)} ${'wall median'.padStart(12)}   ×reference   ×Playground (implied)`);
  for (const path of paths) {
    const t = times.get(path)!.map((x) => x.cpu);
    const wall = times.get(path)!.map((x) => x.wall);
    // Paired ratios: run i of the path against run i of the reference (same moment, same load).
    const ratio = median(t.map((v, i) => ref[i]! / v));
    const note = path === 'tfjs-cpu' ? `   (${CPU_FRACTION * 100}% of the steps, times scaled)` : '';
    console.log(`  ${path.padEnd(14)} ${fmt(Math.min(...t))} ${fmt(median(t)).padStart(11)} ${fmt(median(wall)).padStart(12)}   ${ratio.toFixed(2).padStart(9)}×   ${(ratio * k).toFixed(1).padStart(9)}×${note}`);
  }
}

async function scaling(): Promise<void> {
  console.log(`\nEnsemble cost against population size on dense-wasm (${RUNS} runs each; load average now ${load()})`);
  console.log(`  ${'P'.padStart(5)} ${'CPU min'.padStart(10)} ${'CPU median'.padStart(10)}   µs per member-step (median)`);
  for (const P of [64, 256, 1024]) {
    const w = ensemble(P);
    await timeRun('dense-wasm', w, 0.05);
    const t: number[] = [];
    for (let run = 0; run < RUNS; run++) t.push((await timeRun('dense-wasm', w)).cpu);
    console.log(`  ${String(P).padStart(5)} ${fmt(Math.min(...t))} ${fmt(median(t))}   ${((median(t) / (P * w.steps)) * 1e6).toFixed(2).padStart(8)}`);
  }
}

/** `--calibrate`: only the reference, RUNS times per workload, to set calibration.ts. */
async function calibrate(): Promise<void> {
  for (const w of [SWEEP, ensemble(64)]) {
    await timeRun('TS reference', w, 0.05);
    const t: Timing[] = [];
    for (let run = 0; run < RUNS; run++) t.push(await timeRun('TS reference', w));
    const cpu = t.map((x) => x.cpu);
    console.log(`${w.key}: TS reference CPU median ${median(cpu).toFixed(3)} s, min ${Math.min(...cpu).toFixed(3)} s, wall median ${median(t.map((x) => x.wall)).toFixed(3)} s over ${RUNS} runs (load ${load()})`);
  }
}

async function main(): Promise<void> {
  setWasmPath(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  setDenseWasmSource(readFileSync(`${process.cwd()}/src/engine/kernels/dense-wasm/build/dense.wasm`));
  if (process.argv.includes('--calibrate')) return calibrate();
  if (process.argv.includes('--convnet')) return compareConvnet(RUNS, median, load);
  console.log(`Deep Practice engine benchmark — Node ${process.version}, load average at start ${load()} (1, 5, 15 min)`);
  console.log('Times: process CPU seconds (one thread; insensitive to waiting on a loaded machine) and wall seconds, building the run included.');
  console.log('×reference = CPU T_reference / CPU T_path, paired run by run (median).');
  console.log(`×Playground, implied = ×reference · k, with k = T_Playground / T_reference from calibration.ts:`);
  for (const c of Object.values(CALIBRATION)) console.log(`  ${c.workload}: k = ${c.factor.toFixed(2)} (${c.how})`);
  const paths = (['dense-wasm', 'tfjs-wasm', 'tfjs-cpu', 'TS reference'] as PathName[]).filter((p) => !ONLY || ONLY.includes(p) || p === 'TS reference');
  await compare(SWEEP, paths);
  await compare(ensemble(64), paths);
  if (!ONLY || ONLY.includes('dense-wasm')) await scaling();
  await compareConvnet(RUNS, median, load);
  console.log(`\nTargets (issue 10): sweep ≥ 15× Playground, ensemble ≥ 30× Playground, on dense-wasm. Load average at end ${load()}.`);
}

await main();
