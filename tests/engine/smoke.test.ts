import { describe, expect, it } from 'vitest';
import { TrainingSession } from '@engine/train/session';
import { progress } from '@engine/train/progress';
import { useBackend } from './backend';
import type { RunConfig } from '@engine/config';

const spiral: RunConfig = {
  model: { inputShape: [2], layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
  training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.3 }, batchSize: 10, seed: 1 },
  dataset: { kind: 'classification2d', shape: 'spiral', count: 250 },
  population: { size: 4, members: [1, 2, 3, 4].map((s) => ({ seed: s })) },
  telemetry: { probe: true, activationStats: true, histogramBins: 5 },
};

describe('smoke', () => {
  for (const backend of ['cpu', 'wasm'] as const)
    it(`trains on ${backend}`, async () => {
      await useBackend(backend);
      const s = await TrainingSession.create(spiral);
      const t0 = performance.now();
      s.runSteps(10, true);
      const first = await progress(s, backend, 0);
      s.runSteps(500, true);
      const last = await progress(s, backend, 0);
      console.log(backend, (performance.now() - t0).toFixed(0), 'ms', JSON.stringify(first.event.members[0]), JSON.stringify(last.event.members[0]), JSON.stringify(last.event.gradientNormsByLayer?.[0]), JSON.stringify(last.event.activationStats?.deadFraction[0]));
      expect(last.event.members[0]!.trainLoss).toBeLessThan(first.event.members[0]!.trainLoss);
      s.dispose();
    });
});
