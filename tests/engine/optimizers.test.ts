/**
 * Optimizers, schedules, clipping and max-norm against their formulas on the first steps (where they have
 * closed forms), on every compute path (tfjs on cpu and wasm, dense-wasm): Adam's first step is
 * η·g/(|g| + ε) ≈ η·sign(g); RMSProp's is η·g/√((1-ρ)g² + ε); momentum's first step equals SGD's, Nesterov's
 * is η·(1 + μ)·g; decoupled weight decay shrinks each kernel (not the biases) by η·λ·θ on top of the
 * optimizer's step. The gradient g is tfjs-cpu's (same seed, full batch: the same point on every path).
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, RunConfig } from '@engine/config';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';
import { sineNet } from './configs';
import { PATHS, kernelOn, kernelParams, type PathName } from './paths';

const withOptimizer = (optimizer: OptimizerConfig, extra: Partial<RunConfig> = {}): RunConfig =>
  sineNet({ training: { loss: 'mse', optimizer, batchSize: 1000, seed: 5 }, ...extra });

/** The full-batch gradient at the initial weights, every parameter in name order (tfjs-cpu). */
async function initialGradient(config: RunConfig): Promise<number[]> {
  await useBackend('cpu');
  const session = await TrainingSession.create(config);
  const gradients = await session.inspectGradients(session.fastPath ? 'dense' : 'autodiff');
  session.dispose();
  return [...gradients.keys()].sort().flatMap((name) => Array.from(gradients.get(name)!));
}

async function run(path: PathName, config: RunConfig, steps: number): Promise<{ before: number[]; after: number[] }> {
  const kernel = await kernelOn(path, config);
  const before = await kernelParams(kernel);
  kernel.runSteps(steps, false);
  const after = await kernelParams(kernel);
  kernel.dispose();
  return { before, after };
}

async function firstStepChange(path: PathName, config: RunConfig): Promise<{ before: number[]; after: number[]; gradient: number[] }> {
  const gradient = await initialGradient(config);
  return { ...(await run(path, config, 1)), gradient };
}

const largest = (a: number[], b: number[]) => a.reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i]!)), 0);

