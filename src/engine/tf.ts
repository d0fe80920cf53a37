/**
 * The engine's one door to TensorFlow.js. The union package registers every gradient and the cpu and
 * WebGL backends; importing it (instead of tfjs-core pieces) keeps one copy of the core in Node, Vite and
 * esbuild alike. Only modules loaded lazily (runner, worker) import this file.
 */
export * from '@tensorflow/tfjs';
