/**
 * Weight initializers, declared once by stable key. They draw in JavaScript from the member's seeded
 * generator, so the same seed gives the same weights on every compute path and inside or outside a
 * population. `scale` is the only parameter, and only where the entry says what it means:
 *
 *   zeros: 0                       constant: scale (default 1)
 *   normal: N(0, scale²) (0.05)    uniform: U(-scale, scale) (0.05)
 *   glorot_uniform: U(-a, a), a = √(6 / (fanIn + fanOut))     glorot_normal: N(0, 2 / (fanIn + fanOut))
 *   he_uniform:     U(-a, a), a = √(6 / fanIn)                 he_normal:     N(0, 2 / fanIn)
 * Normal variants are plain normals (not truncated) so the reference trainer reproduces them exactly.
 */
import type { Random } from '../random';

export interface InitializerEntry {
  /** What `scale` means for this initializer, with its default; null: it takes no scale. */
  scale: { meaning: 'value' | 'standardDeviation' | 'halfWidth'; default: number } | null;
  /** One value drawn from `random` (called `size` times in order). */
  draw(random: Random, fanIn: number, fanOut: number, scale: number): number;
}

export const INITIALIZERS = {
  zeros: { scale: null, draw: () => 0 },
  constant: { scale: { meaning: 'value', default: 1 }, draw: (_r, _i, _o, scale) => scale },
  normal: { scale: { meaning: 'standardDeviation', default: 0.05 }, draw: (r, _i, _o, scale) => scale * r.normal() },
  uniform: { scale: { meaning: 'halfWidth', default: 0.05 }, draw: (r, _i, _o, scale) => r.range(-scale, scale) },
  glorot_normal: { scale: null, draw: (r, fanIn, fanOut) => Math.sqrt(2 / (fanIn + fanOut)) * r.normal() },
  glorot_uniform: { scale: null, draw: (r, fanIn, fanOut) => r.range(-Math.sqrt(6 / (fanIn + fanOut)), Math.sqrt(6 / (fanIn + fanOut))) },
  he_normal: { scale: null, draw: (r, fanIn) => Math.sqrt(2 / fanIn) * r.normal() },
  he_uniform: { scale: null, draw: (r, fanIn) => r.range(-Math.sqrt(6 / fanIn), Math.sqrt(6 / fanIn)) },
} as const satisfies Record<string, InitializerEntry>;

export type InitializerName = keyof typeof INITIALIZERS;
export const INITIALIZER_NAMES = Object.keys(INITIALIZERS) as InitializerName[];
/** Initializers that accept `scale`. */
export const SCALED_INITIALIZERS = INITIALIZER_NAMES.filter((name) => INITIALIZERS[name].scale !== null);
