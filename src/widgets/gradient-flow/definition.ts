/**
 * GradientFlow: per-layer gradient norms of a deep MLP while it trains. Sigmoid layers shrink the gradient at
 * every layer on the way back (σ′ ≤ 1/4), so the first layers barely learn; ReLU with He init keeps the norms
 * comparable; a tiny init makes every signal vanish and the loss stays flat without any error.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam } from '../shell/params';
import { activationOptions, initializerOptions } from '../common/engine-choices';

export const gradientFlowPresets = ['deep-sigmoid', 'deep-relu-he', 'bad-init'] as const;

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
  },
  presets: {
    'deep-sigmoid': { activation: 'sigmoid', init: 'glorot_normal' },
    'deep-relu-he': { activation: 'relu', init: 'he_normal', lr: 0.01 },
    'bad-init': { activation: 'tanh', init: 'small_normal' },
  },
  controls: ['depth', 'width', 'activation', 'init', 'lr', 'epochs'],
});
