/**
 * Streaming selected parameters in progress events (`telemetry.params`, every `paramsEvery`-th event, the first
 * included): e.g. the first layer's kernel, drawn by a page as one image per unit, without a full checkpoint.
 * The events are counted per kernel, so a run resumed on a new kernel (a lost GPU) starts counting again.
 */
import type { StreamedParam } from '../telemetry';
import type { PopulationKernel, Readback } from './kernel';

const events = new WeakMap<PopulationKernel, number>();

/** The parameter names this progress event carries (counts the event). */
export function paramsDue(kernel: PopulationKernel): string[] {
  const { params, paramsEvery } = kernel.config.telemetry;
  if (params.length === 0) return [];
  const n = events.get(kernel) ?? 0;
  events.set(kernel, n + 1);
  return n % paramsEvery === 0 ? params : [];
}

/** The streamed parameters from a read-back: each with its shape (without the member axis) and, per member, its
 * values row-major. */
export function streamedParams(kernel: PopulationKernel, names: string[], got: Readback): Record<string, StreamedParam> {
  const shapes = kernel.paramShapes();
  return Object.fromEntries(names.map((name) => [name, { shape: [...(shapes.get(name) ?? [])], values: got.get(`param/${name}`) ?? [] }]));
}
