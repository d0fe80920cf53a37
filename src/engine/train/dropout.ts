/**
 * Dropout masks, drawn in JavaScript per member from its seed and the step (so every compute path and a
 * member trained alone see the same masks). Inverted dropout: kept units are scaled by 1/(1 - rate), so
 * evaluation needs no rescaling.
 */
import * as tf from '../tf';
import { Random, deriveSeed } from '../random';
import type { ResolvedConfig } from '../resolved';
import type { LayerPlan } from '../model/shapes';
import { SALT_DROPOUT } from './salts';

/** Dropout rate of each layer (index -1 = inputs) for each member; null when no dropout anywhere.
 * The output layer never drops. */
export function dropoutRates(config: ResolvedConfig, plans: LayerPlan[]): Map<number, number[]> | null {
  const rates = new Map<number, number[]>();
  const members = config.members;
  if (config.model.inputDropout > 0) rates.set(-1, members.map(() => config.model.inputDropout));
  const last = plans.length - 1;
  for (const plan of plans) {
    if (plan.spec.type !== 'dense' || plan.index === last) continue;
    const layerRate = plan.spec.dropout ?? 0;
    const perMember = members.map((m) => m.dropout ?? layerRate);
    if (perMember.some((r) => r > 0)) rates.set(plan.index, perMember);
  }
  return rates.size > 0 ? rates : null;
}

/** Mask values (0 or 1/(1 - rate)) per layer, member-major [P, batch, ...layer output shape]. The draws
 * of one member go layer by layer in the order of `rates` (inputs first), from one generator per step. */
export function dropoutMaskValues(config: ResolvedConfig, plans: LayerPlan[], rates: Map<number, number[]>, batch: number, step: number, salt = SALT_DROPOUT): Map<number, { shape: number[]; values: Float32Array }> {
  const out = new Map<number, { shape: number[]; values: Float32Array }>();
  const members = config.members.length;
  const randoms = config.members.map((m) => new Random(deriveSeed(m.seed, salt, step)));
  for (const [index, perMember] of rates) {
    const shape = index === -1 ? config.model.inputShape : (plans[index] as LayerPlan).outputShape;
    const size = batch * shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(members * size);
    perMember.forEach((rate, p) => {
      const random = randoms[p] as Random;
      const keep = 1 / (1 - rate);
      for (let i = 0; i < size; i++) values[p * size + i] = random.uniform() < rate ? 0 : keep;
    });
    out.set(index, { shape: [members, batch, ...shape], values });
  }
  return out;
}

/** The masks as tensors (created in the caller's tidy); `salt` picks the stream (training steps by default). */
export function dropoutMasks(config: ResolvedConfig, plans: LayerPlan[], rates: Map<number, number[]>, batch: number, step: number, salt = SALT_DROPOUT): Map<number, tf.Tensor> {
  const masks = new Map<number, tf.Tensor>();
  for (const [index, mask] of dropoutMaskValues(config, plans, rates, batch, step, salt)) masks.set(index, tf.tensor(mask.values, mask.shape));
  return masks;
}
