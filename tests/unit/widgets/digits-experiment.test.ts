/** DigitsExperiment: each preset's plan matches the outline's design; results, readouts and controls behave. */
import { describe, expect, it } from 'vitest';
import type { Checkpoint, DigitsDataset, ProgressEvent } from '@engine/types';
import { intlLocale, strings } from '@i18n/index';
import { digitsExperiment, digitsExperimentPresets } from '@widgets/digits-experiment/definition';
import { normCurves } from '@widgets/digits-experiment/charts';
import { digitsPlan, FINETUNE_RATES } from '@widgets/digits-experiment/plan';
import { outputComparison } from '@widgets/digits-experiment/readouts';
import { DigitsResults, largestUnitNorm } from '@widgets/digits-experiment/results';
import { checkPresets, presetState } from '@widgets/shell/definition';
import { decodeState, linkScope } from '@widgets/shell/permalink';
import { describeTask } from '@widgets/shell/task';

const plan = (preset: string, change: Record<string, number> = {}) => digitsPlan({ ...presetState(digitsExperiment, preset), ...change });
const dataset = (preset: string) => plan(preset).runs[0]!.config.dataset as DigitsDataset;
const seedsOf = (preset: string) => plan(preset).runs.flatMap((run) => run.config.population!.members!.map((member) => member.seed ?? 0));

