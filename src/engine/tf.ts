/**
 * The engine's one door to TensorFlow.js: tfjs-core plus its gradient registry (the core package alone
 * registers no gradients). Importing only core keeps layers and converter out of the bundle.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * from '@tensorflow/tfjs-core';
