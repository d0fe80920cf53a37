/** A preset's runs, trained in Node from the widget's own plan, with their final losses named as the widget names them. */
import { biasVariance } from '@widgets/bias-variance/definition';
import { biasVariancePlan } from '@widgets/bias-variance/island';
import { functionFit, type FunctionFitState } from '@widgets/function-fit/definition';
import { functionFitPlan, runNames } from '@widgets/function-fit/plan';
import { learningRateSweep } from '@widgets/learning-rate-sweep/definition';
import { sweepRates } from '@widgets/learning-rate-sweep/rates';
import { learningRateSweepPlan } from '@widgets/learning-rate-sweep/island';
import { gradientFlow } from '@widgets/gradient-flow/definition';
import { gradientFlowPlan, gradientRatio } from '@widgets/gradient-flow/island';
import { presetState } from '@widgets/shell/definition';
import type { ProgressEvent } from '@engine/types';
import { finalLosses, trainPlan } from './run-plan';

export type Finals = Record<string, number>;

/** FunctionFit: `{curve: final training loss}` (∞ = diverged), keys as in `data-final-losses`. */
export async function fitFinals(preset: string, seed: number, change: Partial<FunctionFitState> = {}): Promise<Finals> {
  const state = { ...presetState(functionFit, preset), seed, ...change };
  const names = runNames(state);
  const events = await trainPlan(functionFitPlan(state));
  const values = state.experiment === 'initializers' ? finalLosses(events[0]!) : events.map((run) => finalLosses(run)[0]!);
  return Object.fromEntries(values.map((value, index) => [names[index]!, value]));
}

/** A FunctionFit preset's finals on every claim seed, logged so a failing check shows the numbers. */
export async function perSeed(preset: string, seeds: readonly number[]): Promise<Finals[]> {
  const out: Finals[] = [];
  for (const seed of seeds) out.push(await fitFinals(preset, seed));
  console.info(preset, JSON.stringify(out.map((finals) => Object.fromEntries(Object.entries(finals).map(([key, value]) => [key, Number(value.toPrecision(3))])))));
  return out;
}

/** LearningRateSweep `too-small-vs-too-large`: the events of the one population, and the finals per rate. */
export async function sweep(seed: number): Promise<{ events: ProgressEvent[]; finals: Map<number, number> }> {
  const state = { ...presetState(learningRateSweep, 'too-small-vs-too-large'), seed };
  const [events] = await trainPlan(learningRateSweepPlan(state));
  // The widget's loss store counts a loss above 1000 as diverged (the targets have variance ½).
  const finals = finalLosses(events!, 1e3);
  return { events: events!, finals: new Map(sweepRates(state).map((rate, index) => [rate, finals[index]!])) };
}

/** BiasVariance: the reports of each run (one per width for `capacity`, one run for `epochs`). */
export async function decompositions(preset: 'capacity' | 'epochs', seed: number): Promise<ProgressEvent[][]> {
  return trainPlan(biasVariancePlan({ ...presetState(biasVariance, preset), seed }));
}

/** GradientFlow: the widget's readout (first hidden layer's gradient norm / output layer's) at the last report, the spread of the norms over all layers (largest / smallest), and the first and final losses. */
export async function gradientFlowRun(preset: string, seed: number): Promise<{ ratio: number; spread: number; firstLoss: number; finalLoss: number }> {
  const [events] = await trainPlan(gradientFlowPlan({ ...presetState(gradientFlow, preset), seed }));
  const norms = events!.at(-1)!.gradientNormsByLayer![0]!;
  return {
    ratio: gradientRatio(norms),
    spread: Math.max(...norms) / Math.min(...norms),
    firstLoss: events![0]!.members[0]!.trainLoss,
    finalLoss: finalLosses(events!)[0]!,
  };
}
