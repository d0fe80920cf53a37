/** DigitsExperiment, chapter 3's presets: each plan is the outline's design (docs/deep-learning-myth/outline.md,
 * `depth` and `swap-parts`, as tests/claims/deep-learning-myth.test.ts trains it), every run fits the dense-wasm
 * path, and the task lines, arm names and readouts say what the runs compare. */
import { describe, expect, it } from 'vitest';
import type { DenseLayerSpec, ProgressEvent } from '@engine/types';
import { denseWasmUnsupported } from '@engine/kernels/dense-wasm/trainer';
import { planModel, type LayerPlan } from '@engine/model/shapes';
import { validateConfig } from '@engine/validate';
import { intlLocale, strings } from '@i18n/index';
import { digitsExperiment } from '@widgets/digits-experiment/definition';
import { digitsPlan } from '@widgets/digits-experiment/plan';
import { DigitsResults } from '@widgets/digits-experiment/results';
import { deepLearningMythLabel, deepLearningMythReadout, lossByDepth } from '@widgets/digits-experiment/views-deep-learning-myth';
import type { ViewKit } from '@widgets/digits-experiment/views-practical-tricks';
import { presetState } from '@widgets/shell/definition';
import { describeTask } from '@widgets/shell/task';
import { numberFormatter } from '@widgets/shell/text';

const plan = (preset: string) => digitsPlan(presetState(digitsExperiment, preset));
const PRESETS = ['plain-vs-residual', 'swap-optimizer', 'swap-loss', 'swap-model'] as const;

describe('DigitsExperiment chapter 3 plans (docs/deep-learning-myth/outline.md)', () => {
  it('depth: plain and residual MLPs of 1–16 hidden layers of 32 ReLU; residual from layer 2 on; momentum 0.9, η = 0.01, batch 32, 20 epochs of the 700 digits; seeds 1–5', () => {
    const p = plan('plain-vs-residual');
    expect(p.runs.map((run) => run.arms[0])).toEqual(['plain', 'residual'].flatMap((family) => [1, 2, 4, 8, 16].map((depth) => `${family}/${depth}`)));
    const residual16 = p.runs[9]!.config.model.layers as DenseLayerSpec[];
    expect(residual16).toHaveLength(17);
    expect(residual16.map((layer) => layer.residual === true)).toEqual([false, ...new Array(15).fill(true), false]);
    expect(residual16.slice(0, 16).every((layer) => layer.units === 32 && layer.activation === 'relu')).toBe(true);
    expect((p.runs[4]!.config.model.layers as DenseLayerSpec[]).some((layer) => layer.residual)).toBe(false);
    for (const run of p.runs) {
      expect(run.config.training).toMatchObject({ optimizer: { name: 'momentum', learningRate: 0.01, momentum: 0.9 }, batchSize: 32, steps: 440, loss: 'categorical_crossentropy' });
      expect(run.config.dataset).toMatchObject({ kind: 'digits', seed: 1, trainOn: { split: 'train' } });
      expect(run.config.telemetry!.trainMetrics, 'the final training loss is the whole split\'s').toBe(true);
      expect(run.config.population!.members!.map((m) => m.seed)).toEqual([1, 2, 3, 4, 5]);
    }
    expect(p.stepsPerEvent).toBe(22);
  });

  it('swaps: one config part differs per preset (optimizer at its own rate, loss, model); everything else is the base setup for 10 epochs', () => {
    const training = (preset: string) => plan(preset).runs.map((run) => run.config.training);
    expect(training('swap-optimizer').map((t) => [t.optimizer.name, t.optimizer.learningRate])).toEqual([['sgd', 0.01], ['momentum', 0.01], ['rmsprop', 0.001], ['adam', 0.003]]);
    expect(training('swap-loss').map((t) => t.loss)).toEqual(['categorical_crossentropy', 'mse']);
    expect(plan('swap-model').runs.map((run) => (run.config.model.layers as DenseLayerSpec[]).map((layer) => layer.units))).toEqual([[32, 10], [64, 32, 10]]);
    for (const preset of ['swap-optimizer', 'swap-loss', 'swap-model']) {
      const configs = plan(preset).runs.map((run) => run.config);
      expect(configs.every((config) => config.training.steps === 220 && config.training.batchSize === 32)).toBe(true);
      // Apart from the one part, the runs' configs are identical.
      const strip = (config: (typeof configs)[number]) => JSON.stringify({ ...config, model: preset === 'swap-model' ? null : config.model, training: { ...config.training, optimizer: preset === 'swap-optimizer' ? null : config.training.optimizer, loss: preset === 'swap-loss' ? null : config.training.loss } });
      expect(new Set(configs.map(strip)).size).toBe(1);
    }
  });

  it('every run trains on the dense-wasm path (residual layers, 17 layers and MSE on softmax included)', () => {
    for (const preset of PRESETS)
      for (const run of plan(preset).runs) {
        const resolved = validateConfig(run.config);
        expect(denseWasmUnsupported(resolved, planModel(resolved.model.inputShape, resolved.model.layers) as LayerPlan[]), `${preset} ${run.arms[0]}`).toBeNull();
      }
  });

  it('writes the task lines from the configs in each language', () => {
    const task = (lang: 'pt' | 'ru' | 'zh', preset: string) => describeTask(plan(preset), strings(lang).widgets, intlLocale(lang));
    expect(task('pt', 'plain-vs-residual')).toBe('700 dígitos de treinamento; 1 / 2 / 4 / 8 / 16 camadas ocultas de 32 neurônios ReLU, sem e com conexões residuais (da 2ª camada em diante); SGD com momentum, η = 0,01; entropia cruzada; 440 passos');
    expect(task('ru', 'plain-vs-residual')).toContain('1 / 2 / 4 / 8 / 16 скрытых слоёв');
    expect(task('pt', 'swap-optimizer')).toContain('SGD / SGD com momentum / RMSProp / Adam, η de 0,001 a 0,01 (3 taxas)');
    expect(task('zh', 'swap-loss')).toContain('交叉熵 / 均方误差');
    expect(task('pt', 'swap-model')).toContain('1 / 2 camadas ocultas de 32 a 64 neurônios ReLU');
  });
});

