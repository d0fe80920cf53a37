/**
 * The overfit check draws its one training batch (the labels the network must memorize) on the page, computed
 * in the widget; these are exactly the points the engine trains on, for any seed.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '@engine/datasets';
import { validateConfig } from '@engine/validate';
import { overfitBatch } from '@widgets/recipe-check/data';
import { recipeCheck } from '@widgets/recipe-check/definition';
import { recipeCheckPlan } from '@widgets/recipe-check/plan';
import { presetState } from '@widgets/shell/definition';

const overfit = presetState(recipeCheck, 'overfit-one-batch');

describe('RecipeCheck overfit-one-batch', () => {
  it('draws the very batch the engine trains on (8 points of sin x), for seeds 1–5', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const run = recipeCheckPlan({ ...overfit, seed }).runs[0];
      if (run?.kind !== 'engine') throw new Error('the overfit check is one engine run');
      const dataset = await buildDataset(validateConfig(run.config).dataset);
      const engineBatch = Array.from({ length: dataset.train.count }, (_, k) => ({ x: dataset.train.inputs[k], y: dataset.train.targets[k] }))
        .sort((a, b) => (a.x as number) - (b.x as number));
      expect(dataset.train.count).toBe(8);
      expect(overfitBatch(seed)).toEqual(engineBatch);
    }
  });

  it('probes the network over the whole domain so its curve can be drawn through the labels', () => {
    const run = recipeCheckPlan({ ...overfit, seed: 1 }).runs[0];
    if (run?.kind !== 'engine') throw new Error('the overfit check is one engine run');
    const probe = run.config.telemetry?.probe;
    const inputs = (typeof probe === 'object' ? probe.inputs : undefined) ?? [];
    expect(inputs.length).toBeGreaterThan(50);
    expect(inputs[0]).toEqual([-3]);
    expect(inputs[inputs.length - 1]).toEqual([3]);
  });
});
