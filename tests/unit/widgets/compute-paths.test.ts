/** ComputePaths' plain parts: which paths it tries, the workload it times, and how it reads the results. */
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES } from '@engine/backends-order';
import { validateConfig } from '@engine/validate';
import { BENCH_PATHS, Measurements, POPULATIONS, workloadConfig } from '@widgets/compute-paths/workload';

describe('ComputePaths workload', () => {
  it('tries tfjs on every backend in the engine order, then dense-wasm (a path with no tfjs op) once', () => {
    expect(BENCH_PATHS.map((path) => path.id)).toEqual([...BACKEND_NAMES, 'dense-wasm']);
    expect(BENCH_PATHS.filter((path) => path.path === 'tfjs').map((path) => path.backend)).toEqual([...BACKEND_NAMES]);
  });

  it('times the digits MLP (784 → 32 → 10, Adam, batch 32) as a valid population of P consecutive seeds', () => {
    for (const size of POPULATIONS) {
      const config = validateConfig(workloadConfig(size, 3));
      expect(config.members.map((member) => member.seed)).toEqual(Array.from({ length: size }, (_, i) => 3 + i));
      expect(config.training).toMatchObject({ batchSize: 32, optimizer: { name: 'adam' } });
      expect(config.model.layers.map((layer) => ('units' in layer ? layer.units : 0))).toEqual([32, 10]);
    }
  });
});

describe('ComputePaths results', () => {
  const measured = (cells: Record<string, number[]>) => {
    const m = new Measurements();
    for (const [id, values] of Object.entries(cells)) values.forEach((value, i) => m.add(id, POPULATIONS[i]!, value));
    return m;
  };

  it('names the fastest path per population and where a faster one takes over', () => {
    const m = measured({ 'dense-wasm': [9000, 40000, 60000, 70000], webgl: [800, 6000, 65000, 250000], cpu: [2000, 9000, 12000, 13000] });
    expect(m.fastest().map((cell) => cell.id)).toEqual(['dense-wasm', 'dense-wasm', 'webgl', 'webgl']);
    expect(m.winners()).toEqual([
      { id: 'dense-wasm', from: 1, to: 8, last: false },
      { id: 'webgl', from: 32, to: 128, last: true },
    ]);
    expect(m.toJSON()).toEqual({ 'dense-wasm': { 1: 9000, 8: 40000, 32: 60000, 128: 70000 }, webgl: { 1: 800, 8: 6000, 32: 65000, 128: 250000 }, cpu: { 1: 2000, 8: 9000, 32: 12000, 128: 13000 } });
  });

  it('one path winning everywhere is one run, not a crossover; a single measured path names no winner', () => {
    expect(measured({ wasm: [5, 6, 7, 8], cpu: [1, 2, 3, 4] }).winners()).toEqual([{ id: 'wasm', from: 1, to: 128, last: false }]);
    expect(measured({ wasm: [5, 6, 7, 8] }).winners()).toEqual([]);
  });

  it('refuses a zero, negative or non-finite throughput (a missing path is never a zero)', () => {
    const m = new Measurements();
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => m.add('webgpu', 1, bad)).toThrow();
    expect(m.toJSON()).toEqual({});
  });
});
