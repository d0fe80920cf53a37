/**
 * `initSeed` seeds a member's initial weights alone: members given one `initSeed` start equal on every compute
 * path, and their own `seed` still draws their data (here fresh samples), so training pulls them apart.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { maxDifference, sineNet } from './configs';
import { PATHS, kernelOn, kernelParams } from './paths';

const config = (initSeed?: number): RunConfig =>
  sineNet({
    training: { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 20, seed: 1 },
    population: { size: 3, dataSubset: { type: 'fresh' }, members: [11, 12, 13].map((seed) => ({ seed, ...(initSeed ? { initSeed } : {}) })) },
  });

describe.each(PATHS)('initSeed on %s', (path) => {
  it('members with one initSeed start from the same weights, the seed of a lone member with that seed', async () => {
    const shared = await kernelOn(path, config(11));
    const alone = await kernelOn(path, sineNet({ population: { size: 1, members: [{ seed: 11 }] } }));
    const first = await kernelParams(shared, 0);
    expect(first).toEqual(await kernelParams(alone, 0));
    for (const member of [1, 2]) expect(await kernelParams(shared, member)).toEqual(first);
    // Their data differ (fresh samples from their own seeds), so training moves them apart.
    shared.runSteps(20, false);
    expect(maxDifference(await kernelParams(shared, 0), await kernelParams(shared, 1))).toBeGreaterThan(1e-4);
    shared.dispose();
    alone.dispose();
  });

  it('without initSeed every member draws its weights from its own seed', async () => {
    const own = await kernelOn(path, config());
    expect(maxDifference(await kernelParams(own, 0), await kernelParams(own, 1))).toBeGreaterThan(1e-3);
    own.dispose();
  });
});
