/**
 * The runs of each DigitsExperiment preset, one plan builder per preset: chapter 1's (plans-practical-tricks.ts)
 * and chapter 5's (plans-seven-tips.ts). Every arm is one population of SEEDS_PER_ARM consecutive seeds.
 */
import { SEEDS_PER_ARM, type DigitsPreset, type DigitsExperimentState } from './definition';
import { seedsOf, type DigitsPlan } from './digits-run';
import { deepLearningMythPlans } from './plans-deep-learning-myth';
import { practicalTricksPlans } from './plans-practical-tricks';
import { priorsPlans } from './plans-priors';
import { sevenTipsPlans } from './plans-seven-tips';

export type { DigitsPlan, DigitsRun } from './digits-run';
export { pretrainedStart, seedsOf } from './digits-run';
export { DROPOUT_SIZES, EARLY_STEP, FINETUNE_RATES, MAX_NORMS, TRANSFER_ARMS } from './plans-seven-tips';

const PLANS: Record<DigitsPreset, (state: DigitsExperimentState, seeds: number[]) => DigitsPlan> = { ...practicalTricksPlans, ...deepLearningMythPlans, ...sevenTipsPlans, ...priorsPlans };

export function digitsPlan(state: DigitsExperimentState): DigitsPlan {
  const build = PLANS[state.preset];
  if (!build) throw new Error(`Unknown DigitsExperiment preset "${state.preset}"`);
  return build(state, seedsOf(state));
}

/** The arm of member `member` of run `run`. */
export function armOf(plan: DigitsPlan, run: number, member: number): string {
  return plan.runs[run]?.arms[Math.floor(member / SEEDS_PER_ARM)] ?? `${run}`;
}
