/**
 * Which backend a run trains on: the one the config forces (falling back along the backend order when it
 * cannot start), the first that starts, or — for `auto` — the fastest measured
 * candidate (a compute path on a backend: `path` in the event is then the path to build).
 */
import { BACKEND_ORDER, activate, fallbacksAfter, selectFirst } from '../backends';
import type { BackendChoice } from '../config';
import { EngineError } from '../errors';
import type { ResolvedConfig } from '../resolved';
import type { BackendEvent } from '../telemetry';
import { measureBackends } from './auto-backend';

export async function chooseBackend(config: ResolvedConfig): Promise<BackendEvent> {
  const choice: BackendChoice = config.runtime.backend;
  const wasmPath = config.runtime.wasmPath;
  const order = BACKEND_ORDER;
  let event: BackendEvent;
  if (choice === 'auto') {
    const measured = await measureBackends(config, wasmPath, order);
    const ok = await activate(measured.name, wasmPath);
    if (!ok) throw new EngineError('backend_failed', `backend ${measured.name} failed after measuring`, 'runtime.backend');
    // The path that won the timing: the runner builds it (tfjs on a CPU backend, say, if it outran dense-wasm).
    event = { type: 'backend', name: measured.name, path: measured.path, stepsPerSecond: measured.stepsPerSecond, reason: measured.cached ? 'cached' : 'measured-fastest', measurements: measured.measurements, unavailable: measured.unavailable };
  } else if (choice === 'first') {
    const selection = await selectFirst(order, wasmPath);
    event = { type: 'backend', name: selection.name, stepsPerSecond: 0, reason: 'first-available', unavailable: selection.unavailable };
  } else if (await activate(choice, wasmPath)) {
    event = { type: 'backend', name: choice, stepsPerSecond: 0, reason: 'forced' };
  } else {
    const selection = await selectFirst(fallbacksAfter(choice), wasmPath);
    event = { type: 'backend', name: selection.name, stepsPerSecond: 0, reason: 'fallback-after-failure', unavailable: { ...selection.unavailable, [choice]: 'init_failed' } };
  }
  return event;
}
