/** Backend constants without importing tfjs (the client, widgets and the i18n schema use them on first paint). */

/** The tfjs backends, declared once, in the order `first` tries them. */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export const BACKEND_ORDER: BackendName[] = [...BACKEND_NAMES];

/** What `runtime.backend` accepts: a backend by name, `first` (the first that starts) or `auto` (measured). */
export const BACKEND_CHOICES = ['first', 'auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export const DEFAULT_WASM_PATH = '/tfjs-wasm/';

/** Reads an explicit backend choice from a URL query (`?backend=cpu|wasm|webgl|webgpu|auto`) for readers and
 * tests; null when absent or unknown. Pure: the caller passes `location.search`. */
export function backendFromQuery(search: string): BackendChoice | null {
  const value = new URLSearchParams(search).get('backend');
  return value !== null && (BACKEND_CHOICES as readonly string[]).includes(value) ? (value as BackendChoice) : null;
}
