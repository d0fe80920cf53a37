/**
 * Adversarial inputs by the fast gradient sign method (Goodfellow, Shlens & Szegedy, 2015), from the input
 * gradients that `trainer.inputGradient(rows, labels)` returns:  x' = clip(x + ε · sign(∂L/∂x), low, high).
 * The fair control is random sign noise of the same size: the same ε per pixel in a random direction.
 * Pure functions on rows: the engine computes the gradients, the widget draws x, the perturbation and x'.
 */
import { Random } from './random';

function check(epsilon: number, range: [number, number]): void {
  if (!(epsilon >= 0 && Number.isFinite(epsilon))) throw new RangeError(`epsilon must be a finite number >= 0, got ${epsilon}`);
  if (!(range[0] < range[1])) throw new RangeError(`range must be [low, high] with low < high, got [${range.join(', ')}]`);
}

const clip = (v: number, [low, high]: [number, number]) => Math.min(high, Math.max(low, v));

/** One FGSM step per row; a zero gradient leaves its feature unchanged. */
export function fgsm(inputs: number[][], gradients: number[][], epsilon: number, range: [number, number] = [0, 1]): number[][] {
  check(epsilon, range);
  if (gradients.length !== inputs.length) throw new RangeError(`${inputs.length} rows but ${gradients.length} gradient rows`);
  return inputs.map((row, i) => {
    const g = gradients[i] as number[];
    if (g.length !== row.length) throw new RangeError(`row ${i}: ${row.length} features but ${g.length} gradient values`);
    return row.map((x, j) => clip(x + epsilon * Math.sign(g[j] as number), range));
  });
}

/** Random ±ε per feature (seeded), clipped to the range: the control for FGSM at the same budget. */
export function randomSignNoise(inputs: number[][], epsilon: number, seed: number, range: [number, number] = [0, 1]): number[][] {
  check(epsilon, range);
  const random = new Random(seed);
  return inputs.map((row) => row.map((x) => clip(x + (random.uniform() < 0.5 ? -epsilon : epsilon), range)));
}
