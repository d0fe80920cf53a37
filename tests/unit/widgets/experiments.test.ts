import { describe, expect, it } from 'vitest';
import { suggestLearningRate } from '@widgets/learning-rate-sweep/suggest';
import { trials } from '@widgets/hyperparameter-search/trials';
import { createWalker, optimizerKeys, surfaces } from '@widgets/loss-surface/surfaces';
import { activationFormulas, activationKeys } from '@widgets/activation-functions/formulas';
import { meanTarget, sineSample } from '@widgets/recipe-check/data';

describe('LR range test suggestion', () => {
  it('suggests a decade below the rate of lowest smoothed loss', () => {
    const points = Array.from({ length: 60 }, (_, index) => {
      const x = 10 ** (-5 + index / 10);
      return { x, y: (Math.log10(x) + 1) ** 2 + 1 };
    });
    const suggested = suggestLearningRate(points, 0);
    expect(suggested).toBeCloseTo(0.01, 6);
  });
});

describe('random vs grid trials', () => {
  it('has 9 grid points over 3 learning rates and 9 random points over 9 learning rates, seeded', () => {
    const chosen = trials(1);
    const grid = chosen.filter((trial) => trial.search === 'grid');
    const random = chosen.filter((trial) => trial.search === 'random');
    expect(grid).toHaveLength(9);
    expect(new Set(grid.map((trial) => trial.learningRate)).size).toBe(3);
    expect(new Set(random.map((trial) => trial.learningRate)).size).toBe(9);
    expect(trials(1)).toEqual(chosen);
    for (const trial of chosen) {
      expect(trial.learningRate).toBeGreaterThanOrEqual(1e-3);
      expect(trial.learningRate).toBeLessThanOrEqual(1);
    }
  });
});

describe('loss surface optimizers', () => {
  it('on the ravine, momentum and Adam end lower than plain SGD after 150 steps', () => {
    const surface = surfaces.ravine;
    const final = Object.fromEntries(optimizerKeys.map((key) => {
      const walker = createWalker(key, surface.start);
      for (let step = 0; step < 150; step += 1) walker.step(surface, 0.02);
      return [key, surface.loss(walker.position[0], walker.position[1])];
    }));
    expect(final.momentum).toBeLessThan(final.sgd ?? 0);
    expect(final.adam).toBeLessThan(final.sgd ?? 0);
  });
});

describe('activation formulas', () => {
  it('derivatives match finite differences away from kinks', () => {
    for (const key of activationKeys) {
      for (const z of [-2.3, -0.7, 0.4, 1.9]) {
        const h = 1e-6;
        const numeric = (activationFormulas[key].value(z + h) - activationFormulas[key].value(z - h)) / (2 * h);
        expect(activationFormulas[key].derivative(z), `${key} at ${z}`).toBeCloseTo(numeric, 5);
      }
    }
  });
});

describe('recipe data', () => {
  it('zeroes inputs only for the baseline and shifts targets for the bias check', () => {
    const real = sineSample({ count: 50, seed: 3 });
    const zeroed = sineSample({ count: 50, seed: 3, zeroInputs: true });
    expect(zeroed.targets).toEqual(real.targets);
    expect(zeroed.inputs.every((row) => row[0] === 0)).toBe(true);
    expect(meanTarget(sineSample({ count: 400, seed: 3, offset: 5 }))).toBeCloseTo(5, 0);
  });
});
