/**
 * The pre-render tests reproduce the build's runs, which train dense networks and convnets on the dense-wasm
 * kernel (plain Node). Under jsdom the kernel is only reachable through the setup file's bytes; without them every run would
 * silently fall back to tfjs, take ten times longer and differ from the build's numbers in chaotic presets.
 */
import { expect, it } from 'vitest';
import '@engine/tf';
import { createKernel } from '@engine/train/compute-paths';

it('under jsdom, a dense population trains on dense-wasm, as in the build', async () => {
  const kernel = await createKernel(
    {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 4, seed: 1, steps: 1 },
      dataset: { kind: 'function1d', fn: 'sine', seed: 1 },
    },
    'cpu',
  );
  expect(kernel.path).toBe('dense-wasm');
  kernel.dispose();
});

it('under jsdom, a convnet population trains on dense-wasm too (chapter 3\'s priors presets)', async () => {
  const kernel = await createKernel(
    {
      model: { inputShape: [6, 6, 1], layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }, { type: 'pool2d', pool: 'max', size: 2 }, { type: 'flatten' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 4, seed: 1, steps: 1 },
      dataset: { kind: 'inline', inputs: Array.from({ length: 8 }, (_, i) => Array.from({ length: 36 }, (_, j) => Math.sin(i + j))), targets: Array.from({ length: 8 }, (_, i) => [i / 8]) },
    },
    'cpu',
  );
  expect(kernel.path).toBe('dense-wasm');
  kernel.dispose();
});
