/** Run configs of the shipped pretrained models (a widget restarts training from them with the same model). */
import type { RunConfig } from '../config';

export const DIGITS_MLP_CONFIG: RunConfig = {
  model: { inputShape: [784], layers: [{ type: 'dense', units: 32, activation: 'relu', name: 'hidden' }, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }], initializer: { name: 'he_normal' } },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.003 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits' },
};

/** Validation accuracy of the shipped digits MLP on the 200 validation digits of the default split (data seed 1,
 * 70/20/10), as bench/build-pretrained.ts measured it; tests/engine/digit-subset.test.ts recomputes it. */
export const DIGITS_MLP_VALIDATION_ACCURACY = 0.865;
