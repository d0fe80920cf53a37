/**
 * PruneNetwork: the pretrained digits MLP with the smallest weights of each layer removed, at several levels at
 * once, scored on the validation digits without any training (docs/deep-learning-myth/outline.md, `pruning`).
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const pruneNetworkPresets = ['magnitude-pruning'] as const;

/** The pruning levels s (share of each layer's kernel removed) the accuracy curve always shows. */
export const PRUNE_LEVELS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99] as const;

export const pruneNetwork = defineWidget({
  family: 'prune-network',
  trains: true,
  usesEngine: true,
  probes: true,
  table: {
    ...shellParams(pruneNetworkPresets),
    /** The level whose first-layer weights are drawn before and after pruning (added to the curve if not listed). */
    shown: numberParam({ default: 0.9, min: 0.5, max: 0.99, step: 0.01 }),
  },
  presets: { 'magnitude-pruning': {} },
  controls: ['shown'],
});

export type PruneNetworkState = StateOf<typeof pruneNetwork.table>;
