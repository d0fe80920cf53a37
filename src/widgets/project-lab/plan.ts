/**
 * The runs of each ProjectLab preset (docs/project-lifecycle/outline.md). Every network is «the project model»
 * or a variant the experiment names, trained on the shipped digits (data seed 1: 700 training, 200 validation
 * digits). The seeds are a parameter so the claims check (tests/claims/project-lifecycle.test.ts) trains the
 * widget's own runs over seeds 1–5 as one population:
 *
 * - `first-baseline`: logistic regression 784-10 and the project model 784-32-10, each a population of its seeds.
 * - `update-ratio`: the project model with plain SGD at six rates (one member per rate and seed), hidden-layer
 *   ‖ΔW‖/‖W‖ at every event.
 * - `ensemble-vote`: the project model from each seed; after training, a second run restores the final weights
 *   and asks `predict()` for the 200 validation digits, which the view turns into the two votes.
 * - `class-imbalance`, `label-noise`: lesson 2's damaged training splits (plans-data.ts).
 */
import type { DenseLayerSpec, MemberOverrides, OptimizerConfig, RunConfig } from '@engine/types';
import { digitsMlp } from '../digits-experiment/digits-run';
import type { RunPlan, RunSpec } from '../shell/run';
import type { ProjectLabState } from './definition';
import { imbalanceRuns, noiseRuns } from './plans-data';
import { finalWeights, type FinalWeights } from '../common/final-weights';

/** Members per arm in the widget: the seeds `seed` … `seed + 4` (the claims are checked on five seeds). */
export const WIDGET_SEEDS = 5;
/** 700 training digits in batches of 32. */
export const STEPS_PER_EPOCH = Math.ceil(700 / 32);
/** Two progress events per epoch. */
export const STEPS_PER_EVENT = STEPS_PER_EPOCH / 2;
/** `update-ratio`: plain SGD rates, one member each (the outline's six, a factor of about 3 apart). */
export const RATIO_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3] as const;
/** The arms of `first-baseline`, in the order the runs are planned. */
export const BASELINE_ARMS = ['logistic', 'mlp'] as const;
export type BaselineArm = (typeof BASELINE_ARMS)[number];

/** The project's networks: logistic regression has no hidden layer. */
export const PROJECT_MODELS: Record<BaselineArm, DenseLayerSpec[]> = {
  logistic: [{ type: 'dense', units: 10, activation: 'softmax', name: 'output' }],
  mlp: digitsMlp(),
};

interface ProjectRunOptions {
  layers?: DenseLayerSpec[];
  optimizer: OptimizerConfig;
  members: MemberOverrides[];
  epochs: number;
  layerStats?: boolean;
}

/** One run of the project: digits (data seed 1), cross-entropy, batch 32, validation at every event. */
export function projectRun(o: ProjectRunOptions): RunConfig {
  return {
    model: { inputShape: [784], layers: o.layers ?? PROJECT_MODELS.mlp, initializer: { name: 'he_normal' } },
    training: { loss: 'categorical_crossentropy', optimizer: o.optimizer, batchSize: 32, seed: o.members[0]?.seed ?? 1, epochs: o.epochs },
    dataset: { kind: 'digits', seed: 1 },
    population: { size: o.members.length, members: o.members },
    telemetry: { every: STEPS_PER_EVENT, validation: true, trainMetrics: false, layerStats: o.layerStats ?? false },
  };
}

export const widgetSeeds = (state: ProjectLabState): number[] => Array.from({ length: WIDGET_SEEDS }, (_, i) => state.seed + i);

export interface ProjectRun extends Extract<RunSpec, { kind: 'engine' }> {
  /** What each member is: an arm name per member (`logistic`, `mlp`, a rate, `member`). */
  arms: string[];
}

export interface ProjectPlan extends RunPlan {
  runs: ProjectRun[];
}

const adam = (state: ProjectLabState): OptimizerConfig => ({ name: 'adam', learningRate: state.lr });

function baselinePlan(state: ProjectLabState, seeds: number[]): ProjectPlan {
  return {
    stepsPerEvent: STEPS_PER_EVENT,
    runs: BASELINE_ARMS.map((arm) => ({
      kind: 'engine' as const,
      config: projectRun({ layers: PROJECT_MODELS[arm], optimizer: adam(state), members: seeds.map((seed) => ({ seed })), epochs: state.epochs }),
      arms: seeds.map(() => arm),
    })),
  };
}

/** Members rate-major: every seed at the first rate, then at the next (one seed in the widget). */
export function ratioMembers(seeds: number[]): MemberOverrides[] {
  return RATIO_RATES.flatMap((learningRate) => seeds.map((seed) => ({ seed, learningRate })));
}

function ratioPlan(state: ProjectLabState, seeds: number[]): ProjectPlan {
  const members = ratioMembers(seeds);
  return {
    stepsPerEvent: STEPS_PER_EVENT,
    runs: [{
      kind: 'engine',
      config: projectRun({ optimizer: { name: 'sgd', learningRate: RATIO_RATES[0] }, members, epochs: state.epochs, layerStats: true }),
      arms: members.map((member) => String(member.learningRate)),
    }],
  };
}

/**
 * Run 0 trains the members; run 1 (a probe) waits for run 0's final weights, restores them and asks for the
 * members' probabilities on the 200 validation digits (`[member][digit][class]`, the input of the votes).
 */
function ensemblePlan(state: ProjectLabState, seeds: number[], weights: FinalWeights): ProjectPlan {
  const config = projectRun({ optimizer: adam(state), members: seeds.map((seed) => ({ seed })), epochs: state.epochs });
  const arms = seeds.map(() => 'member');
  return {
    stepsPerEvent: STEPS_PER_EVENT,
    runs: [
      { kind: 'engine', config, arms },
      {
        kind: 'engine',
        config,
        arms,
        prepare: () => weights.promise,
        probe: async (engine) => {
          const { digitsSplit } = await import('@engine/datasets/digits-split');
          await engine.predict((await digitsSplit(1)).validation.inputs);
        },
      },
    ],
  };
}

/** The plan of a state; `seeds` defaults to the widget's five (the claims check passes its own). */
export function projectPlan(state: ProjectLabState, weights: FinalWeights = finalWeights(), seeds: number[] = widgetSeeds(state)): ProjectPlan {
  switch (state.preset) {
    case 'first-baseline':
      return baselinePlan(state, seeds);
    case 'update-ratio':
      return ratioPlan(state, seeds.slice(0, 1));
    case 'ensemble-vote':
      return ensemblePlan(state, seeds, weights);
    case 'class-imbalance':
      return { stepsPerEvent: STEPS_PER_EVENT, runs: imbalanceRuns(projectRun, adam(state), seeds, state.epochs) };
    case 'label-noise':
      return { stepsPerEvent: STEPS_PER_EVENT, runs: noiseRuns(projectRun, adam(state), seeds, state.epochs) };
  }
}

/** The claims check's plan: the widget's runs for several seeds at once (update-ratio: every seed at every rate). */
export function projectPlanForSeeds(state: ProjectLabState, seeds: number[]): ProjectPlan {
  return state.preset === 'update-ratio' ? ratioPlan(state, seeds) : projectPlan(state, finalWeights(), seeds);
}