describe('DigitsExperiment plans (docs/seven-tips/outline.md)', () => {
  it('every preset is valid, and the transfer presets start at seed 2 (the pretrained net was trained from seed 1)', () => {
    expect(checkPresets(digitsExperiment)).toEqual([]);
    for (const preset of ['pretrained-vs-random', 'finetune-rates', 'frozen-layers']) expect(Math.min(...seedsOf(preset))).toBe(2);
    for (const preset of ['dropout-by-size', 'max-norm', 'output-width']) expect([...new Set(seedsOf(preset))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('T1: one population, pretrained copied into the first five members only, 40 Adam steps on the 100 new digits', async () => {
    const run = plan('pretrained-vs-random').runs[0]!;
    expect(run.config.training).toMatchObject({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, steps: 40 });
    expect(dataset('pretrained-vs-random').trainOn).toEqual({ split: 'test' });
    expect(run.arms).toEqual(['pretrained', 'random']);
    const initial: Checkpoint = {
      format: 'deep-practice-checkpoint', version: 1, model: run.config.model, step: 0,
      members: Array.from({ length: 10 }, () => ({ 'hidden/kernel': { shape: [784, 32], data: new Array(784 * 32).fill(7) }, 'hidden/bias': { shape: [1, 32], data: new Array(32).fill(7) } })),
    };
    const prepared = await run.prepare!(initial);
    expect(prepared.members.map((member) => member['hidden/bias']!.data[0] === 7)).toEqual([false, false, false, false, false, true, true, true, true, true]);
  });

  it('T2: rates 1e-4…1e-1 × seeds as members of one run, 30 steps with an event every step', () => {
    const run = plan('finetune-rates').runs[0]!;
    expect(run.config.population!.members!.map((member) => member.learningRate)).toEqual(FINETUNE_RATES.flatMap((rate) => new Array(5).fill(rate)));
    expect(run.config.training.steps).toBe(30);
    expect(run.config.telemetry!.every).toBe(1);
  });

  it('T3: two sizes, dropout 0 vs the control on 10 digits per class; the control moves the second arm', () => {
    const runs = plan('dropout-by-size', { dropout: 0.2 }).runs;
    expect(runs.map((run) => (run.config.model.layers[0] as { units: number }).units)).toEqual([16, 128]);
    expect(runs[0]!.config.population!.members!.map((member) => member.dropout)).toEqual([0, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(runs[1]!.arms).toEqual(['128/0', '128/0.2']);
    expect(dataset('dropout-by-size').trainOn).toEqual({ split: 'train', perClass: 10 });
  });

  it('T4: the source net with max-norm 0 vs 5, SGD + momentum at the lr control', () => {
    const runs = plan('max-norm', { lr: 0.1 }).runs;
    expect(runs.map((run) => run.config.model.layers.map((layer) => (layer as { maxNorm?: number }).maxNorm ?? 0))).toEqual([[0, 0, 0], [5, 5, 0]]);
    expect(runs[0]!.config.training.optimizer).toEqual({ name: 'momentum', learningRate: 0.1, momentum: 0.9 });
    expect(runs[0]!.config.model).toMatchObject({ inputDropout: 0.2, initializer: { name: 'normal', scale: 0.05 } });
  });

  it('T5: parity labels on the new digits, a 2-way head, the hidden layer frozen only in the frozen arm', () => {
    const runs = plan('frozen-layers').runs;
    expect(runs.map((run) => run.arms[0])).toEqual(['scratch', 'frozen', 'free']);
    expect(runs.map((run) => (run.config.model.layers[0] as { trainable?: boolean }).trainable)).toEqual([true, false, true]);
    expect(dataset('frozen-layers')).toMatchObject({ labels: 'parity', trainOn: { split: 'test' } });
    expect(runs.every((run) => run.prepare)).toBe(true);
  });

  it('T6: 10 outputs vs the outputs control, classes declared to match', () => {
    const runs = plan('output-width', { outputs: 16 }).runs;
    expect(runs.map((run) => [(run.config.dataset as DigitsDataset).classes, (run.config.model.layers[1] as { units: number }).units])).toEqual([[10, 10], [16, 16]]);
    expect(plan('output-width', { outputs: 10 }).runs.map((run) => run.arms[0])).toEqual(['10', '10-repeat']);
  });

  it('writes the task line from the configs in each language', () => {
    const task = (lang: 'pt' | 'ru' | 'zh', preset: string) => describeTask(plan(preset), strings(lang).widgets, intlLocale(lang));
    expect(task('pt', 'pretrained-vs-random')).toBe('100 dígitos novos; 1 camada oculta de 32 neurônios ReLU; Adam, η = 10⁻³; entropia cruzada; 40 passos');
    expect(task('ru', 'frozen-layers')).toContain('100 новых цифр, метки: чётная или нечётная');
    expect(task('pt', 'dropout-by-size')).toContain('100 dígitos de treinamento; 1 camada oculta de 16 a 128 neurônios ReLU');
    expect(task('zh', 'output-width')).toContain('700 张训练数字');
    expect(task('pt', 'output-width')).toContain('10 / 14 saídas softmax');
    expect(task('ru', 'finetune-rates')).toContain('30 шагов');
  });
});

describe('DigitsExperiment controls and links', () => {
  it('a lesson widget shows and accepts only its preset\'s control', () => {
    expect(linkScope(digitsExperiment, 'max-norm', false).keys).toContain('lr');
    expect(linkScope(digitsExperiment, 'max-norm', false).keys).not.toContain('outputs');
    expect(decodeState(digitsExperiment, 'preset:output-width,seed:1,outputs:12', linkScope(digitsExperiment, 'output-width', false)).ok).toBe(true);
    expect(decodeState(digitsExperiment, 'preset:output-width,seed:1,outputs:17', linkScope(digitsExperiment, 'output-width', false)).ok).toBe(false);
    expect(decodeState(digitsExperiment, 'preset:output-width,seed:1,lr:0.1', linkScope(digitsExperiment, 'output-width', false)).ok).toBe(false);
    expect(digitsExperimentPresets.length).toBe(18);
  });
});

const progress = (step: number, accuracies: number[], diverged: number[] = []): ProgressEvent => ({
  type: 'progress', step, epoch: 0, layerNames: ['hidden', 'output'], backend: 'cpu', stepsPerSecond: 0,
  members: accuracies.map((validationAccuracy, index) => ({ trainLoss: 1, validationLoss: 1, trainAccuracy: 1, validationAccuracy, learningRate: 0.1, diverged: diverged.includes(index) })),
} as unknown as ProgressEvent);

describe('DigitsExperiment results', () => {
  it('keeps accuracy per arm and seed, reads any step, and marks diverged seeds null', () => {
    const results = new DigitsResults(() => ['a', 'b']);
    results.progress(0, progress(3, [0.8, 0.8, 0.8, 0.8, 0.8, 0.5, 0.5, 0.5, 0.5, 0.5]));
    results.progress(0, progress(6, [0.9, 0.85, 0.8, 0.75, 0.7, 0.5, 0.6, 0.5, 0.6, 0.1], [9]));
    expect(results.accuracies(3)).toEqual({ a: [0.8, 0.8, 0.8, 0.8, 0.8], b: [0.5, 0.5, 0.5, 0.5, 0.5] });
    expect(results.accuracies().b).toEqual([0.5, 0.6, 0.5, 0.6, null]);
    expect(results.meanAccuracy('a')).toBeCloseTo(0.8);
  });

  it('plots per layer the largest unit norm over the arm\'s seeds (not a whole-layer norm), skipping diverged seeds', () => {
    const results = new DigitsResults(() => ['0', '5']);
    const event = progress(5, new Array(10).fill(0.1));
    // Members 0–4: arm '0'; 5–9: arm '5'. Per member, [hidden, output]; member 2 diverged (its telemetry reads NaN).
    event.maxUnitNormsByLayer = [[10, 1], [30, 2], [Number.NaN, Number.NaN], [20, 3], [12, 1], [5, 1], [4.9, 2], [5, 1], [4, 1], [5, 0.5]];
    event.weightNormsByLayer = new Array(10).fill([1000, 1000]);
    results.progress(0, event);
    expect(results.arms.get('0')!.norms.get('hidden')).toEqual([30]);
    expect(results.arms.get('0')!.norms.get('output')).toEqual([3]);
    expect(results.arms.get('5')!.norms.get('hidden')).toEqual([5]);
    const chart = normCurves(results, (arm, layer) => `${arm}/${layer}`, ['hidden'], [{ axis: 'y', value: 5 }]);
    expect(chart.series.map((s) => s.points.map((p) => p.y))).toEqual([[30], [5]]);
    expect(chart.guides).toEqual([{ axis: 'y', value: 5 }]);
  });

  it('takes the first layer before (step 0) and after, and the largest unit norm of the hidden layers', () => {
    const results = new DigitsResults(() => ['x']);
    const kernel = (value: number) => ({ shape: [2, 2], data: [value, 0, value, 0] });
    const checkpoint = (step: number, value: number): Checkpoint => ({ format: 'deep-practice-checkpoint', version: 1, model: { inputShape: [2], layers: [] }, step, members: new Array(5).fill({ 'relu128/kernel': kernel(value) }) });
    results.checkpoint(0, checkpoint(0, 3));
    results.checkpoint(0, checkpoint(60, 4), ['relu128']);
    expect(results.before.get('x')!.members[0]).toEqual([3, 0, 3, 0]);
    expect(results.after.get('x')!.members[0]).toEqual([4, 0, 4, 0]);
    expect(results.unitNorms.get('x')![0]).toBeCloseTo(Math.sqrt(32));
    expect(largestUnitNorm([2, 2], [3, 1, 4, 1])).toBeCloseTo(5);
  });

  it('compares 10 and K outputs as the claims test does: mean difference, seed spread, wins', () => {
    const results = new DigitsResults((run) => [run === 0 ? '10' : '14']);
    results.progress(0, progress(100, [0.85, 0.85, 0.855, 0.87, 0.87]));
    results.progress(1, progress(100, [0.875, 0.855, 0.84, 0.86, 0.9]));
    const comparison = outputComparison(results)!;
    expect(comparison.outputs).toBe(14);
    expect(comparison.meanDifference).toBeCloseTo(0.007, 6);
    expect(comparison.spread).toBeCloseTo(0.00917, 5);
    expect(comparison.wins).toBe(3);
  });
});
