/**
 * A promise of a training run's final weights: the view keeps it and hands it to the run that predicts with them
 * (ProjectLab's ensemble vote, DebugLab's «predict again»).
 */
import type { Checkpoint } from '@engine/types';

export interface FinalWeights {
  promise: Promise<Checkpoint>;
  resolve(checkpoint: Checkpoint): void;
}

export function finalWeights(): FinalWeights {
  let resolve: (checkpoint: Checkpoint) => void = () => undefined;
  const promise = new Promise<Checkpoint>((done) => (resolve = done));
  return { promise, resolve };
}
