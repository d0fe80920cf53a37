/**
 * How a model's layers are dressed, keyed by a stable string: `plain` is the chapter's digits MLP (ReLU hidden
 * layers, softmax head); `keras-mnist` is the source's Keras MNIST net: dropout 0.2 on the inputs, hidden layers
 * alternating ReLU and tanh, each with max-norm 5 on its weights and dropout 0.5 on its output.
 */
import type { ActivationName } from '@engine/types';

export interface ModelRecipe {
  /** Activations of the hidden layers, repeated when there are more layers than entries. */
  hiddenActivations: readonly Exclude<ActivationName, 'softmax'>[];
  inputDropout: number;
  /** Dropout on each hidden layer's output. */
  dropout: number;
  /** Max-norm constraint on each hidden unit's incoming weights (0 = off). */
  maxNorm: number;
}

export const recipes = {
  plain: { hiddenActivations: ['relu'], inputDropout: 0, dropout: 0, maxNorm: 0 },
  'keras-mnist': { hiddenActivations: ['relu', 'tanh'], inputDropout: 0.2, dropout: 0.5, maxNorm: 5 },
} as const satisfies Record<string, ModelRecipe>;

export type RecipeKey = keyof typeof recipes;
export const recipeKeys = Object.keys(recipes) as RecipeKey[];
