/**
 * FunctionFit: one evolving 1-D fit experiment (chapter 2, part 1). Each preset is one step of the story.
 * `experiment` says what is compared: a single network, SGD vs momentum (plus SGD at momentum's effective step;
 * same seed and init), three initializers (one population), a sweep of widths (one run per width), a narrow vs
 * a wide layer, ReLU vs tanh, or one wide layer vs two narrow ones with the same parameter count.
 */
import { unless } from '../shell/applicability';
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { activationOptions, initializerOptions, optimizerOptions } from '../common/engine-choices';
import { FUNCTION_1D_NAMES } from '@engine/dataset-config';

export const functionFitPresets = [
  'one-neuron-line',
  'one-neuron-curve',
  'five-linear-neurons',
  'relu-neurons',
  'sgd-vs-momentum',
  'plateaus-ceiling',
  'tanh-vs-relu',
  'tanh-initializers',
  'tanh-units',
  'extrapolation',
  'two-hidden-layers',
  'width-sweep',
] as const;
export type FunctionFitPreset = (typeof functionFitPresets)[number];

export const sweepWidths = [1, 2, 4, 8, 16, 32, 64] as const;
export const comparedInitializers = initializerOptions('glorot_normal', 'he_normal', 'zeros');
/** `widths`: the narrow layer against a wide one, same data and optimizer. */
export const comparedWidths = [8, 32] as const;
export const comparedActivations = activationOptions('relu', 'tanh');
/** `depth`: 1 × 32 and 2 × 8 hidden units both have 97 parameters (3·32 + 1 and 2·8 + 9·8 + 9). */
export const comparedDepths = { oneLayer: { layers: 1, width: 32 }, twoLayers: { layers: 2, width: 8 } } as const;

export const functionFit = defineWidget({
  family: 'function-fit',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(functionFitPresets),
    target: choiceParam(FUNCTION_1D_NAMES, 'sine'),
    layers: numberParam({ default: 1, min: 0, max: 3, step: 1, integer: true, unit: 'layers' }),
    width: numberParam({ default: 5, min: 1, max: 64, step: 1, integer: true, unit: 'neurons' }),
    activation: choiceParam(activationOptions('linear', 'relu', 'tanh', 'sigmoid'), 'relu'),
    init: choiceParam(comparedInitializers, 'glorot_normal'),
    optimizer: choiceParam(optimizerOptions('sgd', 'momentum', 'adam'), 'adam'),
    lr: numberParam({ default: 0.01, min: 1e-4, max: 1, step: 1, log: true }),
    epochs: numberParam({ default: 300, min: 10, max: 3000, step: 10, integer: true, unit: 'epochs' }),
    experiment: choiceParam(['single', 'sgd-vs-momentum', 'initializers', 'width-sweep', 'widths', 'activations', 'depth'], 'single'),
    view: choiceParam(['fit', 'units', 'wide'], 'fit'),
  },
  presets: {
    'one-neuron-line': { target: 'line', layers: 0, optimizer: 'sgd', lr: 0.03, epochs: 100 },
    'one-neuron-curve': { target: 'sine', layers: 0, optimizer: 'sgd', lr: 0.03, epochs: 100 },
    'five-linear-neurons': { target: 'sine', layers: 1, width: 5, activation: 'linear', optimizer: 'sgd', lr: 0.01, epochs: 100 },
    'relu-neurons': { target: 'sine', layers: 1, width: 5, activation: 'relu', init: 'he_normal', optimizer: 'adam', lr: 0.02, epochs: 300 },
    'sgd-vs-momentum': { target: 'sine', layers: 1, width: 8, activation: 'relu', init: 'he_normal', optimizer: 'sgd', lr: 0.01, epochs: 150, experiment: 'sgd-vs-momentum' },
    'plateaus-ceiling': { target: 'plateaus', layers: 1, width: 8, activation: 'relu', init: 'he_normal', optimizer: 'adam', lr: 0.03, epochs: 400, experiment: 'widths' },
    'tanh-vs-relu': { target: 'plateaus', layers: 1, width: 8, activation: 'tanh', init: 'he_normal', optimizer: 'adam', lr: 0.03, epochs: 400, experiment: 'activations' },
    'tanh-initializers': { target: 'plateaus', layers: 1, width: 8, activation: 'tanh', optimizer: 'adam', lr: 0.03, epochs: 400, experiment: 'initializers' },
    'tanh-units': { target: 'sine', layers: 1, width: 6, activation: 'tanh', optimizer: 'adam', lr: 0.02, epochs: 300, view: 'units' },
    extrapolation: { target: 'sine', layers: 1, width: 8, activation: 'tanh', optimizer: 'adam', lr: 0.02, epochs: 300, view: 'wide' },
    'two-hidden-layers': { target: 'plateaus', layers: 2, width: 8, activation: 'relu', init: 'he_normal', optimizer: 'adam', lr: 0.03, epochs: 400, experiment: 'depth' },
    'width-sweep': { target: 'sine', layers: 1, activation: 'tanh', optimizer: 'adam', lr: 0.02, epochs: 200, experiment: 'width-sweep' },
  },
  controls: ['target', 'layers', 'width', 'activation', 'init', 'optimizer', 'lr', 'epochs'],
  // A network with no hidden layer has no hidden units to size or activate; an experiment that compares a
  // setting (widths, activations, depths, initializers, optimizers) sets it in each of its runs itself.
  inapplicable: {
    layers: unless('compared', (state) => state.experiment === 'depth'),
    width: (state) => (state.layers === 0 ? 'noHiddenLayers' : state.experiment === 'widths' || state.experiment === 'width-sweep' || state.experiment === 'depth' ? 'compared' : null),
    activation: (state) => (state.layers === 0 ? 'noHiddenLayers' : state.experiment === 'activations' ? 'compared' : null),
    init: unless('compared', (state) => state.experiment === 'initializers'),
    optimizer: unless('compared', (state) => state.experiment === 'sgd-vs-momentum'),
  },
});

export type FunctionFitState = StateOf<typeof functionFit.table>;
