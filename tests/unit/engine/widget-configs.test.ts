/** Every engine run a widget preset starts passes the strict config validation (so a stricter engine never
 * turns a lesson's widget into an error). */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '@engine/validate';
import { presetState, type WidgetDefinition } from '@widgets/shell/definition';
import type { StateOf, StateTable } from '@widgets/shell/params';
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

/** A family's presets, each planned by its own plan function (typed by the family's table). */
const family = <Table extends StateTable>(definition: WidgetDefinition<Table, string>, plan: (state: StateOf<Table>) => RunPlan) =>
  ({ name: definition.family, presets: Object.keys(definition.presets), plan: (preset: string) => plan(presetState(definition, preset)) });

const families = [
  family(biasVariance, biasVariancePlan),
  family(functionFit, functionFitPlan),
  family(gradientFlow, gradientFlowPlan),
  family(hyperparameterSearch, hyperparameterSearchPlan),
  family(learningRateSweep, learningRateSweepPlan),
  family(recipeCheck, recipeCheckPlan),
];

describe('widget presets build valid engine configs', () => {
  for (const { name, presets, plan } of families)
    for (const preset of presets)
      it(`${name}: ${preset}`, () => {
        const runs = plan(preset).runs.filter((run) => run.kind === 'engine');
        expect(runs.length).toBeGreaterThan(0);
        for (const run of runs) expect(() => validateConfig((run as { config: Parameters<typeof validateConfig>[0] }).config)).not.toThrow();
      });
});
