/** Divergence is reported per member while the others go on; invalid configs are rejected, never half-applied. */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { ConfigError, EngineError } from '@engine/errors';
import { progress } from '@engine/train/progress';
import { TrainingSession } from '@engine/train/session';
import { validateConfig } from '@engine/validate';
import { useBackend } from './backend';
import { sineNet, spiralNet } from './configs';
import { PATHS, backendOf, kernelOn } from './paths';

function rejection(config: unknown): ConfigError {
  try {
    validateConfig(config as RunConfig);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('divergence', () => {
  for (const path of PATHS)
    it(`a NaN member is reported and stopped, the others go on (${path})`, async () => {
      const config = sineNet({ population: { size: 3, members: [{ learningRate: 0.05 }, { learningRate: 50 }, { learningRate: 0.02 }] } });
      const session = await kernelOn(path, config);
      const backend = backendOf(path);
      const diverged: number[] = [];
      let last;
      for (let k = 0; k < 10; k++) {
        session.runSteps(10, true);
        const result = await progress(session, backend, 0);
        diverged.push(...result.diverged.map((d) => d.member));
        last = result.event;
      }
      expect(diverged).toEqual([1]); // reported once
      expect(last!.members[1]!.diverged).toBe(true);
      expect(last!.members[1]!.learningRate).toBe(0);
      for (const p of [0, 2]) {
        expect(last!.members[p]!.diverged).toBe(false);
        expect(Number.isFinite(last!.members[p]!.trainLoss)).toBe(true);
      }
      session.dispose();
    });
});

describe('invalid configurations', () => {
  it('names the field and the allowed range', () => {
    const error = rejection(sineNet({ training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: -1 }, batchSize: 10, seed: 1 } }));
    expect(error.code).toBe('out_of_range');
    expect(error.field).toBe('training.optimizer.learningRate');
    expect(error.allowed).toEqual({ min: 0, max: 100 });
    expect(error.message).toMatch(/learningRate.*\[0, 100\]/);
  });

  it('reports every bad field at once', () => {
    const config = spiralNet();
    const bad = { ...config, model: { ...config.model, layers: [{ type: 'dense', units: 0, activation: 'swish' }, { type: 'dense', units: 1, activation: 'sigmoid' }] }, population: { size: 5000 } };
    const fields = rejection(bad).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['model.layers[0].units', 'model.layers[0].activation', 'population.size']));
    const activation = rejection(bad).issues.find((i) => i.field === 'model.layers[0].activation')!;
    expect(activation.allowed?.allowed).toContain('tanh');
  });

  it('checks the architecture against the data and the loss', () => {
    const wrongOutput = spiralNet({ training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 10, seed: 1 } });
    expect(rejection(wrongOutput).issues.map((i) => i.code)).toContain('loss_mismatch');
    const wrongInput = { ...sineNet(), model: { inputShape: [3], layers: [{ type: 'dense', units: 1 }] } } as RunConfig;
    expect(rejection(wrongInput).field).toBe('model.inputShape');
    const residual = { ...sineNet(), model: { inputShape: [1], layers: [{ type: 'dense', units: 4, residual: true }, { type: 'dense', units: 1 }] } } as RunConfig;
    expect(rejection(residual).code).toBe('bad_architecture');
  });

  it('a rejected live change leaves the run untouched', async () => {
    await useBackend('cpu');
    const session = await TrainingSession.create(sineNet());
    session.runSteps(5, false);
    const before = JSON.stringify(session.config);
    expect(() => session.set('learningRate', Number.NaN)).toThrow(EngineError);
    expect(() => session.set('batchSize', 0)).toThrow(/training.batchSize/);
    expect(() => session.set('memberLearningRate', [0.1, 0.2])).toThrow(/memberLearningRate/);
    expect(JSON.stringify(session.config)).toBe(before);
    session.set('learningRate', 0.2); // a valid one applies
    expect(session.currentLearningRates()).toEqual([0.2]);
    session.runSteps(5, false);
    session.dispose();
  });

  it('a checkpoint of another architecture is refused before any weight changes', async () => {
    await useBackend('cpu');
    const session = await TrainingSession.create(sineNet());
    const { saveCheckpoint, restoreCheckpoint } = await import('@engine/train/checkpoint');
    const saved = await saveCheckpoint(session);
    const other = await TrainingSession.create(sineNet({ model: { inputShape: [1], layers: [{ type: 'dense', units: 3, activation: 'tanh' }, { type: 'dense', units: 1 }] } }));
    expect(() => restoreCheckpoint(other, saved)).toThrow(/dense_0\/kernel/);
    session.runSteps(20, false);
    restoreCheckpoint(session, saved);
    const again = await saveCheckpoint(session);
    expect(again.members).toEqual(saved.members);
    session.dispose();
    other.dispose();
  });
});

describe('backend override from the URL', () => {
  it('reads ?backend= and ignores unknown values', async () => {
    const { backendFromQuery } = await import('@engine/backends-order');
    expect(backendFromQuery('?backend=wasm&x=1')).toBe('wasm');
    expect(backendFromQuery('?backend=auto')).toBe('auto');
    expect(backendFromQuery('?backend=tpu')).toBeNull();
    expect(backendFromQuery('')).toBeNull();
  });
});

describe('requests from the widget kit', () => {
  it('rejects an unknown layer field instead of ignoring it', () => {
    const config = sineNet();
    const typo = { ...config, model: { ...config.model, layers: [{ type: 'dense', units: 4, activaton: 'relu' }, { type: 'dense', units: 1 }] } } as unknown as RunConfig;
    const error = rejection(typo);
    expect(error).toMatchObject({ code: 'unknown_field', field: 'model.layers[0].activaton' });
    expect(error.allowed?.allowed).toContain('activation');
  });

  it('biasInitializer starts a dense bias at a constant', async () => {
    await useBackend('cpu');
    const config = sineNet({ model: { inputShape: [1], layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1, biasInitializer: { name: 'constant', scale: 5 } }] } });
    const session = await TrainingSession.create(config);
    expect(Array.from(await session.params.get('dense_1/bias')!.data())).toEqual([5]);
    expect(Array.from(await session.params.get('dense_0/bias')!.data())).toEqual([0, 0, 0, 0]);
    session.dispose();
  });

  it('an exponential schedule may grow (learning-rate range test)', async () => {
    await useBackend('cpu');
    const session = await TrainingSession.create(sineNet({ training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 1e-5, schedule: { type: 'exponential', decaySteps: 40, rate: 10 } }, batchSize: 20, seed: 1 } }));
    session.runSteps(80, false);
    expect(session.currentLearningRates()[0]).toBeCloseTo(1e-3, 10);
    session.dispose();
  });

  it('the wasm backend runs its single-threaded build', async () => {
    await useBackend('wasm');
    const tf = await import('@engine/tf');
    expect(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });
});
