/**
 * Source 003's check: with small initial weights a C-class softmax classifier predicts ~uniform
 * probabilities, so its cross-entropy starts at ≈ ln C. A larger init must not (the check can fail).
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { progress } from '@engine/train/progress';
import { PATHS, backendOf, kernelOn, type PathName } from './paths';

function classifier(classes: number, scale: number): RunConfig {
  return {
    model: { inputShape: [2], layers: [{ type: 'dense', units: 16, activation: 'relu' }, { type: 'dense', units: classes, activation: 'softmax' }], initializer: { name: 'normal', scale } },
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0 }, batchSize: 500, seed: 3 },
    dataset: { kind: 'classification2d', shape: 'spiral', classes, count: 300 },
    telemetry: { every: 1 },
  };
}

async function initialLoss(path: PathName, config: RunConfig): Promise<number> {
  const session = await kernelOn(path, config);
  session.runSteps(1, true); // learning rate 0: the weights stay at their initial values
  const { event } = await progress(session, backendOf(path), 0);
  session.dispose();
  return event.members[0]!.trainLoss;
}

describe.each(PATHS)('loss at initialization on %s', (path) => {
  for (const classes of [3, 5, 10])
    it(`${classes} classes start at ln ${classes}`, async () => {
      expect(Math.abs((await initialLoss(path, classifier(classes, 0.01))) - Math.log(classes))).toBeLessThan(0.01);
    });

  it('digits MLP 784-64-10 starts at ln 10', async () => {
    const config: RunConfig = {
      model: { inputShape: [784], layers: [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }], initializer: { name: 'normal', scale: 0.01 } },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0 }, batchSize: 1000, seed: 1 },
      dataset: { kind: 'digits', count: 200 },
    };
    expect(Math.abs((await initialLoss(path, config)) - Math.log(10))).toBeLessThan(0.01);
  });

  it('a large init does not start at ln C', async () => {
    expect(Math.abs((await initialLoss(path, classifier(10, 3))) - Math.log(10))).toBeGreaterThan(0.5);
  });
});
