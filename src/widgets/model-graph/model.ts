/**
 * The model a ModelGraph state describes, as the engine's own `ModelConfig`, and its layers as the engine plans
 * them. Shapes come from `planModel` and parameter counts from `countParameters`: the numbers the engine would
 * allocate for this config, so the drawing and a training run can never disagree.
 */
import type { DenseLayerSpec, ModelConfig } from '@engine/types';
import { countParameters } from '@engine/model/parameter-count';
import { planModel, type LayerPlan } from '@engine/model/shapes';
import { recipes, type ModelRecipe } from './recipes';
import type { ModelGraphState } from './definition';

/** The digits are 28×28 grey pixels, flattened. */
export const DIGIT_PIXELS = 28 * 28;

export function modelOf(state: ModelGraphState): ModelConfig {
  // `state.recipe` is one of the table's options (typed-state.ts checks every state a family is handed).
  const recipe: ModelRecipe = recipes[state.recipe];
  const hiddenCount = state.layers;
  const frozen = state.frozen;
  const dense = (index: number, spec: Omit<DenseLayerSpec, 'type'>): DenseLayerSpec => ({
    type: 'dense',
    ...spec,
    // `model.layers[:k]`: the first k dense layers, the output layer too when k reaches it.
    ...(index < frozen ? { trainable: false } : {}),
  });
  const hidden = Array.from({ length: hiddenCount }, (_, index) =>
    dense(index, {
      units: state.hidden,
      activation: recipe.hiddenActivations[index % recipe.hiddenActivations.length],
      ...(recipe.dropout > 0 ? { dropout: recipe.dropout } : {}),
      ...(recipe.maxNorm > 0 ? { maxNorm: recipe.maxNorm } : {}),
    }),
  );
  return {
    inputShape: [DIGIT_PIXELS],
    ...(recipe.inputDropout > 0 ? { inputDropout: recipe.inputDropout } : {}),
    layers: [...hidden, dense(hiddenCount, { units: state.outputs, activation: 'softmax' })],
  };
}

/** One dense layer as the engine plans it, with its parameter count and whether it trains. */
export interface PlannedLayer {
  plan: LayerPlan;
  spec: DenseLayerSpec;
  parameters: number;
  trainable: boolean;
}

export interface ModelPlan {
  config: ModelConfig;
  layers: PlannedLayer[];
  total: number;
  trainable: number;
  /** `countParameters(config).byLayer`, as the widget exposes it for tests (`data-param-counts`). */
  byLayer: ReturnType<typeof countParameters>['byLayer'];
}

export function planOf(state: ModelGraphState): ModelPlan {
  const config = modelOf(state);
  const plans = planModel(config.inputShape, config.layers);
  if (!Array.isArray(plans)) throw new RangeError(`layer ${plans.index}: ${plans.problem}`);
  const count = countParameters(config);
  const layers = plans.map((plan, index) => {
    const entry = count.byLayer[index];
    if (!entry || plan.spec.type !== 'dense') throw new RangeError(`layer ${index}: not a planned dense layer`);
    return { plan, spec: plan.spec, parameters: entry.count, trainable: entry.trainable };
  });
  return { config, layers, total: count.total, trainable: count.trainable, byLayer: count.byLayer };
}
