/** Test helper: activate a backend (cpu or wasm) in Node before building sessions. */
import { activate } from '@engine/backends';

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;

export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (!(await activate(name))) throw new Error(`backend ${name} did not initialize`);
}
