/**
 * The client API end to end in Node: no Worker here, so createTrainer runs the engine on the main thread in
 * time slices (the fallback path). Backend choice (forced, auto with cache, conv on wasm), pause/step/resume,
 * live changes, checkpoints, predictions, input gradients and cancel.
 */
import { describe, expect, it } from 'vitest';
import { createTrainer } from '@engine/client';
import type { RunConfig } from '@engine/config';
import type { EngineEvent, ProgressEvent } from '@engine/telemetry';
import * as tf from '@engine/tf';
import { sineNet, spiralNet } from './configs';
import { useBackend } from './backend';

function collect(config: RunConfig) {
  const events: EngineEvent[] = [];
  const waiters: { test: (e: EngineEvent) => boolean; resolve: (e: EngineEvent) => void }[] = [];
  const trainer = createTrainer(config, (event) => {
    events.push(event);
    for (const w of [...waiters]) if (w.test(event)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  const next = <T extends EngineEvent>(test: (e: EngineEvent) => boolean, timeout = 60_000) =>
    new Promise<T>((resolve, reject) => {
      const found = events.find(test);
      if (found) return resolve(found as T);
      const timer = setTimeout(() => reject(new Error(`timed out; events: ${events.map((e) => e.type).join(',')}`)), timeout);
      waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e as T)) });
    });
  /** Cancel and wait until the engine has released everything. */
  const finish = async () => {
    trainer.cancel();
    await next((e) => e.type === 'state' && e.state === 'cancelled');
  };
  return { trainer, events, next, finish };
}

