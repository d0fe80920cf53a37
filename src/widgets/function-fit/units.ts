/**
 * Reading a one-hidden-layer network out of a checkpoint: f(x) = Σᵢ w′ᵢ·σ(wᵢx + bᵢ) + b′.
 * Each term w′ᵢ·σ(wᵢx + bᵢ) is one unit's contribution: its zone of responsibility on the x axis.
 */
import type { Checkpoint } from '@engine/types';

const activations: Record<string, (z: number) => number> = {
  linear: (z) => z,
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
};

export interface UnitCurve {
  id: string;
  points: { x: number; y: number }[];
}

export function unitContributions(checkpoint: Checkpoint, activation: string, xs: number[]): UnitCurve[] {
  const member = checkpoint.members[0];
  const hiddenKernel = member?.['dense_0/kernel']?.data;
  const hiddenBias = member?.['dense_0/bias']?.data;
  const outputKernel = member?.['dense_1/kernel']?.data;
  const sigma = activations[activation];
  if (!hiddenKernel || !hiddenBias || !outputKernel || !sigma) return [];
  return hiddenKernel.map((weight, unit) => ({
    id: String(unit + 1),
    points: xs.map((x) => ({ x, y: (outputKernel[unit] ?? 0) * sigma(weight * x + (hiddenBias[unit] ?? 0)) })),
  }));
}

/** One neuron without activation: f(x) = w·x + b. */
export function singleNeuron(checkpoint: Checkpoint): { w: number; b: number } | null {
  const member = checkpoint.members[0];
  const w = member?.['dense_0/kernel']?.data[0];
  const b = member?.['dense_0/bias']?.data[0];
  return w === undefined || b === undefined ? null : { w, b };
}

/** Mean |slope| of a sampled curve over the x where `where(x)` holds. */
export function meanAbsoluteSlope(points: { x: number; y: number }[], where: (x: number) => boolean): number {
  let total = 0;
  let count = 0;
  for (let index = 1; index < points.length; index += 1) {
    const a = points[index - 1];
    const b = points[index];
    if (!a || !b || !where((a.x + b.x) / 2)) continue;
    total += Math.abs((b.y - a.y) / (b.x - a.x));
    count += 1;
  }
  return count === 0 ? Number.NaN : total / count;
}

/** The extrapolation readout: mean |slope| inside the training domain (|x| < 3) and far outside it (|x| > 6). */
export function extrapolationSlopes(points: { x: number; y: number }[]): { inside: number; outside: number } {
  return { inside: meanAbsoluteSlope(points, (x) => Math.abs(x) < 3), outside: meanAbsoluteSlope(points, (x) => Math.abs(x) > 6) };
}
