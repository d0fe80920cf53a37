/** A member trained inside a population gives the same numbers as that network trained alone. */
import { describe, expect, it } from 'vitest';
import type { MemberOverrides, RunConfig } from '@engine/config';
import { maxDifference, sineNet } from './configs';
import { PATHS, kernelOn, kernelParams } from './paths';

const memberParams = kernelParams;

const members: MemberOverrides[] = [
  { seed: 1, learningRate: 0.01 },
  { seed: 2, learningRate: 0.1, l2: 0.01 },
  { seed: 3, learningRate: 0.05, dropout: 0.3, initializer: { name: 'he_normal' } },
  { seed: 4, learningRate: 0.08, l1: 0.001 },
];

function base(dataSubset: 'shared' | 'bootstrap' | 'fresh', optimizer: 'sgd' | 'momentum', normalization: 'none' | 'batch'): RunConfig {
  return sineNet({
    model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'tanh', normalization }, { type: 'dense', units: 6, activation: 'relu' }, { type: 'dense', units: 1 }] },
    training: { loss: 'mse', optimizer: { name: optimizer, learningRate: 0.05 }, batchSize: 16, seed: 1 },
    population: { size: members.length, members, dataSubset: { type: dataSubset } },
  });
}

describe.each(PATHS)('population on %s', (path) => {
  const variants: [string, RunConfig][] = [
    ['shared data, SGD', base('shared', 'sgd', 'none')],
    ['bootstrap data, momentum', base('bootstrap', 'momentum', 'none')],
    // Batch norm trains on tfjs only (autodiff); dense-wasm takes plain dense networks.
    ...(path === 'dense-wasm' ? [] : [['fresh samples, batch norm (autodiff)', base('fresh', 'sgd', 'batch')] as [string, RunConfig]]),
  ];
  for (const [name, config] of variants)
    it(`each member equals the same net alone: ${name}`, async () => {
      const population = await kernelOn(path, config);
      population.runSteps(40, false);
      for (let p = 0; p < members.length; p++) {
        const alone = await kernelOn(path, { ...config, population: { size: 1, members: [members[p]!], dataSubset: config.population!.dataSubset! } });
        alone.runSteps(40, false);
        const difference = maxDifference(await memberParams(population, p), await memberParams(alone, 0));
        alone.dispose();
        expect(difference, `member ${p}`).toBeLessThan(1e-6);
      }
      // Members really differ (different seeds, rates, data): the test is not comparing copies.
      expect(maxDifference(await memberParams(population, 0), await memberParams(population, 1))).toBeGreaterThan(1e-2);
      population.dispose();
    });
});