const event = (step: number, values: number[]): ProgressEvent => ({
  type: 'progress', step, epoch: 0, layerNames: [], backend: 'cpu', stepsPerSecond: 0,
  members: values.map((v) => ({ trainLoss: v, validationLoss: 1, trainAccuracy: 1, validationAccuracy: 1 - v, learningRate: 0.01, diverged: false })),
} as unknown as ProgressEvent);

describe('DigitsExperiment chapter 3 views', () => {
  const kit = (lang: 'pt' | 'ru', results: DigitsResults, state = presetState(digitsExperiment, 'swap-optimizer')) => ({
    state, results, strings: strings(lang).widgets, locale: intlLocale(lang), format: numberFormatter(intlLocale(lang)), steps: 220,
  }) as unknown as ViewKit;

  it('names each swap arm by its one changed config line', () => {
    const k = kit('pt', new DigitsResults(() => []));
    expect(deepLearningMythLabel('swap-optimizer', 'momentum', k)).toBe('otimizador: SGD com momentum, η = 0,01');
    expect(deepLearningMythLabel('swap-loss', 'mse', k)).toBe('perda: erro quadrático médio nas saídas softmax');
    expect(deepLearningMythLabel('swap-model', '64-32', k)).toBe('modelo: MLP 784 → 64 → 32 → 10');
    expect(deepLearningMythLabel('plain-vs-residual', 'residual/16', kit('ru', new DigitsResults(() => [])))).toBe('Остаточный MLP, 16 скрытых слоёв');
  });

  it('reads out and exposes the accuracies after epochs 1 and 10, and the final training losses by depth', () => {
    const arms = ['sgd', 'adam'];
    const results = new DigitsResults((run) => [arms[run]!]);
    results.clear(arms);
    for (let epoch = 1; epoch <= 10; epoch++) arms.forEach((_, run) => results.progress(run, event(epoch * 22, new Array(5).fill(run === 0 ? 0.9 - epoch * 0.05 : 0.1))));
    const exposed = new Map<string, string>();
    const k = kit('pt', results);
    const lines = deepLearningMythReadout('swap-optimizer', k, (name, value) => exposed.set(name, value));
    expect(JSON.parse(exposed.get('epoch-accuracies')!)['1'].sgd[0]).toBeCloseTo(0.15);
    expect(lines[0]).toContain('o otimizador');
    expect(lines[1]).toMatch(/após 1 época: SGD, η = 0,01: 15\s?% · Adam, η = 0,003: 90\s?%; após 10 épocas: SGD, η = 0,01: 60\s?%/);

    const depth = new DigitsResults((run) => [run === 0 ? 'plain/16' : 'residual/16']);
    depth.clear(['plain/16', 'residual/16']);
    depth.progress(0, event(440, [0.5, 0.4, 0.6, 0.5, 0.5]));
    depth.progress(1, event(440, [0.01, 0.02, 0.01, 0.01, 0.01]));
    const chart = lossByDepth(depth, (family) => family, 'seeds');
    expect(chart.series.find((s) => s.id === 'plain')!.points).toEqual([{ x: 16, y: 0.5 }]);
    expect(chart.series.find((s) => s.id === 'residual-seeds')!.points).toHaveLength(5);
  });
});
