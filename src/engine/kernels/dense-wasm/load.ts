/**
 * Loads the compiled kernel (`build/dense.wasm`, written by `npm run build:wasm` from `assembly/`; never
 * committed). In a page or Worker the bundler turns the `new URL(…, import.meta.url)` below into the URL of
 * the emitted asset and it is fetched; in Node (tests) the same URL is a file: URL and is read from disk.
 * `setDenseWasmSource` overrides both (the bench bundles the engine elsewhere and passes the file's bytes).
 */
let source: URL | ArrayBuffer | Uint8Array | null = null;
let compiled: Promise<WebAssembly.Module> | null = null;

export function setDenseWasmSource(next: URL | ArrayBuffer | Uint8Array): void {
  source = next;
  compiled = null;
}

/** True where WebAssembly with 128-bit SIMD validates (Chrome 91+, Firefox 89+, Safari 16.4+, Node 16+). */
export function simdSupported(): boolean {
  if (typeof WebAssembly !== 'object') return false;
  // (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)): uses SIMD opcodes only.
  const probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  return WebAssembly.validate(probe);
}

async function bytesOf(from: URL | ArrayBuffer | Uint8Array): Promise<ArrayBuffer | Uint8Array> {
  if (!(from instanceof URL)) return from;
  if (from.protocol === 'file:') {
    const fs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ fs)) as { readFile(path: URL): Promise<Uint8Array> };
    return readFile(from);
  }
  const response = await fetch(from);
  if (!response.ok) throw new Error(`dense-wasm: ${from.href} answered ${response.status}`);
  return response.arrayBuffer();
}

/** The compiled module, compiled once per realm. */
export function denseWasmModule(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const from = source ?? new URL('./build/dense.wasm', import.meta.url);
    return WebAssembly.compile((await bytesOf(from)) as BufferSource);
  })();
  compiled.catch(() => (compiled = null)); // a failed fetch may succeed later
  return compiled;
}
