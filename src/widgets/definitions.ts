/** Every widget definition, in catalogue order (tests, the Lab page). Light: no island code. */
import { activationFunctions } from './activation-functions/definition';
import { biasVariance } from './bias-variance/definition';
import { digitsExperiment } from './digits-experiment/definition';
import { forwardBackward } from './forward-backward/definition';
import { functionFit } from './function-fit/definition';
import { gradientFlow } from './gradient-flow/definition';
import { hyperparameterSearch } from './hyperparameter-search/definition';
import { learningRateSweep } from './learning-rate-sweep/definition';
import { lossSurface } from './loss-surface/definition';
import { modelGraph } from './model-graph/definition';
import { recipeCheck } from './recipe-check/definition';
import type { WidgetDefinition } from './shell/definition';

export const allDefinitions: WidgetDefinition[] = [
  functionFit,
  gradientFlow,
  learningRateSweep,
  activationFunctions,
  forwardBackward,
  biasVariance,
  recipeCheck,
  hyperparameterSearch,
  lossSurface,
  digitsExperiment,
  modelGraph,
];
