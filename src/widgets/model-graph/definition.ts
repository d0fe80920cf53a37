/**
 * ModelGraph: the model described by the state, drawn as a stack of layers with their shapes and parameter
 * counts (no training). Shapes and counts come from the engine's model plan, never from this widget.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { recipeKeys } from './recipes';

export const modelGraphPresets = ['digits-mlp', 'source-net', 'fourteen-outputs'] as const;

export const modelGraph = defineWidget({
  family: 'model-graph',
  trains: false,
  usesEngine: false,
  table: {
    ...shellParams(modelGraphPresets),
    /** How the layers are dressed (activations, dropout, max-norm): fixed by the preset, see recipes.ts. */
    recipe: choiceParam(recipeKeys, 'plain'),
    /** Units of every hidden layer. */
    hidden: numberParam({ default: 32, min: 1, max: 256, step: 1, integer: true, unit: 'neurons' }),
    /** Hidden layers between the 784 pixels and the output layer. */
    layers: numberParam({ default: 1, min: 1, max: 4, step: 1, integer: true, unit: 'layers' }),
    /** Units of the softmax output layer. */
    outputs: numberParam({ default: 10, min: 2, max: 16, step: 1, integer: true, unit: 'neurons' }),
    /** The first k dense layers are frozen (trainable: false), counted from the input as Keras' `model.layers[:k]`. */
    frozen: numberParam({ default: 0, min: 0, max: 5, step: 1, integer: true, unit: 'layers' }),
  },
  presets: {
    'digits-mlp': {},
    'source-net': { recipe: 'keras-mnist', hidden: 128, layers: 2 },
    'fourteen-outputs': { outputs: 14 },
  },
  controls: ['hidden', 'layers', 'outputs', 'frozen'],
});

export type ModelGraphState = StateOf<typeof modelGraph.table>;
