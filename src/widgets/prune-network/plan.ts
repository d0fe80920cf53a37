/**
 * The run of PruneNetwork: one population of copies of the shipped digits MLP, member p pruned per layer to
 * `levels[p]` (the engine's pruneCheckpoint: kernels only, biases kept), restored and evaluated on the validation
 * split. Nothing trains; the same levels, data and network as tests/claims/deep-learning-myth-probe.test.ts.
 */
import { DIGITS_MLP_CONFIG } from '@engine/pretrained/configs';
import type { RunPlan } from '../shell/run';
import { PRUNE_LEVELS, type PruneNetworkState } from './definition';

/** The listed levels plus the shown one, in increasing order (a shown level already listed is not repeated). */
export function pruneLevels(state: PruneNetworkState): number[] {
  const shown = Math.round(state.shown * 100) / 100;
  return [...new Set<number>([...PRUNE_LEVELS, shown])].sort((a, b) => a - b);
}

export async function prunedDigitsMlp(levels: number[]) {
  const [{ loadPretrained }, { pruneCheckpoint }] = await Promise.all([import('@engine/pretrained'), import('@engine/train/prune')]);
  return pruneCheckpoint(await loadPretrained('digits-mlp'), levels).checkpoint;
}

export function prunePlan(state: PruneNetworkState): RunPlan {
  const levels = pruneLevels(state);
  const config = DIGITS_MLP_CONFIG;
  return {
    stepsPerEvent: 1,
    runs: [{
      kind: 'engine',
      config: { ...config, population: { size: levels.length }, telemetry: { every: 1 } },
      prepare: () => prunedDigitsMlp(levels),
      probe: async (engine) => void (await engine.evaluate('validation')),
    }],
  };
}
