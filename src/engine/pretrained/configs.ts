/** Run configs of the shipped pretrained models (a widget restarts training from them with the same model). */
import type { RunConfig } from '../config';

export const DIGITS_MLP_CONFIG: RunConfig = {
  model: { inputShape: [784], layers: [{ type: 'dense', units: 32, activation: 'relu', name: 'hidden' }, { type: 'dense', units: 10, activation: 'softmax', name: 'output' }], initializer: { name: 'he_normal' } },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.003 }, batchSize: 32, seed: 1 },
  dataset: { kind: 'digits' },
};
