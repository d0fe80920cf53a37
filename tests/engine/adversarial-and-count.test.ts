/** FGSM on the pretrained digits MLP, its random-noise control, and parameter counts (chapter 3). */
import { describe, expect, it } from 'vitest';
import { fgsm, randomSignNoise } from '@engine/adversarial';
import { countParameters } from '@engine/model/parameter-count';
import { loadPretrained, PRETRAINED_CONFIGS } from '@engine/pretrained';
import { loadDigits } from '@engine/datasets/digits';
import { splitData } from '@engine/datasets/split';
import { restoreCheckpoint } from '@engine/train/checkpoint';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';

const argmax = (row: number[]) => row.indexOf(Math.max(...row));

describe('fgsm and its control', () => {
  it('moves each feature by ε against the gradient sign, clipped to the range; zero gradient stays', () => {
    expect(fgsm([[0.5, 0.5, 0.98, 0.5]], [[2, -3, 1, 0]], 0.1)).toEqual([[0.6, 0.4, 1, 0.5]]);
    expect(fgsm([[0.2]], [[1]], 0)).toEqual([[0.2]]);
    expect(() => fgsm([[0.2]], [[1, 2]], 0.1)).toThrow(RangeError);
    expect(() => fgsm([[0.2]], [[1]], -0.1)).toThrow(RangeError);
  });

  it('random sign noise moves every unclipped feature by exactly ε, seeded, in both directions', () => {
    const rows = [new Array(200).fill(0.5)];
    const noisy = randomSignNoise(rows, 0.1, 3)[0]!;
    expect(noisy.every((v) => Math.abs(Math.abs(v - 0.5) - 0.1) < 1e-12)).toBe(true);
    expect(noisy.filter((v) => v > 0.5).length).toBeGreaterThan(60);
    expect(noisy.filter((v) => v < 0.5).length).toBeGreaterThan(60);
    expect(randomSignNoise(rows, 0.1, 3)).toEqual([noisy]);
    expect(randomSignNoise(rows, 0.1, 4)).not.toEqual([noisy]);
  });

  it('on the pretrained digits MLP, FGSM at ε = 0.2 flips more validation digits than random noise of the same size', async () => {
    await useBackend('cpu');
    const config = PRETRAINED_CONFIGS['digits-mlp'];
    const session = await TrainingSession.create(config);
    restoreCheckpoint(session, await loadPretrained('digits-mlp'));
    const validation = splitData(await loadDigits(), { train: 0.7, validation: 0.2 }, false, 1, 1).validation;
    const rows = Array.from({ length: 60 }, (_, i) => Array.from(validation.inputs.subarray(i * 784, (i + 1) * 784)));
    const labels = Array.from(validation.targets.subarray(0, 60));
    const correct = async (inputs: number[][]) => {
      const predictions = (await session.predict(inputs))[0]!;
      return predictions.filter((p, i) => argmax(p) === labels[i]).length;
    };
    const { gradients } = await session.inputGradient(rows, labels);
    const clean = await correct(rows);
    const attacked = await correct(fgsm(rows, gradients[0]!, 0.2));
    const control = await correct(randomSignNoise(rows, 0.2, 1));
    expect(clean).toBeGreaterThan(45);
    expect(attacked).toBeLessThan(clean - 15);
    expect(control).toBeGreaterThan(attacked + 10);
    session.dispose();
  });
});

describe('countParameters', () => {
  it('counts the chapter-3 MLP and convnet of equal budget and the pretrained digits MLP', () => {
    const mlp = countParameters({ inputShape: [784], layers: [{ type: 'dense', units: 11, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] });
    expect(mlp.total).toBe(784 * 11 + 11 + 11 * 10 + 10);
    const convnet = countParameters({
      inputShape: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 8, kernelSize: 3 },
        { type: 'pool2d', pool: 'max', size: 2 },
        { type: 'conv2d', filters: 16, kernelSize: 3 },
        { type: 'pool2d', pool: 'max', size: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    });
    expect(convnet.byLayer.map((l) => l.count)).toEqual([80, 0, 1168, 0, 0, 7850]);
    expect(convnet.total).toBe(9098);
    expect(countParameters(PRETRAINED_CONFIGS['digits-mlp'].model).total).toBe(784 * 32 + 32 + 32 * 10 + 10);
  });

  it('frozen layers are not trainable; an impossible model is rejected', () => {
    const frozen = countParameters({ inputShape: [3], layers: [{ type: 'dense', units: 4, trainable: false }, { type: 'dense', units: 1 }] });
    expect(frozen).toMatchObject({ total: 21, trainable: 5 });
    expect(() => countParameters({ inputShape: [28, 28, 1], layers: [{ type: 'dense', units: 2 }, { type: 'conv2d', filters: 2, kernelSize: 3 }] })).toThrow(RangeError);
  });
});
