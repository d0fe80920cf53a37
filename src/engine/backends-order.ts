/** Backend constants without importing tfjs (the client and widgets may use them on first paint). */
import type { BackendName } from './config';

export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const DEFAULT_WASM_PATH = '/tfjs-wasm/';
