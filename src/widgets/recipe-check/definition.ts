/**
 * RecipeCheck: the sanity checks of Karpathy's recipe, each as a run you can watch: overfit one batch to
 * ~zero loss, beat an input-independent baseline, and initialise the final bias to the target mean so the
 * "hockey stick" at the start of the loss curve disappears.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';

export const recipeCheckPresets = ['overfit-one-batch', 'input-independent-baseline', 'final-layer-bias'] as const;

export const recipeCheck = defineWidget({
  family: 'recipe-check',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(recipeCheckPresets),
    lr: numberParam({ default: 0.01, min: 1e-4, max: 1, step: 1, log: true }),
    epochs: numberParam({ default: 300, min: 10, max: 3000, step: 10, integer: true, unit: 'epochs' }),
    experiment: choiceParam(['overfit', 'baseline', 'bias'], 'overfit'),
  },
  presets: {
    'overfit-one-batch': { experiment: 'overfit', lr: 0.02, epochs: 1500 },
    'input-independent-baseline': { experiment: 'baseline', lr: 0.01, epochs: 200 },
    'final-layer-bias': { experiment: 'bias', lr: 0.003, epochs: 40 },
  },
  controls: ['lr', 'epochs'],
});

export type RecipeCheckState = StateOf<typeof recipeCheck.table>;
