/**
 * One RunSpec → one RunHandle: a plain-TS simulation runs as it is, an engine run goes to the engine's client
 * with the backend setting. The live widget and the build-time pre-render both start runs here, so the page
 * shows what pressing Run computes.
 */
import type { EngineEvent } from '@engine/types';
import { engineRun } from './engine-run';
import type { RunHandle, RunSpec } from './run';

/** Where a page serves the tfjs wasm binaries (see src/widgets/wasm-files.mjs). */
export const WASM_PATH = '/tfjs-wasm/';

export function startRun(spec: RunSpec | undefined, backend: string, emit: (event: EngineEvent) => void): RunHandle {
  if (!spec) throw new Error('run index out of range');
  if (spec.kind === 'local') return spec.create(emit);
  const config = { ...spec.config, runtime: { ...spec.config.runtime, backend: backend as 'auto', wasmPath: WASM_PATH } };
  return engineRun(config, emit, spec.prepare, spec.probe);
}
