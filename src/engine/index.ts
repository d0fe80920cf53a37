/**
 * Public entry of the engine. Importing it pulls in no tfjs: the trainer loads tfjs lazily.
 *
 *   import { createTrainer, validateConfig } from '@engine/index';
 */
export type * from './types';
export { createTrainer } from './client';
export { validateConfig, ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, BACKEND_CHOICES } from './validate';
export { EngineError, ConfigError } from './errors';
export { FUNCTIONS_1D } from './datasets/functions1d';
export { SURFACES } from './datasets/surfaces';
export { DEFAULT_WASM_PATH, BACKEND_ORDER, backendFromQuery } from './backends-order';
export { loadPretrained, PRETRAINED_CONFIGS, type PretrainedName } from './pretrained';
