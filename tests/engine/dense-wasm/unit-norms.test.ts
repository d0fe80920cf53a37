/**
 * Telemetry `maxUnitNormsByLayer` (with `layerStats`): per layer, the largest incoming-weight norm of a unit, the
 * quantity max-norm caps. Read from the weights after the step's projection, so a constrained layer reads at most
 * c on both compute paths, an unconstrained one may grow past it, and both paths agree with the weights they hold.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import type { PopulationKernel } from '@engine/train/kernel';
import { useBackend } from '../backend';
import { DenseWasmKernel } from '@engine/kernels/dense-wasm/kernel';
import { validateConfig } from '@engine/validate';

const C = 0.8;
const config: RunConfig = {
  model: {
    inputShape: [1],
    layers: [{ type: 'dense', units: 12, activation: 'tanh', maxNorm: C }, { type: 'dense', units: 12, activation: 'tanh' }, { type: 'dense', units: 1 }],
    initializer: { name: 'uniform', scale: 1.5 },
  },
  training: { loss: 'mse', optimizer: { name: 'momentum', learningRate: 0.05, momentum: 0.9 }, batchSize: 12, seed: 5 },
  dataset: { kind: 'function1d', fn: 'sine', count: 60, noise: 0.1 },
  population: { size: 5, members: [1, 2, 3, 4, 5].map((seed) => ({ seed })) },
  telemetry: { every: 10, layerStats: true },
};

/** Largest column norm of each member's [in, out] kernel, from the weights the kernel reads back. */
async function fromWeights(kernel: PopulationKernel, name: string): Promise<number[]> {
  const view = (await kernel.readParams()).get(name)!;
  const [inputs, units] = view.shape as [number, number];
  return Array.from({ length: kernel.members }, (_, p) => {
    let largest = 0;
    for (let j = 0; j < units; j++) {
      let sum = 0;
      for (let i = 0; i < inputs; i++) sum += view.values[p * inputs * units + i * units + j]! ** 2;
      largest = Math.max(largest, Math.sqrt(sum));
    }
    return largest;
  });
}

describe('telemetry: the largest unit norm per layer, after the max-norm projection', () => {
  for (const path of ['tfjs', 'dense-wasm'] as const)
    it(path, async () => {
      await useBackend('cpu');
      const kernel: PopulationKernel = path === 'tfjs' ? await TrainingSession.create(config) : await DenseWasmKernel.open(validateConfig(config));
      kernel.runSteps(20, true);
      const { event } = await progress(kernel, 'cpu', 0);
      const norms = event.maxUnitNormsByLayer!;
      expect(norms).toHaveLength(5);
      const expected = await Promise.all(['dense_0/kernel', 'dense_1/kernel', 'dense_2/kernel'].map((name) => fromWeights(kernel, name)));
      norms.forEach((row, p) => row.forEach((value, l) => expect(value).toBeCloseTo(expected[l]![p]!, 4)));
      // The constrained layer sits at the cap (uniform ±1.5 starts every unit of 1 input below 1.5, many above C);
      // the unconstrained layer of 12 inputs starts far past it.
      for (const row of norms) {
        expect(row[0]).toBeLessThanOrEqual(C + 1e-5);
        expect(row[0]).toBeGreaterThan(C - 0.05);
        expect(row[1]).toBeGreaterThan(C);
      }
      kernel.dispose();
    });
});
