/** ActivationFunctions: each activation and its derivative, drawn from their formulas (no training). */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam } from '../shell/params';

export const activationFunctionsPresets = ['default'] as const;

export const activationFunctions = defineWidget({
  family: 'activation-functions',
  trains: false,
  usesEngine: false,
  table: {
    ...shellParams(activationFunctionsPresets),
    activation: choiceParam(['all', 'linear', 'relu', 'leaky_relu', 'tanh', 'sigmoid'], 'all'),
  },
  presets: { default: {} },
  controls: ['activation'],
});
