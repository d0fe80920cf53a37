/**
 * The "auto" choice with injected timings (no real timing here: speeds go in `npm run bench`). The model of a
 * machine: dense-wasm's cost grows with the population (one SIMD lane per member), a GPU's stays flat until
 * it fills, tfjs on the CPU backends is slow. The rule must pick the GPU only where it measures faster for
 * this population, time dense-wasm as a candidate, and remember each population's choice separately.
 */
import { describe, expect, it, beforeEach } from 'vitest';
import type { BackendName, RunConfig } from '@engine/config';
import { clearMeasurements, measureBackends, realDeps, type MeasureDeps } from '@engine/train/auto-backend';
import type { Candidate } from '@engine/train/path-choice';
import { GPU_MIN_POPULATION, fastestCandidate, gpuWorthTiming } from '@engine/train/path-choice';
import { validateConfig } from '@engine/validate';
import { sineNet } from './configs';

const ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Steps per second of each candidate on a population of P members (a made-up machine). */
function machine(candidate: Candidate, members: number): number {
  if (candidate.path === 'dense-wasm') return 100_000 / members;
  if (candidate.backend === 'webgpu') return 300;
  if (candidate.backend === 'webgl') return 200;
  return 50_000 / members / 4;
}

function fakeDeps(available: BackendName[], speed = machine) {
  const timed: string[] = [];
  const activated: BackendName[] = [];
  const deps: MeasureDeps = {
    unavailableReason: (name) => (available.includes(name) ? null : 'no_navigator_gpu'),
    activate: async (name) => {
      activated.push(name);
      return available.includes(name);
    },
    time: async (config, candidate) => {
      timed.push(`${candidate.path}@${candidate.backend}`);
      return speed(candidate, config.members.length);
    },
    supports: realDeps.supports,
  };
  return { deps, timed, activated };
}

const population = (size: number, extra: Partial<RunConfig> = {}) => validateConfig(sineNet({ population: { size }, runtime: { backend: 'auto' }, ...extra }));

