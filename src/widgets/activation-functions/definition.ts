/** ActivationFunctions: each activation and its derivative, drawn from their formulas (no training). */
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, type StateOf } from '../shell/params';
import { activationKeys } from './formulas';

export const activationFunctionsPresets = ['default'] as const;

export const activationFunctions = defineWidget({
  family: 'activation-functions',
  trains: false,
  usesEngine: false,
  table: {
    ...shellParams(activationFunctionsPresets),
    activation: choiceParam(['all', ...activationKeys], 'all'),
  },
  presets: { default: {} },
  controls: ['activation'],
});

export type ActivationFunctionsState = StateOf<typeof activationFunctions.table>;
