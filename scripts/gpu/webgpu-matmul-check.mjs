/**
 * Runs tfjs-backend-webgpu 4.22's batched matMul programs on a real WebGPU implementation outside the browser:
 * Dawn (the WebGPU library inside Chrome, with its WGSL compiler Tint) through the `webgpu` npm package's
 * dawn.node, on the first Vulkan adapter Dawn finds (NVIDIA hardware on the lent GPU machine, SwiftShader
 * here). Records the WGSL tfjs generates and every matMul dispatch, and checks that one poisoned member
 * never reaches the others (raw tfjs), and that the engine's fix keeps every member exact (safe).
 *
 *   node scripts/gpu/webgpu-matmul-check.mjs --webgpu DIR/index.js --bundle FILE.mjs --out DIR [--quick]
 *   (--quick: only the program tfjs picks itself, not every program type)
 *
 * Not part of npm test: it needs dawn.node and a Vulkan driver. See docs/engine/webgpu-hardware-check.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) throw new Error(`missing --${name}`);
  return process.argv[i + 1];
};
const out = resolve(arg('out'));
mkdirSync(out, { recursive: true });

const { create, globals } = await import(pathToFileURL(resolve(arg('webgpu'))).href);
Object.assign(globalThis, globals);
const gpu = create([]);
Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });

// Which tfjs program is being compiled or dispatched right now, and the WGSL of each one.
let current = null;
const shaders = new Map();
const createShaderModule = globals.GPUDevice.prototype.createShaderModule;
globals.GPUDevice.prototype.createShaderModule = function (descriptor) {
  if (current && !shaders.has(current.shaderKey)) shaders.set(current.shaderKey, { program: current.name, code: descriptor.code });
  return createShaderModule.call(this, descriptor);
};

const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) {
  console.error('No WebGPU adapter (is a Vulkan driver installed?)');
  process.exit(2);
}
const { vendor, architecture, device, description } = adapter.info;
const adapterInfo = { vendor, architecture, device, description, isFallbackAdapter: adapter.info.isFallbackAdapter ?? null, maxComputeWorkgroupsPerDimension: adapter.limits.maxComputeWorkgroupsPerDimension };
console.log('adapter', JSON.stringify(adapterInfo));

const { tf, runAll, cases } = await import(pathToFileURL(resolve(arg('bundle'))).href);
if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not start its webgpu backend');
await tf.ready();
const backend = tf.backend();
console.log('tfjs backend', tf.getBackend(), 'adapter seen by tfjs', JSON.stringify(backend.adapterInfo));

// Every dispatch, in order: program class, shader key, workgroup size and count, output shape.
const dispatches = [];
const runWebGPUProgram = backend.runWebGPUProgram;
backend.runWebGPUProgram = function (program, ...rest) {
  current = { name: program.constructor.name, shaderKey: null };
  // The key is made inside runWebGPUProgram; compute it the same way tfjs does, on first compile only.
  const proxy = new Proxy(program, {
    set(target, key, value) {
      target[key] = value;
      if (key === 'shaderKey') current.shaderKey = value;
      return true;
    },
  });
  const result = runWebGPUProgram.call(this, proxy, ...rest);
  dispatches.push({ program: program.constructor.name, shaderKey: program.shaderKey, workgroupSize: program.workgroupSize, dispatch: program.dispatch, outputShape: program.outputShape });
  current = null;
  return result;
};
const programsOf = {
  start: () => dispatches.length,
  since: (i) => dispatches.slice(i).map((d) => `${d.program}[${d.workgroupSize}]x[${d.dispatch}]`),
};

const started = Date.now();
const rows = await runAll((row) => {
  const verdict = row.mode === 'raw' ? `spreadTo=[${row.spreadTo}]` : `maxErr=${row.healthyMaxError.toExponential(2)} sickFinite=${row.sickAllFinite}`;
  console.log(`${row.case.padEnd(24)} type=${String(row.programType).padStart(2)} ${row.poison.padEnd(10)} ${row.mode.padEnd(4)} ${verdict} nonFinite=${row.healthyNonFinite} ${row.programs.filter((p) => p.startsWith('MatMul')).join(' ')}`);
}, programsOf, process.argv.includes('--quick'));
const seconds = (Date.now() - started) / 1000;

const summary = {
  adapter: adapterInfo,
  tfjsAdapterInfo: backend.adapterInfo,
  node: process.version,
  seconds,
  rawRunsWithSpread: rows.filter((r) => r.mode === 'raw' && r.spreadTo.length > 0).length,
  rawRuns: rows.filter((r) => r.mode === 'raw').length,
  safeRunsNotExact: rows.filter((r) => r.mode === 'safe' && (r.healthyNonFinite > 0 || r.healthyMaxError > 1e-5)).length,
  safeRunsSickNotFinite: rows.filter((r) => r.mode === 'safe' && !r.sickAllFinite && r.shapes.poison !== 'bias').length,
  safeRuns: rows.filter((r) => r.mode === 'safe').length,
  safeWorstError: Math.max(...rows.filter((r) => r.mode === 'safe').map((r) => r.healthyMaxError)),
};
console.log('summary', JSON.stringify(summary));
writeFileSync(join(out, 'results.json'), JSON.stringify({ summary, cases, rows, dispatches }, null, 1));
const wgsl = [...shaders].map(([key, s]) => `// ===== ${s.program}\n// shaderKey: ${key}\n${s.code}\n`).join('\n');
writeFileSync(join(out, 'shaders.wgsl.txt'), wgsl);
console.log(`wrote ${rows.length} rows, ${shaders.size} shaders, ${dispatches.length} dispatches in ${seconds.toFixed(1)} s`);
process.exit(0);
