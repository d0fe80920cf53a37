// `npm run bench:engine` (and `npm run bench`): compiles the dense-wasm kernel if needed, bundles bench/engine.bench.ts (TypeScript, engine sources, tfjs) with esbuild into a
// temporary directory and runs it in this Node process. Prints a table; it is not a test.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildWasm } from './build-wasm.mjs';

buildWasm(); // the dense-wasm kernel, compiled from source when stale

const dir = mkdtempSync(join(tmpdir(), 'deep-practice-bench-'));
const outfile = join(dir, 'engine.bench.mjs');
try {
  await build({
    entryPoints: ['bench/engine.bench.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    // tfjs' CommonJS parts expect require/__dirname inside the ESM bundle.
    banner: {
      js: "import { createRequire as __cr } from 'module'; import { fileURLToPath as __fu } from 'url'; import { dirname as __dn } from 'path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);",
    },
  });
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
