/**
 * Lesson "training recipe" (chapter 2): what the prose says about two RecipeCheck presets, checked on the engine
 * over five seeds. Both runs are small (one batch of 8 points; 40 epochs of 200 points): about 15 s of CPU in all.
 * First losses measured (bias 0 / bias at the mean), seeds 1–5: 23.6/2.09, 29.5/1.67, 27.6/2.02, 29.1/0.79, 24.1/0.16.
 */
import { describe, expect, it } from 'vitest';
import { recipeCheck } from '@widgets/recipe-check/definition';
import { recipeCheckPlan } from '@widgets/recipe-check/plan';
import { presetState } from '@widgets/shell/definition';
import { CLAIM_SEEDS, finalLosses, tally, trainPlan } from './run-plan';

const runsOf = (preset: string, seed: number) => trainPlan(recipeCheckPlan({ ...presetState(recipeCheck, preset), seed }));

describe('training recipe checks', () => {
  it('overfit-one-batch: the loss on one batch of 8 points ends below the marked level 0.001', async () => {
    const finals: number[] = [];
    for (const seed of CLAIM_SEEDS) finals.push(finalLosses((await runsOf('overfit-one-batch', seed))[0]!)[0]!);
    console.info('overfit-one-batch', JSON.stringify(finals.map((value) => Number(value.toPrecision(3)))));
    expect(tally(finals.map((loss) => loss < 1e-3))).toBe('5/5');
  });

  it('final-layer-bias: with the bias at 0 the loss starts near 5² = 25; with the bias at the mean it starts far lower', async () => {
    const starts: [number, number][] = [];
    for (const seed of CLAIM_SEEDS) {
      const [zero, mean] = await runsOf('final-layer-bias', seed);
      starts.push([zero![0]!.members[0]!.trainLoss, mean![0]!.members[0]!.trainLoss]);
    }
    console.info('final-layer-bias', JSON.stringify(starts.map((pair) => pair.map((value) => Number(value.toPrecision(3))))));
    expect(tally(starts.map(([zero]) => zero > 20 && zero < 32))).toBe('5/5');
    expect(tally(starts.map(([zero, mean]) => mean < zero / 5))).toBe('5/5');
  });
});
