/**
 * The pre-render tests reproduce the build's runs, which train dense networks on the dense-wasm kernel (plain
 * Node). Under jsdom the kernel is only reachable through the setup file's bytes; without them every run would
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
