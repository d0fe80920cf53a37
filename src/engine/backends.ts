/**
 * Backend loading and selection. Backends are imported lazily (the WebGPU and wasm modules are large and
 * most pages never need them) and tried in the order webgpu → webgl → wasm → cpu. `tf.setBackend` returns
 * false on failure instead of throwing, so each candidate is checked by its boolean, with no op in between.
 */
import * as tf from './tf';
import type { BackendName } from './config';

import { BACKEND_ORDER, DEFAULT_WASM_PATH } from './backends-order';

export { BACKEND_ORDER, DEFAULT_WASM_PATH };

const isNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === 'string';
let wasmPathOverride: string | null = null;
let wasmPathSet = false;

/** Where the wasm backend loads its .wasm files from (a URL prefix in pages, a directory in bundled Node
 * scripts). Must be called before the wasm backend is first activated. */
export function setWasmPath(path: string): void {
  wasmPathOverride = path.endsWith('/') ? path : `${path}/`;
}

/** Why a backend cannot even be tried here (null when it can). */
export function unavailableReason(name: BackendName): string | null {
  const global = globalThis as { navigator?: { gpu?: unknown }; OffscreenCanvas?: unknown; document?: unknown };
  if (name === 'webgpu' && !global.navigator?.gpu) return 'no_navigator_gpu';
  if (name === 'webgl' && global.OffscreenCanvas === undefined && global.document === undefined) return 'no_canvas';
  return null;
}

/** Imports the module that registers the backend. */
async function register(name: BackendName, wasmPath: string): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  switch (name) {
    case 'cpu':
    case 'webgl':
      return; // registered by @tensorflow/tfjs itself
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      // Always the single-threaded build: the threaded one (chosen where SharedArrayBuffer exists) spawns
      // pthread workers whose minified code crashes in Chromium 156, and tiny nets gain nothing from threads.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // In Node the backend finds its .wasm files next to its own module; in a page they are served from wasmPath.
      if (!wasmPathSet && (wasmPathOverride || !isNode)) {
        wasm.setWasmPaths(wasmPathOverride ?? (wasmPath.endsWith('/') ? wasmPath : `${wasmPath}/`));
        wasmPathSet = true;
      }
      return;
    }
  }
}

/** Makes `name` the active backend; false when it cannot initialize here. */
export async function activate(name: BackendName, wasmPath = DEFAULT_WASM_PATH): Promise<boolean> {
  if (unavailableReason(name)) return false;
  try {
    await register(name, wasmPath);
  } catch {
    return false;
  }
  if (tf.getBackend() === name && tf.findBackend(name)) return true;
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch {
    ok = false;
  }
  if (!ok) return false;
  await tf.ready();
  return tf.getBackend() === name;
}

export interface Selection {
  name: BackendName;
  unavailable: Partial<Record<BackendName, string>>;
}

/** The first backend of `order` that initializes. */
export async function selectFirst(order: BackendName[], wasmPath = DEFAULT_WASM_PATH): Promise<Selection> {
  const unavailable: Partial<Record<BackendName, string>> = {};
  for (const name of order) {
    if (await activate(name, wasmPath)) return { name, unavailable };
    unavailable[name] = unavailableReason(name) ?? 'init_failed';
  }
  throw new Error(`no tfjs backend could be initialized (tried ${order.join(', ')})`);
}

/** The backends after `name` in the default order (fallback candidates). */
export function fallbacksAfter(name: BackendName): BackendName[] {
  return BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(name) + 1);
}

/** Registers a handler for a lost WebGPU device (tfjs registers none). Returns false when not on webgpu. */
export function watchDeviceLoss(onLost: (reason: string) => void): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ reason?: string; message?: string }> } }).device;
  if (!device?.lost) return false;
  void device.lost.then((info) => onLost(info?.reason ?? info?.message ?? 'unknown'));
  return true;
}

/** After a failure on WebGPU: true when the device turns out to be lost within `milliseconds`. */
export async function deviceLostWithin(milliseconds: number): Promise<boolean> {
  if (tf.getBackend() !== 'webgpu') return false;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<unknown> } }).device;
  if (!device?.lost) return false;
  return Promise.race([device.lost.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), milliseconds))]);
}

export { tf };
