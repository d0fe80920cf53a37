/**
 * Pretrained checkpoints shipped with the site, loaded lazily (each is a separate chunk) for transfer
 * learning: restore one into a trainer with the matching model, then freeze layers and/or re-initialize
 * the output layer (trainer.setTrainable, trainer.replaceOutputLayer).
 */
import type { Checkpoint } from '../checkpoint-format';
import type { RunConfig } from '../config';
import { DIGITS_MLP_CONFIG } from './configs';

export { DIGITS_MLP_VALIDATION_ACCURACY } from './configs';
export { matchingParameters, withPretrained } from './copy';

export type PretrainedName = 'digits-mlp';

export const PRETRAINED_CONFIGS: Record<PretrainedName, RunConfig> = { 'digits-mlp': DIGITS_MLP_CONFIG };

export async function loadPretrained(name: PretrainedName): Promise<Checkpoint> {
  switch (name) {
    case 'digits-mlp':
      return (await import('./digits-mlp')).DIGITS_MLP;
  }
}
