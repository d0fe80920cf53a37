/** Activations and their derivatives, as the engine defines them: taken from the engine's activation
 * registry (`src/engine/registry/activations.ts`, no tfjs), every activation allowed on hidden layers. */
import { ACTIVATIONS, HIDDEN_ACTIVATIONS, type HiddenActivationName } from '@engine/registry/activations';

export interface Activation {
  value(z: number): number;
  derivative(z: number): number;
}

export type ActivationKey = HiddenActivationName;
export const activationKeys: ActivationKey[] = [...HIDDEN_ACTIVATIONS];
export const activationFormulas = Object.fromEntries(activationKeys.map((key) => [key, { value: ACTIVATIONS[key].value, derivative: ACTIVATIONS[key].derivative }])) as Record<ActivationKey, Activation>;
