/**
 * Setup of the pre-render tests. Under jsdom, `import.meta.url` is an http: URL (vitest serves the module), so
 * the dense-wasm kernel would be fetched from a server that does not exist and every run would fall back to
 * tfjs: slower, and not the path the build's pre-render (plain Node) trains on. The kernel's bytes are handed
 * over from disk instead, as the bench does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setDenseWasmSource } from '@engine/kernels/dense-wasm/load';

// Vitest runs from the repository root (this file's own import.meta.url is the http: one too).
setDenseWasmSource(readFileSync(resolve(process.cwd(), 'src/engine/kernels/dense-wasm/build/dense.wasm')));
