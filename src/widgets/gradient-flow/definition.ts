/**
 * GradientFlow: per-layer gradient norms of a deep MLP while it trains. Sigmoid layers shrink the gradient at
 * every layer on the way back (σ′ ≤ 1/4), so the first layers barely learn; ReLU with He init keeps the norms
 * comparable; a tiny init makes every signal vanish and the loss stays flat without any error.
 * `digits-activations` (chapter 1, outline E4) trains the same deep net on the 700 training digits with sigmoid,
 * tanh and ReLU side by side (one engine run of five seeds each) and compares their first-step gradients.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { activationOptions, initializerOptions } from '../common/engine-choices';

export const gradientFlowPresets = ['deep-sigmoid', 'deep-relu-he', 'bad-init', 'digits-activations'] as const;

export const gradientFlow = defineWidget({
  family: 'gradient-flow',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(gradientFlowPresets),
    depth: numberParam({ default: 8, min: 2, max: 12, step: 1, integer: true, unit: 'layers' }),
    width: numberParam({ default: 16, min: 4, max: 64, step: 4, integer: true, unit: 'neurons' }),
    activation: choiceParam(activationOptions('sigmoid', 'tanh', 'relu'), 'sigmoid'),
    init: choiceParam(initializerOptions('glorot_normal', 'he_normal', 'small_normal'), 'glorot_normal'),
    lr: numberParam({ default: 0.05, min: 1e-4, max: 1, step: 1, log: true }),
    epochs: numberParam({ default: 100, min: 10, max: 1000, step: 10, integer: true, unit: 'epochs' }),
    /** `digits-activations`: optimizer steps of batch 32 (its data has 700 rows, so steps, not epochs). */
    steps: numberParam({ default: 60, min: 10, max: 500, step: 10, integer: true, unit: 'steps' }),
  },
  presets: {
    'deep-sigmoid': { activation: 'sigmoid', init: 'glorot_normal' },
    'deep-relu-he': { activation: 'relu', init: 'he_normal', lr: 0.01 },
    'bad-init': { activation: 'tanh', init: 'small_normal' },
    // Outline E4: 5 × 32, plain SGD 0.1, 60 steps; every activation at once, each with the same Glorot-uniform init.
    'digits-activations': { depth: 5, width: 32, lr: 0.1 },
  },
  controls: ['depth', 'width', 'activation', 'init', 'lr', 'epochs', 'steps'],
  presetControls: {
    'deep-sigmoid': ['depth', 'width', 'activation', 'init', 'lr', 'epochs'],
    'deep-relu-he': ['depth', 'width', 'activation', 'init', 'lr', 'epochs'],
    'bad-init': ['depth', 'width', 'activation', 'init', 'lr', 'epochs'],
    'digits-activations': ['depth', 'width', 'lr', 'steps'],
  },
});

export type GradientFlowState = StateOf<typeof gradientFlow.table>;