describe('auto: the path is picked by measuring, per population', () => {
  beforeEach(() => clearMeasurements());

  it('times dense-wasm once, next to tfjs on every backend that starts, and picks the fastest', async () => {
    const { deps, timed } = fakeDeps(['webgpu', 'wasm', 'cpu']);
    const small = await measureBackends(population(GPU_MIN_POPULATION), '/', ORDER, deps);
    expect(timed).toEqual(['tfjs@webgpu', 'dense-wasm@wasm', 'tfjs@wasm', 'tfjs@cpu']);
    expect(small).toMatchObject({ name: 'wasm', path: 'dense-wasm', cached: false, unavailable: { webgl: 'no_navigator_gpu' } });
    const P = GPU_MIN_POPULATION;
    expect(small.measurements).toEqual({ webgpu: 300, 'dense-wasm': 100_000 / P, wasm: 50_000 / P / 4, cpu: 50_000 / P / 4 });
  });

  it('chooses the GPU only for the population where it measured faster, and caches each population apart', async () => {
    const { deps, timed } = fakeDeps(['webgpu', 'webgl', 'wasm', 'cpu']);
    const sizes = [16, 64, 256, 1024];
    const picks = [];
    for (const size of sizes) picks.push(await measureBackends(population(size), '/', ORDER, deps));
    // 100000 / P against a flat 300: dense-wasm up to P = 256 (391 steps/s), the GPU at 1024 (98 steps/s).
    expect(picks.map((p) => `${p.path}@${p.name}`)).toEqual(['dense-wasm@wasm', 'dense-wasm@wasm', 'dense-wasm@wasm', 'tfjs@webgpu']);
    // 16 and 64 are below GPU_MIN_POPULATION: only 256 and 1024 had the GPUs timed.
    expect(picks.map((p) => p.measurements.webgpu !== undefined)).toEqual([false, false, true, true]);
    expect(picks.map((p) => p.measurements.webgl !== undefined)).toEqual([false, false, true, true]);
    const count = timed.length;
    const again = await measureBackends(population(1024), '/', ORDER, deps);
    expect(again).toMatchObject({ name: 'webgpu', path: 'tfjs', cached: true });
    expect(timed.length).toBe(count);
  });

  it('below GPU_MIN_POPULATION a GPU backend is not started for a network dense-wasm trains, however fast it would be', async () => {
    const gpuFast = (candidate: Candidate) => (candidate.backend === 'webgpu' || candidate.backend === 'webgl' ? 1e9 : 100);
    const below = fakeDeps(['webgpu', 'webgl', 'wasm', 'cpu'], gpuFast);
    const result = await measureBackends(population(GPU_MIN_POPULATION - 1), '/', ORDER, below.deps);
    expect(below.activated).toEqual(['wasm', 'cpu']);
    expect(below.timed).toEqual(['dense-wasm@wasm', 'tfjs@wasm', 'tfjs@cpu']);
    expect(result).toMatchObject({ name: 'wasm', path: 'dense-wasm', unavailable: {} });
    // At the threshold the GPU is timed again, and the measurement decides either way.
    const at = fakeDeps(['webgpu', 'webgl', 'wasm', 'cpu'], gpuFast);
    expect(await measureBackends(population(GPU_MIN_POPULATION), '/', ORDER, at.deps)).toMatchObject({ name: 'webgpu', path: 'tfjs' });
    expect(at.activated).toEqual(ORDER);
    clearMeasurements();
    const slowGpu = fakeDeps(['webgpu', 'webgl', 'wasm', 'cpu'], (candidate) => (candidate.path === 'dense-wasm' ? 500 : candidate.backend === 'webgpu' ? 400 : 1));
    expect(await measureBackends(population(GPU_MIN_POPULATION), '/', ORDER, slowGpu.deps)).toMatchObject({ name: 'wasm', path: 'dense-wasm' });
    expect(slowGpu.timed).toContain('tfjs@webgpu');
  });

  it('a small population still gets the GPU timed when dense-wasm cannot train the network (a residual output layer)', async () => {
    const { deps, timed } = fakeDeps(['webgpu', 'wasm', 'cpu'], (candidate) => (candidate.backend === 'webgpu' ? 1000 : 10));
    // dense-wasm trains residual hidden layers, not a residual output layer (kernels/dense-wasm/trainer.ts).
    const residual = population(2, { model: { inputShape: [1], layers: [{ type: 'dense', units: 1, activation: 'tanh' }, { type: 'dense', units: 1, residual: true }] } });
    expect(gpuWorthTiming('webgpu', 2, false)).toBe(true);
    expect(await measureBackends(residual, '/', ORDER, deps)).toMatchObject({ name: 'webgpu', path: 'tfjs' });
    expect(timed).toEqual(['tfjs@webgpu', 'tfjs@wasm', 'tfjs@cpu']);
  });

  it('keeps tfjs on a CPU backend when it outran dense-wasm there (the path follows the measurement)', async () => {
    const { deps } = fakeDeps(['wasm', 'cpu'], (candidate) => (candidate.path === 'tfjs' && candidate.backend === 'cpu' ? 900 : 100));
    expect(await measureBackends(population(8), '/', ORDER, deps)).toMatchObject({ name: 'cpu', path: 'tfjs' });
  });

  it('times dense-wasm for a convnet, and the GPU too at any population size (GPU_MIN_POPULATION was measured on dense networks)', async () => {
    const { deps, timed } = fakeDeps(['webgpu', 'wasm', 'cpu']);
    const inputs = Array.from({ length: 12 }, (_, i) => Array.from({ length: 6 }, (_, j) => Math.sin(i + j)));
    const conv = validateConfig({
      model: { inputShape: [6, 1], layers: [{ type: 'conv1d', filters: 2, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 4, seed: 1 },
      dataset: { kind: 'inline', inputs, targets: inputs.map((r) => [r[0]!]) },
    });
    const result = await measureBackends(conv, '/', ORDER, deps);
    expect(timed).toEqual(['tfjs@webgpu', 'dense-wasm@wasm', 'tfjs@wasm', 'tfjs@cpu']);
    expect(result).toMatchObject({ name: 'wasm', path: 'dense-wasm' });
  });

  it('a candidate that throws while timed is skipped; the backend is reported', async () => {
    const { deps } = fakeDeps(['webgpu', 'wasm', 'cpu']);
    const time = deps.time;
    deps.time = async (config, candidate) => {
      if (candidate.backend === 'webgpu') throw new Error('device lost');
      return time(config, candidate);
    };
    const result = await measureBackends(population(1024), '/', ORDER, deps);
    expect(result).toMatchObject({ path: 'dense-wasm', unavailable: { webgpu: 'failed_while_training' } });
    expect(result.measurements.webgpu).toBeUndefined();
  });
});

describe('fastestCandidate', () => {
  it('takes the highest finite speed; a tie goes to the candidate timed first', () => {
    expect(fastestCandidate([])).toBeNull();
    expect(fastestCandidate([{ backend: 'webgpu', path: 'tfjs', stepsPerSecond: Number.NaN }])).toBeNull();
    const first = { backend: 'wasm', path: 'dense-wasm', stepsPerSecond: 10 } as const;
    expect(fastestCandidate([first, { backend: 'cpu', path: 'tfjs', stepsPerSecond: 10 }])).toBe(first);
    expect(fastestCandidate([first, { backend: 'webgpu', path: 'tfjs', stepsPerSecond: Number.POSITIVE_INFINITY }])).toBe(first);
  });
});
