/**
 * Draws a parameter's initial values from the initializer registry (`registry/initializers.ts`), in
 * JavaScript from the member's seeded generator: the same seed gives the same weights on every path.
 */
import type { InitializerSpec } from '../config';
import type { Random } from '../random';
import { INITIALIZERS, type InitializerEntry } from '../registry/initializers';

export function initialize(spec: InitializerSpec, size: number, fanIn: number, fanOut: number, random: Random): Float32Array {
  const entry: InitializerEntry = INITIALIZERS[spec.name];
  const scale = spec.scale ?? entry.scale?.default ?? 0;
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = entry.draw(random, fanIn, fanOut, scale);
  return out;
}
