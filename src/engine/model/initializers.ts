/**
 * Initializers draw in JavaScript from the member's seeded generator, so the same seed gives the same
 * weights on every backend and inside or outside a population.
 *
 *   glorot_uniform: U(-a, a), a = √(6 / (fanIn + fanOut))     glorot_normal: N(0, 2 / (fanIn + fanOut))
 *   he_uniform:     U(-a, a), a = √(6 / fanIn)                 he_normal:     N(0, 2 / fanIn)
 * Normal variants are plain normals (not truncated) so the reference trainer can reproduce them exactly.
 */
import type { InitializerSpec } from '../config';
import { Random } from '../random';

export function initialize(spec: InitializerSpec, size: number, fanIn: number, fanOut: number, random: Random): Float32Array {
  const out = new Float32Array(size);
  const scale = spec.scale;
  const fill = (draw: () => number) => {
    for (let i = 0; i < size; i++) out[i] = draw();
  };
  switch (spec.name) {
    case 'zeros':
      break;
    case 'constant':
      out.fill(scale ?? 1);
      break;
    case 'normal':
      fill(() => (scale ?? 0.05) * random.normal());
      break;
    case 'uniform': {
      const a = scale ?? 0.05;
      fill(() => random.range(-a, a));
      break;
    }
    case 'glorot_normal': {
      const std = Math.sqrt(2 / (fanIn + fanOut));
      fill(() => std * random.normal());
      break;
    }
    case 'glorot_uniform': {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      fill(() => random.range(-a, a));
      break;
    }
    case 'he_normal': {
      const std = Math.sqrt(2 / fanIn);
      fill(() => std * random.normal());
      break;
    }
    case 'he_uniform': {
      const a = Math.sqrt(6 / fanIn);
      fill(() => random.range(-a, a));
      break;
    }
  }
  return out;
}
