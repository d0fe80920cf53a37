/**
 * Dropout masks drawn in JavaScript, exactly as the tfjs path draws them (train/session.ts): for each member
 * a Random seeded from (member seed, SALT_DROPOUT, step), consumed layer by layer (inputs first, then hidden
 * layers in order), each entry 0 with probability `rate`, else 1/(1 - rate) (inverted dropout: E[h] unchanged).
 * Both paths consume the same values, so a seed gives the same masks on every path.
 */
import type { LayerPlan } from '../../model/shapes';
import { Random, deriveSeed } from '../../random';
import type { ResolvedConfig } from '../../resolved';
import { SALT_DROPOUT } from '../../train/salts';

/** Rate of each layer (index -1 = inputs) for each member; null when nothing drops. The output layer never drops. */
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

/** Masks of one step, [P][batch][width] per entry of `rates`. */
export function drawDropoutMasks(config: ResolvedConfig, plans: LayerPlan[], rates: Map<number, number[]>, batch: number, step: number): Map<number, Float32Array> {
  const masks = new Map<number, Float32Array>();
  const P = config.members.length;
  const randoms = config.members.map((m) => new Random(deriveSeed(m.seed, SALT_DROPOUT, step)));
  for (const [index, perMember] of rates) {
    const shape = index === -1 ? config.model.inputShape : (plans[index] as LayerPlan).outputShape;
    const size = batch * shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(P * size);
    perMember.forEach((rate, p) => {
      const random = randoms[p] as Random;
      const keep = 1 / (1 - rate);
      for (let i = 0; i < size; i++) values[p * size + i] = random.uniform() < rate ? 0 : keep;
    });
    masks.set(index, values);
  }
  return masks;
}