describe('createTrainer (main-thread fallback)', () => {
  it('trains to the configured epochs with falling loss, then reports done', async () => {
    const { trainer, events, next, finish } = collect(spiralNet({ training: { loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.02 }, batchSize: 10, seed: 1, epochs: 30 }, telemetry: { every: 35 }, runtime: { backend: 'wasm' } }));
    trainer.start();
    await next((e) => e.type === 'done');
    const backend = events.find((e) => e.type === 'backend');
    expect(backend).toMatchObject({ name: 'wasm', reason: 'forced', path: 'dense-wasm' }); // a dense net on a CPU backend
    const progress = events.filter((e): e is ProgressEvent => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)!.members[0]!.trainLoss).toBeLessThan(progress[0]!.members[0]!.trainLoss);
    expect(progress.at(-1)!.epoch).toBe(30);
    expect(progress[0]!.gradientNormsByLayer![0]!.length).toBe(3);
    await finish();
  });

  it('pause, step(n), set, save/restore, predict and inputGradient', async () => {
    const { trainer, events, next, finish } = collect(sineNet({ telemetry: { every: 1000 }, runtime: { backend: 'cpu' } }));
    trainer.start();
    trainer.pause();
    trainer.step(7);
    const first = await next<ProgressEvent>((e) => e.type === 'progress');
    expect(first.step).toBe(7);
    trainer.set('learningRate', -3); // rejected, run untouched
    const error = await next((e) => e.type === 'error');
    expect(error).toMatchObject({ code: 'out_of_range', field: 'training.optimizer.learningRate' });
    trainer.set('learningRate', 0.2);
    trainer.step(3);
    const second = await next<ProgressEvent>((e) => e.type === 'progress' && e.step === 10);
    expect(second.members[0]!.learningRate).toBe(0.2);
    trainer.save();
    const saved = await next((e) => e.type === 'checkpoint');
    const id = trainer.predict([[0], [1]]);
    const prediction = await next((e) => e.type === 'prediction' && e.requestId === id);
    trainer.step(20);
    await next((e) => e.type === 'progress' && e.step === 30);
    if (saved.type !== 'checkpoint') throw new Error('no checkpoint');
    trainer.restore(saved.checkpoint);
    const again = trainer.predict([[0], [1]]);
    const restored = await next((e) => e.type === 'prediction' && e.requestId === again);
    expect(restored.type === 'prediction' && restored.predictions).toEqual(prediction.type === 'prediction' && prediction.predictions);
    const gid = trainer.inputGradient([[0.5]], [[2]]);
    const gradient = await next((e) => e.type === 'inputGradient' && e.requestId === gid);
    if (gradient.type !== 'inputGradient') throw new Error('no gradient');
    // d/dx (f(x) - 2)² = 2 (f(x) - 2) f'(x): check against a central difference of the loss through predict.
    const h = 1e-2;
    const pid = trainer.predict([[0.5 - h], [0.5 + h]]);
    const around = await next((e) => e.type === 'prediction' && e.requestId === pid);
    if (around.type !== 'prediction') throw new Error('no prediction');
    const [low, high] = around.predictions[0]!.map((row) => (row[0]! - 2) ** 2) as [number, number];
    expect(gradient.gradients[0]![0]![0]!).toBeCloseTo((high - low) / (2 * h), 2);
    expect(events.some((e) => e.type === 'done')).toBe(false);
    await finish();
  });

  it('auto measures the backends, caches the choice per workload, and cancel frees every tensor', async () => {
    const config = sineNet({ runtime: { backend: 'auto' }, telemetry: { every: 5 } });
    // Initializing a backend registers a few tensors of its own: count from after both are up.
    await useBackend('wasm');
    await useBackend('cpu');
    const before = tf.memory().numTensors;
    const first = collect(config);
    first.trainer.start();
    const measured = await first.next((e) => e.type === 'backend');
    expect(measured).toMatchObject({ reason: 'measured-fastest' });
    if (measured.type !== 'backend') throw new Error('no backend event');
    // dense-wasm is timed next to tfjs on wasm and cpu, and the event names the path that won the timing.
    const measurements = measured.measurements ?? {};
    expect(Object.keys(measurements).sort()).toEqual(['cpu', 'dense-wasm', 'wasm']);
    const winner = Object.entries(measurements).sort((a, b) => b[1] - a[1])[0]![0];
    expect(measured.path).toBe(winner === 'dense-wasm' ? 'dense-wasm' : 'tfjs');
    expect(measured.name).toBe(winner === 'dense-wasm' ? 'wasm' : winner);
    // A population below GPU_MIN_POPULATION that dense-wasm can train never starts a GPU backend (train/path-choice.ts),
    // so none is reported unavailable here.
    expect(measured.unavailable ?? {}).toEqual({});
    await first.next((e) => e.type === 'progress');
    await first.finish();
    const second = collect(config);
    second.trainer.start();
    expect(await second.next((e) => e.type === 'backend')).toMatchObject({ reason: 'cached', name: measured.name, path: measured.path });
    await second.next((e) => e.type === 'progress');
    await second.finish();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a convnet forced onto wasm trains there (on dense-wasm, which covers conv and pool layers)', async () => {
    const inputs = Array.from({ length: 20 }, (_, i) => Array.from({ length: 8 }, (_, j) => Math.sin(i * 0.3 + j)));
    const { trainer, next, finish } = collect({
      model: { inputShape: [8, 1], layers: [{ type: 'conv1d', filters: 2, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 5, seed: 1, epochs: 2 },
      dataset: { kind: 'inline', inputs, targets: inputs.map((r) => [r[0]!]) },
      runtime: { backend: 'wasm' },
    });
    trainer.start();
    expect(await next((e) => e.type === 'backend')).toMatchObject({ name: 'wasm', reason: 'forced', path: 'dense-wasm' });
    await next((e) => e.type === 'done');
    await finish();
  });

  it('an invalid config arrives as one error event naming the field', async () => {
    const { trainer, next } = collect({ ...sineNet(), training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 0, seed: 1 } });
    trainer.start();
    expect(await next((e) => e.type === 'error')).toMatchObject({ code: 'out_of_range', field: 'training.batchSize', allowed: { min: 1, integer: true } });
  });
});
