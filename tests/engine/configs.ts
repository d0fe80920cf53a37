/** Small configs shared by the engine tests. */
import type { RunConfig } from '@engine/config';

export const spiralNet = (extra: Partial<RunConfig> = {}): RunConfig => ({
  model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
  training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 10, seed: 1 },
  dataset: { kind: 'classification2d', shape: 'spiral', count: 100 },
  ...extra,
});

export const sineNet = (extra: Partial<RunConfig> = {}): RunConfig => ({
  model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'tanh' }, { type: 'dense', units: 1 }] },
  training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 20, seed: 1 },
  dataset: { kind: 'function1d', fn: 'sine', count: 60, noise: 0.1 },
  ...extra,
});

/** Every parameter, concatenated in name order, member-major. */
export async function allParams(session: { params: Map<string, { data(): Promise<ArrayLike<number>> }> }): Promise<number[]> {
  const names = [...session.params.keys()].sort();
  const out: number[] = [];
  for (const name of names) out.push(...Array.from(await session.params.get(name)!.data()));
  return out;
}

export function maxDifference(a: number[], b: number[]): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  return a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);
}
