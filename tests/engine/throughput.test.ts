/**
 * measure(): one config timed on a named backend and compute path for a fixed wall time, with no fallback.
 * Through the client (main-thread runner in Node) and directly with an injected clock.
 */
import { describe, expect, it } from 'vitest';
import { createTrainer } from '@engine/client';
import type { RunConfig } from '@engine/config';
import type { EngineEvent, ThroughputEvent } from '@engine/telemetry';
import { measureThroughput } from '@engine/train/throughput';
import { validateConfig } from '@engine/validate';
import { spiralNet } from './configs';

const population = (size: number): RunConfig => spiralNet({ population: { size } });

/** Sends one measure request through the client and resolves with the throughput or error event. */
function measure(config: RunConfig, request: Parameters<ReturnType<typeof createTrainer>['measure']>[0]): Promise<EngineEvent> {
  return new Promise((resolve) => {
    let id = 0;
    const trainer = createTrainer(config, (event) => {
      if ((event.type === 'throughput' && event.requestId === id) || event.type === 'error') {
        trainer.cancel();
        resolve(event);
      }
    });
    id = trainer.measure(request);
  });
}

describe('measure: throughput of one compute path', () => {
  it('tfjs on cpu and dense-wasm each report steps in about the asked time, and examples/s = P · batch · steps / s', async () => {
    for (const path of ['tfjs', 'dense-wasm'] as const) {
      const event = (await measure(population(4), { backend: 'cpu', path, seconds: 0.3, warmupSteps: 2 })) as ThroughputEvent;
      expect(event.type, JSON.stringify(event)).toBe('throughput');
      expect(event).toMatchObject({ backend: 'cpu', path, members: 4, batchSize: 10 });
      expect(event.steps).toBeGreaterThan(0);
      expect(event.seconds).toBeGreaterThanOrEqual(0.3);
      expect(event.examplesPerSecond).toBeCloseTo((4 * 10 * event.steps) / event.seconds, 6);
    }
  });

  it('a backend that cannot start here is an error naming it, never a zero throughput', async () => {
    const event = await measure(population(2), { backend: 'webgl', path: 'tfjs', seconds: 0.1 });
    expect(event).toMatchObject({ type: 'error', code: 'backend_unavailable', field: 'backend' });
  });

  it('a path that does not run the config on that backend is refused (dense-wasm has no normalization layers)', async () => {
    const normalized: RunConfig = {
      model: { inputShape: [8], layers: [{ type: 'dense', units: 4, activation: 'relu', normalization: 'batch' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.01 }, batchSize: 4, seed: 1 },
      dataset: { kind: 'inline', inputs: Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i + j) / 16)), targets: Array.from({ length: 8 }, (_, i) => [i / 8]) },
    };
    const event = await measure(normalized, { backend: 'cpu', path: 'dense-wasm', seconds: 0.1 });
    expect(event).toMatchObject({ type: 'error', code: 'path_unavailable', field: 'path' });
  });

  it('bad requests are refused by field', async () => {
    expect(await measure(population(1), { backend: 'cpu', path: 'tfjs', seconds: 0 })).toMatchObject({ type: 'error', code: 'out_of_range', field: 'seconds' });
    expect(await measure(population(1), { backend: 'cpu', path: 'tfjs', seconds: 1, warmupSteps: -1 })).toMatchObject({ type: 'error', code: 'out_of_range', field: 'warmupSteps' });
    expect(await measure(population(1), { backend: 'cpu', path: 'nope' as 'tfjs', seconds: 1 })).toMatchObject({ type: 'error', code: 'unknown_path', field: 'path' });
  });

  it('times with the given clock: it stops as soon as the measured time passes the limit, and reports that time', async () => {
    // A clock that advances 5 ms at every reading, whatever the real time: the run must end on its readings.
    let time = 0;
    const config = validateConfig(population(3));
    const event = await measureThroughput(config, { backend: 'cpu', path: 'dense-wasm', seconds: 0.1, warmupSteps: 0 }, 7, { wasmPath: '/tfjs-wasm/', now: () => (time += 5) });
    expect(event.requestId).toBe(7);
    expect(event.steps).toBeGreaterThan(0);
    expect(event.seconds * 1000).toBeGreaterThanOrEqual(100);
    expect(event.seconds * 1000).toBeLessThanOrEqual(115);
    expect(event.examplesPerSecond).toBeCloseTo((3 * 10 * event.steps) / event.seconds, 6);
  });
});
