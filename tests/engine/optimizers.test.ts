/**
 * Optimizers, schedules, clipping and max-norm against their formulas on the first steps (where they have
 * closed forms): Adam's first step is η·g/(|g| + ε) ≈ η·sign(g); RMSProp's is η·g/√((1-ρ)g² + ε);
 * momentum's first step equals SGD's, Nesterov's is η·(1 + μ)·g; decoupled weight decay shrinks each kernel
 * (not the biases) by η·λ·θ on top of the optimizer's step.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, RunConfig } from '@engine/config';
import { TrainingSession } from '@engine/train/session';
import { useBackend } from './backend';
import { allParams, sineNet } from './configs';

const withOptimizer = (optimizer: OptimizerConfig, extra: Partial<RunConfig> = {}): RunConfig =>
  sineNet({ training: { loss: 'mse', optimizer, batchSize: 1000, seed: 5 }, ...extra });

async function firstStepChange(config: RunConfig): Promise<{ before: number[]; after: number[]; gradient: number[] }> {
  const session = await TrainingSession.create(config);
  const before = await allParams(session);
  const gradients = await session.inspectGradients(session.fastPath ? 'dense' : 'autodiff');
  const gradient = [...gradients.keys()].sort().flatMap((name) => Array.from(gradients.get(name)!));
  session.runSteps(1, false);
  const after = await allParams(session);
  session.dispose();
  return { before, after, gradient };
}

describe.each(['cpu', 'wasm'] as const)('optimizers on %s', (backend) => {
  it('adam: first step moves every parameter by ≈ η against its gradient', async () => {
    await useBackend(backend);
    const { before, after, gradient } = await firstStepChange(withOptimizer({ name: 'adam', learningRate: 0.01 }));
    before.forEach((b, i) => {
      const g = gradient[i]!;
      if (Math.abs(g) < 1e-4) return;
      expect(b - after[i]!).toBeCloseTo(0.01 * Math.sign(g), 4);
    });
  });

  it('rmsprop: first step is η g / √((1-ρ) g² + ε)', async () => {
    await useBackend(backend);
    const { before, after, gradient } = await firstStepChange(withOptimizer({ name: 'rmsprop', learningRate: 0.01, beta1: 0.9 }));
    before.forEach((b, i) => {
      const g = gradient[i]!;
      expect(b - after[i]!).toBeCloseTo((0.01 * g) / Math.sqrt(0.1 * g * g + 1e-7), 4);
    });
  });

  it('momentum: the first step equals SGD, later steps do not', async () => {
    await useBackend(backend);
    const sgd = await firstStepChange(withOptimizer({ name: 'sgd', learningRate: 0.05 }));
    const momentum = await firstStepChange(withOptimizer({ name: 'momentum', learningRate: 0.05, momentum: 0.9 }));
    expect(momentum.after.map((v, i) => Math.abs(v - sgd.after[i]!)).reduce((a, b) => Math.max(a, b))).toBeLessThan(1e-6);
    const run = async (optimizer: OptimizerConfig) => {
      const session = await TrainingSession.create(withOptimizer(optimizer));
      session.runSteps(5, false);
      const values = await allParams(session);
      session.dispose();
      return values;
    };
    const a = await run({ name: 'sgd', learningRate: 0.05 });
    const b = await run({ name: 'momentum', learningRate: 0.05, momentum: 0.9 });
    expect(a.map((v, i) => Math.abs(v - b[i]!)).reduce((x, y) => Math.max(x, y))).toBeGreaterThan(1e-4);
  });

  it('nesterov: the first step is η (1 + μ) g', async () => {
    await useBackend(backend);
    const { before, after, gradient } = await firstStepChange(withOptimizer({ name: 'nesterov', learningRate: 0.05, momentum: 0.9 }));
    before.forEach((b, i) => expect(b - after[i]!).toBeCloseTo(0.05 * 1.9 * gradient[i]!, 5));
  });

  it('decoupled weight decay: the first adam step also shrinks each kernel by η λ θ, never a bias', async () => {
    await useBackend(backend);
    const step = async (weightDecay: number) => {
      const session = await TrainingSession.create(withOptimizer({ name: 'adam', learningRate: 0.01 }, { training: { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, regularization: { weightDecay }, batchSize: 1000, seed: 5 } }));
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
    await useBackend(backend);
    const { before, after } = await firstStepChange(withOptimizer({ name: 'sgd', learningRate: 1, clipNorm: 1e-3 }));
    const norm = Math.sqrt(before.reduce((sum, b, i) => sum + (b - after[i]!) ** 2, 0));
    expect(norm).toBeLessThan(1e-3 * 1.001);
    expect(norm).toBeGreaterThan(1e-3 * 0.999); // the raw gradient is far larger, so the clip is active
  });

  it("max-norm keeps every unit's incoming weights within the bound", async () => {
    await useBackend(backend);
    const config = sineNet({
      model: { inputShape: [1], layers: [{ type: 'dense', units: 10, activation: 'tanh', maxNorm: 0.5 }, { type: 'dense', units: 1 }], initializer: { name: 'uniform', scale: 2 } },
    });
    const session = await TrainingSession.create(config);
    session.runSteps(3, false);
    const kernel = await session.params.get('dense_0/kernel')!.data(); // [1, 1, 10]: one weight per unit
    expect(Math.max(...Array.from(kernel, Math.abs))).toBeLessThanOrEqual(0.5 + 1e-6);
    session.dispose();
  });
});

describe('learning-rate schedules', () => {
  it('step and exponential decay follow their formulas', async () => {
    await useBackend('cpu');
    const step = await TrainingSession.create(withOptimizer({ name: 'sgd', learningRate: 0.1, schedule: { type: 'step', every: 10, factor: 0.5 } }));
    step.runSteps(25, false);
    expect(step.currentLearningRates()[0]).toBeCloseTo(0.1 * 0.25, 12);
    step.dispose();
    const exponential = await TrainingSession.create(withOptimizer({ name: 'sgd', learningRate: 0.1, schedule: { type: 'exponential', decaySteps: 10, rate: 0.5 } }));
    exponential.runSteps(15, false);
    expect(exponential.currentLearningRates()[0]).toBeCloseTo(0.1 * 0.5 ** 1.5, 12);
    exponential.dispose();
  });
});
