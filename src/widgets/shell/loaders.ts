/** Family name → lazy import of its island code. Only this map ships with the page; the code loads on demand. */
import type { FamilyName } from './definition';
import type { Family } from './family';

export const familyLoaders: Record<FamilyName, () => Promise<{ family: Family }>> = {
  'function-fit': () => import('../function-fit/island'),
  'gradient-flow': () => import('../gradient-flow/island'),
  'learning-rate-sweep': () => import('../learning-rate-sweep/island'),
  'activation-functions': () => import('../activation-functions/island'),
  'forward-backward': () => import('../forward-backward/island'),
  'bias-variance': () => import('../bias-variance/island'),
  'recipe-check': () => import('../recipe-check/island'),
  'hyperparameter-search': () => import('../hyperparameter-search/island'),
  'loss-surface': () => import('../loss-surface/island'),
  'digits-experiment': () => import('../digits-experiment/island'),
  'model-graph': () => import('../model-graph/island'),
};
