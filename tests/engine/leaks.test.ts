/** tf.memory().numTensors is constant over 1,000 steps with telemetry, on both gradient paths. */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import * as tf from '@engine/tf';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';
import { sineNet, spiralNet } from './configs';

const fullTelemetry = { every: 50, probe: true, activationStats: true, histogramBins: 8, biasVariance: true } as const;

const cases: [string, RunConfig][] = [
  ['dense fast path, population of 4, dropout, telemetry', sineNet({
    model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'relu', dropout: 0.2 }, { type: 'dense', units: 1 }] },
    population: { size: 4, members: [1, 2, 3, 4].map((seed) => ({ seed })), dataSubset: { type: 'fresh' } },
    telemetry: fullTelemetry,
  })],
  ['autodiff: batch norm + Adam + clipping, telemetry', sineNet({
    model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'tanh', normalization: 'batch', maxNorm: 2 }, { type: 'dense', units: 1 }] },
    training: { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01, clipNorm: 1, schedule: { type: 'exponential', decaySteps: 100, rate: 0.9 } }, batchSize: 16, seed: 3 },
    telemetry: fullTelemetry,
  })],
  ['classifier with validation and probe', spiralNet({ telemetry: { every: 50, probe: true, activationStats: true } })],
];

describe.each(['cpu', 'wasm'] as const)('no tensor leaks on %s', (backend) => {
  for (const [name, config] of cases)
    it(name, async () => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const session = await TrainingSession.create(config);
      session.runSteps(50, true);
      await progress(session, backend, 0); // first readback builds the cached evaluation tensors
      const steady = tf.memory().numTensors;
      for (let k = 0; k < 19; k++) {
        session.runSteps(50, true);
        const { event } = await progress(session, backend, 0);
        expect(event.members[0]!.trainLoss).toBeTypeOf('number');
        expect(tf.memory().numTensors).toBe(steady);
      }
      expect(session.step).toBe(1000);
      session.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
});
