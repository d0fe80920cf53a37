/** Backend constants without importing tfjs (the client and widgets may use them on first paint). */
import type { BackendName } from './config';

export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const DEFAULT_WASM_PATH = '/tfjs-wasm/';

const CHOICES = ['first', 'auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** Reads an explicit backend choice from a URL query (`?backend=cpu|wasm|webgl|webgpu|auto`) for readers and
 * tests; null when absent or unknown. Pure: the caller passes `location.search`. */
export function backendFromQuery(search: string): (typeof CHOICES)[number] | null {
  const value = new URLSearchParams(search).get('backend');
  return value !== null && (CHOICES as readonly string[]).includes(value) ? (value as (typeof CHOICES)[number]) : null;
}
