/**
 * A program with one missing function (datasets/programs.ts) and the network that stands in for it: dense
 * layers on [positions, features] share one function over the calls, and a frozen «+» adds the results. Checked
 * on every Node path (tfjs-cpu, tfjs-wasm, dense-wasm): the output is the sum of the shared function at each
 * argument, the «+» stays frozen, the paths agree after training, and dense-wasm's input gradient matches tfjs.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import { PROGRAMS, generateProgram } from '@engine/datasets/programs';
import { countParameters } from '@engine/model/parameter-count';
import { planModel } from '@engine/model/shapes';
import { validateConfig } from '@engine/validate';
import { kernelOn, kernelParams, PATHS } from './paths';

function program(members = 2, hidden = 8): RunConfig {
  return {
    model: {
      inputShape: [3, 1],
      layers: [
        { type: 'dense', units: hidden, activation: 'tanh' },
        { type: 'dense', units: hidden, activation: 'tanh' },
        { type: 'dense', units: 1 },
        { type: 'flatten' },
        { type: 'dense', units: 1, useBias: false, trainable: false, initializer: { name: 'constant', scale: 1 } },
      ],
      initializer: { name: 'glorot_normal' },
    },
    training: { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 32, seed: 1, epochs: 10 },
    dataset: { kind: 'program', program: 'square-area', count: 60 },
    population: { size: members, members: Array.from({ length: members }, (_, p) => ({ seed: p + 1 })) },
  };
}

describe('program datasets', () => {
  it('square-area: three diagonals in [0.5, 3] per order and the cost Σ d²/2, seeded', () => {
    const data = generateProgram('square-area', 300, 1);
    expect(data.inputs).toHaveLength(300);
    for (const [index, row] of data.inputs.entries()) {
      expect(row).toHaveLength(3);
      for (const d of row) expect(d >= 0.5 && d < 3).toBe(true);
      expect((data.targets as number[][])[index]![0]).toBeCloseTo(row.reduce((sum, d) => sum + (d * d) / 2, 0), 12);
    }
    expect(generateProgram('square-area', 300, 1)).toEqual(data);
    expect(generateProgram('square-area', 300, 2).inputs[0]).not.toEqual(data.inputs[0]);
    expect(PROGRAMS['square-area'].part(2)).toBe(2);
  });

  it('validation names an unknown program and a model input that does not hold the calls', () => {
    expect(() => validateConfig({ ...program(), dataset: { kind: 'program', program: 'cube-volume' as 'square-area' } })).toThrow(/dataset\.program/);
    expect(() => validateConfig({ ...program(), model: { ...program().model, inputShape: [2, 1] } })).toThrow(/model\.inputShape/);
  });

  it('a dense layer on [positions, features] owns one kernel; the output must be flat', () => {
    const count = countParameters(program(1, 16).model);
    expect(count.total).toBe(16 + 16 + 16 * 16 + 16 + 16 + 1 + 3);
    expect(count.trainable).toBe(321);
    expect(planModel([3, 1], [{ type: 'dense', units: 4 }])).toMatchObject({ problem: expect.stringMatching(/flat/) });
  });
});

describe.each(PATHS)('a shared function inside a program on %s', (path) => {
  it('the output is the sum of the one function at each argument, and the «+» stays frozen', async () => {
    const kernel = await kernelOn(path, program());
    expect(kernel.path).toBe(path === 'dense-wasm' ? 'dense-wasm' : 'tfjs');
    kernel.runSteps(20, false);
    const [a, b, c] = [0.7, 1.9, 2.8];
    const out = await kernel.predict([[a, b, c], [a, a, a], [b, b, b], [c, c, c]]);
    for (const member of out) {
      const f = (row: number) => member[row]![0]! / 3;
      expect(member[0]![0]).toBeCloseTo(f(1) + f(2) + f(3), 4);
    }
    const params = await kernel.readParams();
    expect(Array.from(params.get('dense_4/kernel')!.values)).toEqual([1, 1, 1, 1, 1, 1]);
    kernel.dispose();
  });
});

describe('compute paths agree on a program', () => {
  it('dense-wasm and tfjs-cpu: the same weights after 30 Adam steps, the same input gradient', async () => {
    const config = program(5);
    const wasm = await kernelOn('dense-wasm', config);
    const cpu = await kernelOn('tfjs-cpu', config);
    wasm.runSteps(30, false);
    cpu.runSteps(30, false);
    const a = await kernelParams(wasm);
    const b = await kernelParams(cpu);
    expect(a).toHaveLength(b.length);
    a.forEach((value, index) => expect(Math.abs(value - b[index]!)).toBeLessThan(2e-4 * Math.max(1, Math.abs(b[index]!))));
    const rows = [[0.6, 1.5, 2.9], [2.2, 0.9, 1.1]];
    const g1 = await wasm.inputGradient(rows, [[3], [4]]);
    const g2 = await cpu.inputGradient(rows, [[3], [4]]);
    g1.gradients.flat(2).forEach((value, index) => expect(value).toBeCloseTo(g2.gradients.flat(2)[index]!, 3));
    wasm.dispose();
    cpu.dispose();
  });
});
