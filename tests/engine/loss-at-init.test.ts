/**
 * Source 003's check: with small initial weights a C-class softmax classifier predicts ~uniform
 * probabilities, so its cross-entropy starts at ≈ ln C. A larger init must not (the check can fail).
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';

function classifier(classes: number, scale: number): RunConfig {
  return {
    model: { inputShape: [2], layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: classes, activation: 'softmax' }], initializer: { name: 'normal', scale } },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0 }, batchSize: 500, seed: 3 },
    dataset: { kind: 'classification2d', shape: 'spiral', classes, count: 300 },
    telemetry: { every: 1 },
  };
}

async function initialLoss(config: RunConfig): Promise<number> {
  const session = await TrainingSession.create(config);
  session.runSteps(1, true); // learning rate 0: the weights stay at their initial values
  const { event } = await progress(session, 'cpu', 0);
  session.dispose();
  return event.members[0]!.trainLoss;
}

describe.each(['cpu', 'wasm'] as const)('loss at initialization on %s', (backend) => {
  for (const classes of [3, 5, 10])
    it(`${classes} classes start at ln ${classes}`, async () => {
      await useBackend(backend);
      expect(Math.abs((await initialLoss(classifier(classes, 0.01))) - Math.log(classes))).toBeLessThan(0.01);
    });

  it('digits MLP 784-64-10 starts at ln 10', async () => {
    await useBackend(backend);
    const config: RunConfig = {
      model: { inputShape: [784], layers: [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }], initializer: { name: 'normal', scale: 0.01 } },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0 }, batchSize: 1000, seed: 1 },
      dataset: { kind: 'digits', count: 200 },
    };
    expect(Math.abs((await initialLoss(config)) - Math.log(10))).toBeLessThan(0.01);
  });

  it('a large init does not start at ln C', async () => {
    await useBackend(backend);
    expect(Math.abs((await initialLoss(classifier(10, 3))) - Math.log(10))).toBeGreaterThan(0.5);
  });
});
