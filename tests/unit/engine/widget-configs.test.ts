/** Every engine run a widget preset starts passes the strict config validation (so a stricter engine never
 * turns a lesson's widget into an error). */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '@engine/validate';
import { presetNames, presetState, type WidgetDefinition } from '@widgets/shell/definition';
import type { AnyState } from '@widgets/shell/params';
import type { RunPlan } from '@widgets/shell/run';
import { biasVariance } from '@widgets/bias-variance/definition';
import { biasVariancePlan } from '@widgets/bias-variance/island';
import { functionFit } from '@widgets/function-fit/definition';
import { functionFitPlan } from '@widgets/function-fit/plan';
import { gradientFlow } from '@widgets/gradient-flow/definition';
import { gradientFlowPlan } from '@widgets/gradient-flow/island';
import { hyperparameterSearch } from '@widgets/hyperparameter-search/definition';
import { hyperparameterSearchPlan } from '@widgets/hyperparameter-search/island';
import { learningRateSweep } from '@widgets/learning-rate-sweep/definition';
import { learningRateSweepPlan } from '@widgets/learning-rate-sweep/island';
import { recipeCheck } from '@widgets/recipe-check/definition';
import { recipeCheckPlan } from '@widgets/recipe-check/plan';

const families: [string, WidgetDefinition, (state: AnyState) => RunPlan][] = [
  ['bias-variance', biasVariance as unknown as WidgetDefinition, biasVariancePlan],
  ['function-fit', functionFit as unknown as WidgetDefinition, functionFitPlan],
  ['gradient-flow', gradientFlow as unknown as WidgetDefinition, gradientFlowPlan],
  ['hyperparameter-search', hyperparameterSearch as unknown as WidgetDefinition, hyperparameterSearchPlan],
  ['learning-rate-sweep', learningRateSweep as unknown as WidgetDefinition, learningRateSweepPlan],
  ['recipe-check', recipeCheck as unknown as WidgetDefinition, recipeCheckPlan],
];

describe('widget presets build valid engine configs', () => {
  for (const [name, definition, plan] of families)
    for (const preset of presetNames(definition))
      it(`${name}: ${preset}`, () => {
        const runs = plan(presetState(definition, preset)).runs.filter((run) => run.kind === 'engine');
        expect(runs.length).toBeGreaterThan(0);
        for (const run of runs) expect(() => validateConfig((run as { config: Parameters<typeof validateConfig>[0] }).config)).not.toThrow();
      });
});
