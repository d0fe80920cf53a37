// `npm run build:wasm`: compiles the dense-wasm kernel (AssemblyScript, src/engine/kernels/dense-wasm/assembly)
// into src/engine/kernels/dense-wasm/build/dense.wasm, which the engine loads (never committed: a fresh clone
// builds it). Skips the compile when the .wasm is newer than every source file. Also a vitest globalSetup.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'src/engine/kernels/dense-wasm/assembly');
export const WASM_FILE = join(root, 'src/engine/kernels/dense-wasm/build/dense.wasm');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** Compiles when stale; returns the .wasm path. Flags: -O3, the stub runtime (no GC: the kernel allocates
 * nothing), no assertions, 128-bit SIMD. */
export function buildWasm({ force = false } = {}) {
  const sources = readdirSync(sourceDir).filter((name) => name.endsWith('.ts')).map((name) => join(sourceDir, name));
  const newest = Math.max(...sources.map(mtime), mtime(fileURLToPath(import.meta.url)));
  if (!force && mtime(WASM_FILE) > newest) return WASM_FILE;
  mkdirSync(dirname(WASM_FILE), { recursive: true });
  const asc = join(root, 'node_modules/assemblyscript/bin/asc.js');
  const args = [asc, join(sourceDir, 'index.ts'), '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '-o', WASM_FILE];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`asc failed (exit ${result.status})`);
  return WASM_FILE;
}

/** vitest globalSetup hook. */
export default function setup() {
  buildWasm();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = buildWasm({ force: process.argv.includes('--force') });
  console.log(`dense-wasm kernel: ${file} (${statSync(file).size} bytes)`);
}
