/**
 * Checkpoints: the shipped pretrained digits MLP restores to its accuracy; transfer learning onto a new head.
 * Each runs on dense-wasm as well as on tfjs (the digits MLP is a dense network: dense-wasm trains it in
 * the site), through the kernel interface the runner uses.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { loadPretrained, PRETRAINED_CONFIGS } from '@engine/pretrained';
import { restoreCheckpoint, saveCheckpoint } from '@engine/train/checkpoint';
import type { PopulationKernel } from '@engine/train/kernel';
import { progress } from '@engine/train/progress';
import { kernelOn } from './paths';

async function accuracy(session: PopulationKernel): Promise<number> {
  session.runSteps(1, true); // progress needs a step window; learning rate 0 keeps the weights
  const { event } = await progress(session, 'cpu', 0);
  return event.members[0]!.validationAccuracy!;
}

const frozenRate = (config: RunConfig): RunConfig => ({ ...config, training: { ...config.training, optimizer: { ...config.training.optimizer, learningRate: 0 } } });
const hiddenKernel = async (session: PopulationKernel) => Array.from((await session.readParams()).get('hidden/kernel')!.values);

describe('checkpoints', () => {
  it.each(['tfjs-cpu', 'dense-wasm'] as const)('on %s: the shipped digits MLP restores to its trained accuracy; a fresh one is at chance', async (path) => {
    const session = await kernelOn(path, frozenRate(PRETRAINED_CONFIGS['digits-mlp']));
    expect(session.path).toBe(path === 'dense-wasm' ? 'dense-wasm' : 'tfjs');
    expect(await accuracy(session)).toBeLessThan(0.3);
    restoreCheckpoint(session, await loadPretrained('digits-mlp'));
    expect(await accuracy(session)).toBeGreaterThan(0.8);
    session.dispose();
  });

  it.each(['tfjs-wasm', 'dense-wasm'] as const)('on %s: a 1-member checkpoint fills a whole population, and save → JSON → restore round-trips', async (path) => {
    const config: RunConfig = { ...frozenRate(PRETRAINED_CONFIGS['digits-mlp']), population: { size: 3, members: [{ seed: 1 }, { seed: 2 }, { seed: 3 }] } };
    const session = await kernelOn(path, config);
    restoreCheckpoint(session, await loadPretrained('digits-mlp'));
    const saved = JSON.parse(JSON.stringify(await saveCheckpoint(session)));
    expect(saved.members).toHaveLength(3);
    expect(saved.members[2]).toEqual(saved.members[0]);
    restoreCheckpoint(session, saved);
    expect((await saveCheckpoint(session)).members).toEqual(saved.members);
    session.dispose();
  });

  it.each(['tfjs-cpu', 'dense-wasm'] as const)('on %s: transfer learning, pretrained hidden layer, frozen, under a new output layer', async (path) => {
    const base = PRETRAINED_CONFIGS['digits-mlp'];
    const layers = base.model.layers.map((l, i) => (i === 0 ? { ...l, trainable: false } : { ...l, name: 'new_head' }));
    const session = await kernelOn(path, { ...base, model: { ...base.model, layers } });
    const restored = restoreCheckpoint(session, await loadPretrained('digits-mlp'), { partial: true });
    expect(restored.sort()).toEqual(['hidden/bias', 'hidden/kernel']);
    const hiddenBefore = await hiddenKernel(session);
    session.runSteps(session.stepsPerEpoch * 3, true);
    const { event } = await progress(session, 'cpu', 0);
    expect(await hiddenKernel(session)).toEqual(hiddenBefore);
    expect(event.members[0]!.validationAccuracy!).toBeGreaterThan(0.6);
    session.dispose();
  });
});