describe.each(PATHS)('optimizers on %s', (path) => {
  it('adam: first step moves every parameter by ≈ η against its gradient', async () => {
    const { before, after, gradient } = await firstStepChange(path, withOptimizer({ name: 'adam', learningRate: 0.01 }));
    before.forEach((b, i) => {
      const g = gradient[i]!;
      if (Math.abs(g) < 1e-4) return;
      expect(b - after[i]!).toBeCloseTo(0.01 * Math.sign(g), 4);
    });
  });

  it('rmsprop: first step is η g / √((1-ρ) g² + ε)', async () => {
    const { before, after, gradient } = await firstStepChange(path, withOptimizer({ name: 'rmsprop', learningRate: 0.01, beta1: 0.9 }));
    before.forEach((b, i) => {
      const g = gradient[i]!;
      expect(b - after[i]!).toBeCloseTo((0.01 * g) / Math.sqrt(0.1 * g * g + 1e-7), 4);
    });
  });

  it('momentum: the first step equals SGD, later steps do not', async () => {
    const sgd = await firstStepChange(path, withOptimizer({ name: 'sgd', learningRate: 0.05 }));
    const momentum = await firstStepChange(path, withOptimizer({ name: 'momentum', learningRate: 0.05, momentum: 0.9 }));
    expect(largest(momentum.after, sgd.after)).toBeLessThan(1e-6);
    const a = await run(path, withOptimizer({ name: 'sgd', learningRate: 0.05 }), 5);
    const b = await run(path, withOptimizer({ name: 'momentum', learningRate: 0.05, momentum: 0.9 }), 5);
    expect(largest(a.after, b.after)).toBeGreaterThan(1e-4);
  });

  it('nesterov: the first step is η (1 + μ) g', async () => {
    const { before, after, gradient } = await firstStepChange(path, withOptimizer({ name: 'nesterov', learningRate: 0.05, momentum: 0.9 }));
    before.forEach((b, i) => expect(b - after[i]!).toBeCloseTo(0.05 * 1.9 * gradient[i]!, 5));
  });

  it('decoupled weight decay: the first adam step also shrinks each kernel by η λ θ, never a bias', async () => {
    const step = async (weightDecay: number) => {
      const session = await kernelOn(path, withOptimizer({ name: 'adam', learningRate: 0.01 }, { training: { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, regularization: { weightDecay }, batchSize: 1000, seed: 5 } }));
      const before = await session.readParams();
      session.runSteps(1, false);
      const after = await session.readParams();
      session.dispose();
      return { before, after };
    };
    const plain = await step(0);
    const decayed = await step(0.5);
    let kernels = 0;
    for (const [name, view] of plain.after) {
      const theta = plain.before.get(name)!.values;
      const shrunk = decayed.after.get(name)!.values;
      const kernel = name.endsWith('/kernel');
      if (kernel) kernels++;
      view.values.forEach((v, i) => expect(v - shrunk[i]!).toBeCloseTo(kernel ? 0.01 * 0.5 * theta[i]! : 0, 6));
    }
    expect(kernels).toBeGreaterThan(0);
  });

  it("gradient clipping bounds each member's update norm by η·clipNorm", async () => {
    const { before, after } = await firstStepChange(path, withOptimizer({ name: 'sgd', learningRate: 1, clipNorm: 1e-3 }));
    const norm = Math.sqrt(before.reduce((sum, b, i) => sum + (b - after[i]!) ** 2, 0));
    expect(norm).toBeLessThan(1e-3 * 1.001);
    expect(norm).toBeGreaterThan(1e-3 * 0.999); // the raw gradient is far larger, so the clip is active
  });

  it("max-norm keeps every unit's incoming weights within the bound", async () => {
    const config = sineNet({
      model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'tanh', maxNorm: 0.5 }, { type: 'dense', units: 1 }], initializer: { name: 'uniform', scale: 2 } },
    });
    const session = await kernelOn(path, config);
    session.runSteps(3, false);
    const kernel = (await session.readParams()).get('dense_0/kernel')!.values; // [1, 10]: one weight per unit
    expect(Math.max(...Array.from(kernel, Math.abs))).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(Math.max(...Array.from(kernel, Math.abs))).toBeGreaterThan(0.5 - 1e-3); // drawn up to 2: the bound is active
    session.dispose();
  });
});

describe.each(PATHS)('learning-rate schedules on %s', (path) => {
  it('step and exponential decay follow their formulas', async () => {
    const step = await kernelOn(path, withOptimizer({ name: 'sgd', learningRate: 0.1, schedule: { type: 'step', every: 10, factor: 0.5 } }));
    step.runSteps(25, false);
    expect(step.currentLearningRates()[0]).toBeCloseTo(0.1 * 0.25, 12);
    step.dispose();
    const exponential = await kernelOn(path, withOptimizer({ name: 'sgd', learningRate: 0.1, schedule: { type: 'exponential', decaySteps: 10, rate: 0.5 } }));
    exponential.runSteps(15, false);
    expect(exponential.currentLearningRates()[0]).toBeCloseTo(0.1 * 0.5 ** 1.5, 12);
    exponential.dispose();
  });

  it('the update follows the schedule: a step schedule with factor 0 stops training at its first boundary', async () => {
    const config = withOptimizer({ name: 'momentum', learningRate: 0.05, schedule: { type: 'step', every: 4, factor: 0 } });
    const early = await run(path, config, 3);
    const boundary = await run(path, config, 4);
    const later = await run(path, config, 12);
    expect(largest(early.after, boundary.after)).toBeGreaterThan(1e-4); // the 4th step (index 3) still moves
    expect(largest(boundary.after, later.after)).toBe(0); // η = 0 from step index 4 on, momentum included
  });
});
