/** Magnitude pruning of checkpoints (chapter 3): exact smallest weights zeroed, a population per level. */
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '@engine/checkpoint-format';
import type { RunConfig } from '@engine/config';
import { loadPretrained, PRETRAINED_CONFIGS } from '@engine/pretrained';
import { pruneCheckpoint } from '@engine/train/prune';
import { restoreCheckpoint } from '@engine/train/checkpoint';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';

function toy(): Checkpoint {
  return {
    format: 'deep-practice-checkpoint',
    version: 1,
    model: { inputShape: [2], layers: [{ type: 'dense', units: 3 }, { type: 'dense', units: 1 }] },
    step: 0,
    members: [
      {
        'dense_0/kernel': { shape: [2, 3], data: [0.5, -0.1, 0.3, -0.9, 0.05, 0.2] },
        'dense_0/bias': { shape: [1, 3], data: [0.01, -0.02, 0.03] },
        'dense_1/kernel': { shape: [3, 1], data: [-0.4, 0.02, 0.7] },
        'dense_1/bias': { shape: [1, 1], data: [0.001] },
      },
    ],
  };
}

describe('pruneCheckpoint', () => {
  it('per layer: zeroes exactly the smallest |w| of each kernel, keeps biases, one member per level', () => {
    const source = toy();
    const { checkpoint, masks, sparsity } = pruneCheckpoint(source, [0, 0.5, 1]);
    expect(checkpoint.members).toHaveLength(3);
    expect(checkpoint.members[0]).toEqual(source.members[0]);
    const half = checkpoint.members[1]!;
    // dense_0: |w| = 0.5, 0.1, 0.3, 0.9, 0.05, 0.2 → the 3 smallest (0.05, 0.1, 0.2) go.
    expect(half['dense_0/kernel']!.data).toEqual([0.5, 0, 0.3, -0.9, 0, 0]);
    // dense_1: round(3 · 0.5) = 2 weights go (0.02, then 0.4).
    expect(half['dense_1/kernel']!.data).toEqual([0, 0, 0.7]);
    expect(half['dense_0/bias']!.data).toEqual([0.01, -0.02, 0.03]);
    expect(masks[1]!['dense_0/kernel']).toEqual([1, 0, 1, 1, 0, 0]);
    expect(sparsity[1]).toBeCloseTo(5 / 9, 12);
    expect(masks[1]!['dense_0/bias']).toBeUndefined();
    expect(checkpoint.members[2]!['dense_0/kernel']!.data.every((v) => v === 0)).toBe(true);
    expect(sparsity[0]).toBe(0);
    expect(sparsity[2]).toBe(1);
    expect(source.members[0]!['dense_0/kernel']!.data[1]).toBe(-0.1); // the source is not modified
  });

  it('global scope ranks all kernels together; include "all" prunes biases too', () => {
    const { checkpoint } = pruneCheckpoint(toy(), [1 / 3], { scope: 'global' });
    // 9 kernel weights, 3 smallest overall: 0.02 (dense_1), 0.05 and -0.1 (dense_0).
    expect(checkpoint.members[0]!['dense_0/kernel']!.data).toEqual([0.5, 0, 0.3, -0.9, 0, 0.2]);
    expect(checkpoint.members[0]!['dense_1/kernel']!.data).toEqual([-0.4, 0, 0.7]);
    const all = pruneCheckpoint(toy(), [0.5], { include: 'all' }).checkpoint.members[0]!;
    expect(all['dense_1/bias']!.data).toEqual([0]); // round(1 · 0.5) = 1 → the single bias goes
    expect(all['dense_0/bias']!.data.filter((v) => v === 0)).toHaveLength(2);
  });

  it('rejects levels outside [0, 1], an empty list and a missing source member', () => {
    expect(() => pruneCheckpoint(toy(), [1.2])).toThrow(RangeError);
    expect(() => pruneCheckpoint(toy(), [])).toThrow(RangeError);
    expect(() => pruneCheckpoint(toy(), [0.5], { sourceMember: 3 })).toThrow(RangeError);
  });

  it('the pruned digits MLP restores as a population: level 0 keeps its accuracy, all kernels cut is a constant guess', async () => {
    await useBackend('cpu');
    const pretrained = await loadPretrained('digits-mlp');
    const { checkpoint, sparsity } = pruneCheckpoint(pretrained, [0, 0.9, 1]);
    expect(sparsity[1]).toBeCloseTo(0.9, 3);
    const base = PRETRAINED_CONFIGS['digits-mlp'];
    const config: RunConfig = { ...base, training: { ...base.training, optimizer: { ...base.training.optimizer, learningRate: 0 } }, population: { size: 3 } };
    const session = await TrainingSession.create(config);
    restoreCheckpoint(session, checkpoint);
    session.runSteps(1, true); // learning rate 0: the weights stay as restored
    const { event } = await progress(session, 'cpu', 0);
    const accuracy = event.members.map((m) => m.validationAccuracy!);
    expect(accuracy[0]).toBeGreaterThan(0.8);
    expect(accuracy[2]).toBeLessThan(0.2); // softmax(bias) is the same for every digit
    session.dispose();
  });
});
