/**
 * Every optimizer of the registry, with a penalty and a schedule, on every CPU compute path (tfjs-cpu,
 * tfjs-wasm, dense-wasm) against the float64 reference trainer (reference/mlp-reference.ts), which applies
 * the registries' scalar rules (optimizer `update`, schedule `factor`, penalty `gradient`) and no engine
 * training code. Two members with their own seed, rate, penalty and decay, each against its own reference
 * run. Adam with decoupled weight decay is AdamW.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, RunConfig, ScheduleSpec } from '@engine/config';
import { ReferenceMLP } from '@engine/reference/mlp-reference';
import { OPTIMIZER_NAMES, type OptimizerName } from '@engine/registry/optimizers';
import { PATHS, kernelOn } from './paths';

const STEPS = 100;

/** η per optimizer: large enough that 100 steps move the weights far (a slip of any rule shows), small enough
 * that no member diverges. */
const RATES: Record<OptimizerName, number> = { sgd: 0.3, momentum: 0.05, nesterov: 0.05, rmsprop: 0.01, adam: 0.02 };

interface Variant {
  label: string;
  regularization: { l1?: number; l2?: number; weightDecay?: number };
  /** Member 1's penalties (member 0 takes `regularization`). */
  member1: { l1?: number; l2?: number; weightDecay?: number };
  schedule: ScheduleSpec;
  clip?: Pick<OptimizerConfig, 'clipNorm' | 'clipValue'>;
}

const VARIANTS: Variant[] = [
  { label: 'L2, step schedule', regularization: { l2: 0.01 }, member1: { l2: 0.003 }, schedule: { type: 'step', every: 30, factor: 0.5 } },
  {
    label: 'L1, decoupled weight decay, exponential schedule, clipping',
    regularization: { l1: 0.003, weightDecay: 0.01 },
    member1: { l1: 0.001, weightDecay: 0.02 },
    schedule: { type: 'exponential', decaySteps: 100, rate: 0.3 },
    clip: { clipNorm: 1, clipValue: 0.3 },
  },
];

function configFor(name: OptimizerName, variant: Variant): RunConfig {
  const rate = RATES[name];
  return {
    model: { inputShape: [2], layers: [{ type: 'dense', units: 6, activation: 'tanh' }, { type: 'dense', units: 4, activation: 'sigmoid' }, { type: 'dense', units: 1, activation: 'sigmoid' }] },
    training: {
      loss: 'binary_crossentropy',
      optimizer: { name, learningRate: rate, schedule: variant.schedule, ...variant.clip },
      regularization: variant.regularization,
      batchSize: 10,
      seed: 5,
    },
    dataset: { kind: 'classification2d', shape: 'moons', count: 100, noise: 0.1 },
    population: { size: 2, members: [{}, { seed: 6, learningRate: rate / 2, ...variant.member1 }] },
  };
}

/**
 * The tolerance, from float32: each path keeps weights, gradients and optimizer state in float32 (unit
 * roundoff u = 2^-24 ≈ 6e-8). A step rounds each weight's update a few times (forward and backward sums over
 * ≤ 10 rows and ≤ 6 units, the state update, the subtraction): about 10 u ≈ 6e-7 relative on weights of
 * order 1, so 100 steps whose errors all had one sign would stay under 100 · 6e-7 = 6e-5. We hold every
 * weight to |θ_path − θ_ref| / (1 + |θ_ref|) < 5e-5. Measured worst (2026-11-26): 1.5e-7 to 1e-6 for
 * every case but Adam on dense-wasm, 2e-6 to 4e-6 there (its bias corrections are rounded to float32 before
 * they multiply m and v), so over 10× headroom; a wrong rule (momentum μ², Adam's bias correction dropped, the
 * schedule ignored, the L2 gradient halved) moves weights by 1e-3 or more (docs/engine/mutations.md).
 */
const TOLERANCE = 5e-5;

describe.each(PATHS)('optimizers against the float64 reference on %s', (path) => {
  for (const name of OPTIMIZER_NAMES)
    for (const variant of VARIANTS)
      it(`${name}, ${variant.label}, ${STEPS} steps`, async () => {
        const config = configFor(name, variant);
        const kernel = await kernelOn(path, config);
        const references = await Promise.all([0, 1].map((p) => ReferenceMLP.create(config, p)));
        const lossBefore = references.map((r) => r.meanLoss());
        kernel.runSteps(STEPS, false);
        for (const reference of references) for (let i = 0; i < STEPS; i++) reference.trainStep();
        const params = await kernel.readParams();
        kernel.dispose();
        references.forEach((reference, p) => {
          expect(reference.meanLoss(), `member ${p} learns`).toBeLessThan(lossBefore[p]!);
          let worst = 0;
          let moved = 0;
          for (const [l, layer] of reference.layers.entries()) {
            for (const [suffix, mine] of [['kernel', layer.weights], ['bias', layer.bias]] as const) {
              const values = params.get(`dense_${l}/${suffix}`)!.values;
              const theirs = values.subarray(p * mine.length, (p + 1) * mine.length);
              mine.forEach((w, e) => (worst = Math.max(worst, Math.abs(w - theirs[e]!) / (1 + Math.abs(w)))));
            }
          }
          for (const layer of reference.layers) moved = Math.max(moved, ...layer.bias.map(Math.abs));
          expect(moved, `member ${p}: the biases left 0`).toBeGreaterThan(1e-2);
          expect(worst, `member ${p}: worst |θ - θ_ref| / (1 + |θ_ref|)`).toBeLessThan(TOLERANCE);
        });
      });
});
