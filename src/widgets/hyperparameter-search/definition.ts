/**
 * HyperparameterSearch: 9 grid points against 9 random points on a 2-D space where the learning rate matters
 * and the L2 penalty (kept tiny) hardly does. All 18 configurations train together as one population.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const hyperparameterSearchPresets = ['random-vs-grid'] as const;

export const hyperparameterSearch = defineWidget({
  family: 'hyperparameter-search',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(hyperparameterSearchPresets),
    epochs: numberParam({ default: 40, min: 10, max: 500, step: 10, integer: true, unit: 'epochs' }),
  },
  presets: { 'random-vs-grid': {} },
  controls: ['epochs'],
});

export type HyperparameterSearchState = StateOf<typeof hyperparameterSearch.table>;
