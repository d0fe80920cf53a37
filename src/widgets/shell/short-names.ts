/** Short, stable prefixes of widget ids in permalinks (`#fit-relu-neurons=…`). */
import type { FamilyName } from './definition';

export const shortNames: Record<FamilyName, string> = {
  'function-fit': 'fit',
  'gradient-flow': 'grad',
  'learning-rate-sweep': 'lr',
  'activation-functions': 'act',
  'forward-backward': 'fb',
  'bias-variance': 'bv',
  'recipe-check': 'recipe',
  'hyperparameter-search': 'search',
  'loss-surface': 'surface',
  'digits-experiment': 'digits',
  'model-graph': 'graph',
};
