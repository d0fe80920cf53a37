/** DigitsExperiment, chapter 1's presets: each plan is the outline's design (docs/practical-tricks/outline.md, as
 * tests/claims/practical-tricks.test.ts trains it); the strip's digits, task lines and readouts behave. */
import { describe, expect, it } from 'vitest';
import type { DigitsDataset } from '@engine/types';
import { loadDigits } from '@engine/datasets/digits';
import { splitData } from '@engine/datasets/split';
import { intlLocale, strings } from '@i18n/index';
import { digitsExperiment } from '@widgets/digits-experiment/definition';
import { digitsPlan } from '@widgets/digits-experiment/plan';
import { relativeDifferences } from '@widgets/digits-experiment/readouts';
import { DigitsResults } from '@widgets/digits-experiment/results';
import { augmentedSamples, stripDigits } from '@widgets/digits-experiment/samples';
import { STRIP_CLASSES, STRIP_ROWS } from '@widgets/digits-experiment/strip-digits';
import { scientific } from '@widgets/digits-experiment/views-practical-tricks';
import { instancePreset, presetState } from '@widgets/shell/definition';
import { describeTask } from '@widgets/shell/task';
import { numberFormatter } from '@widgets/shell/text';

const plan = (preset: string, change: Record<string, number> = {}) => digitsPlan({ ...presetState(digitsExperiment, preset), ...change });
const datasets = (preset: string, change: Record<string, number> = {}) => plan(preset, change).runs.map((run) => run.config.dataset as DigitsDataset);
const members = (preset: string) => plan(preset).runs.flatMap((run) => run.config.population!.members!);

describe('DigitsExperiment chapter 1 plans (docs/practical-tricks/outline.md)', () => {
  it('E1 data-size: 50…700 digits, one run each, 80 Adam 0.003 steps, seeds 1–5, training accuracy measured; only the exercise\'s widget adds 400', () => {
    const p = plan('data-size');
    expect(p.runs.map((run) => run.arms), 'the lesson\'s widget must not give the data-400 exercise away').toEqual([['50'], ['100'], ['200'], ['700']]);
    expect(datasets('data-size').map((d) => d.trainOn)).toEqual([5, 10, 20].map((perClass) => ({ split: 'train', perClass })).concat([{ split: 'train' }] as never));
    expect(plan('data-size-400').runs.map((run) => run.arms)).toEqual([['50'], ['100'], ['200'], ['400'], ['700']]);
    expect(datasets('data-size-400')[3]!.trainOn).toEqual({ split: 'train', perClass: 40 });
    expect(instancePreset(digitsExperiment, 'ex-data-size', 'data-size')).toBe('data-size-400');
    expect(instancePreset(digitsExperiment, 'pr-data-size', 'data-size')).toBe('data-size');
    expect(() => instancePreset(digitsExperiment, 'ex-data-size', 'capacity')).toThrow(/ex-data-size/);
    expect(p.runs.every((run) => run.config.training.steps === 80 && run.config.training.optimizer.learningRate === 0.003 && run.config.telemetry!.trainMetrics)).toBe(true);
    expect([...new Set(members('data-size').map((m) => m.seed))]).toEqual([1, 2, 3, 4, 5]);
  });

  it('E3 capacity: widths 2 / hidden / 128 on 200 digits for 120 steps, seeds 2–6; the controls move the middle arm and the data', () => {
    expect(plan('capacity').runs.map((run) => (run.config.model.layers[0] as { units: number }).units)).toEqual([2, 32, 128]);
    expect([...new Set(members('capacity').map((m) => m.seed))]).toEqual([2, 3, 4, 5, 6]);
    expect(datasets('capacity')[0]!.trainOn).toEqual({ split: 'train', perClass: 20 });
    expect(datasets('capacity', { trainSize: 700 })[0]!.trainOn).toEqual({ split: 'train' });
    expect(plan('capacity', { hidden: 128 }).runs.map((run) => run.arms[0])).toEqual(['2', '128', '128-repeat']);
    expect(plan('capacity').runs[0]!.config.training.steps).toBe(120);
  });

  it('E5 dropout-rates: p = 0, 0.2 and the control as members of one 128-unit run on 100 digits, Adam 0.001, 100 steps', () => {
    const run = plan('dropout-rates').runs[0]!;
    expect(run.config.population!.members!.map((m) => m.dropout)).toEqual([0, 0.2, 0.5].flatMap((p) => new Array(5).fill(p)));
    expect(run.arms).toEqual(['0', '0.2', '0.5']);
    expect(run.config.model.layers[0]).toMatchObject({ units: 128, activation: 'relu' });
    expect(run.config.training).toMatchObject({ optimizer: { name: 'adam', learningRate: 0.001 }, steps: 100 });
    expect(datasets('dropout-rates')[0]!.trainOn).toEqual({ split: 'train', perClass: 10 });
  });

  it('E6 augmentation: 100 digits + 4 copies per variant (seed 7); the amounts drive the mild arm, 0 leaves a transform out', () => {
    const [none, mild, flip] = datasets('augmentation').map((d) => d.augment!);
    expect(none).toEqual({ transforms: [], copies: 4, seed: 7 });
    expect(mild!.transforms).toEqual([{ name: 'shift', amount: 1 }, { name: 'rotate', amount: 8 }, { name: 'noise', amount: 0.1 }]);
    expect(flip!.transforms).toEqual([{ name: 'hflip' }]);
    expect(datasets('augmentation', { shift: 0, noise: 0.2 })[1]!.augment!.transforms).toEqual([{ name: 'rotate', amount: 8 }, { name: 'noise', amount: 0.2 }]);
    expect(plan('augmentation').runs[0]!.config.training.steps).toBe(100);
  });

  it('E8 decay-vs-l2: per optimizer one population, the same seeds under L2 λ/2 and under decoupled decay λ = 0.1', () => {
    const runs = plan('decay-vs-l2').runs;
    expect(runs.map((run) => run.config.training.optimizer)).toEqual([{ name: 'sgd', learningRate: 0.1 }, { name: 'adam', learningRate: 0.003 }]);
    expect(runs[0]!.config.population!.members).toEqual([1, 2, 3, 4, 5].map((seed) => ({ seed, l2: 0.05 })).concat([1, 2, 3, 4, 5].map((seed) => ({ seed, weightDecay: 0.1 })) as never));
    expect(runs[1]!.arms).toEqual(['adam/l2', 'adam/decay']);
    expect(runs[0]!.config.model.layers[0]).toMatchObject({ units: 16 });
    expect(runs[0]!.config.training.steps).toBe(30);
  });

  it('writes the task lines in each language', () => {
    const task = (lang: 'pt' | 'ru' | 'zh', preset: string) => describeTask(plan(preset), strings(lang).widgets, intlLocale(lang));
    expect(task('pt', 'data-size')).toMatch(/^50 \/ 100 \/ 200 \/ 700 dígitos de treinamento; 1 camada oculta de 32 neurônios ReLU; Adam, η = 0,003; entropia cruzada; 80 passos$/);
    expect(task('ru', 'augmentation')).toContain('100 обучающих цифр + 4 копии каждой цифры');
    expect(task('pt', 'capacity')).toContain('1 camada oculta de 2 a 128 neurônios ReLU');
    expect(task('zh', 'decay-vs-l2')).toContain('λ = 0.1');
    expect(task('ru', 'decay-vs-l2')).toContain('λ = 0,1');
  });
});

describe('DigitsExperiment chapter 1 views', () => {
  it('the strip\'s embedded digits are the training split\'s rows they name', async () => {
    const train = splitData(await loadDigits(), { train: 0.7, validation: 0.2 }, false, 1, 1).train;
    stripDigits().forEach((image, k) => {
      const row = STRIP_ROWS[k]!;
      expect(train.targets[row]).toBe(STRIP_CLASSES[k]);
      image.forEach((value, p) => expect(Math.abs(value - train.inputs[row * 784 + p]!)).toBeLessThan(0.5 / 255 + 1e-6));
    });
  });

  it('the strip shows originals for none, mirrored or unchanged digits for hflip, transformed ones for mild', () => {
    const rows = augmentedSamples(presetState(digitsExperiment, 'augmentation'));
    expect(rows.map((row) => row.arm)).toEqual(['none', 'mild', 'hflip']);
    const originals = stripDigits();
    expect(rows[0]!.images).toEqual(originals);
    const mirrored = (image: Float32Array) => image.map((_, p) => image[Math.floor(p / 28) * 28 + 27 - (p % 28)]!);
    const flips = rows[2]!.images.map((image, k) => (image.every((v, p) => v === mirrored(originals[k]!)[p]) ? 1 : 0)).reduce((a: number, b) => a + b, 0);
    expect(flips).toBeGreaterThan(0);
    expect(rows[1]!.images.some((image, k) => image.some((v, p) => v !== originals[k]![p]))).toBe(true);
  });

  it('relative differences per optimizer from the final hidden kernels; scientific numbers as the lessons write them', () => {
    const results = new DigitsResults(() => []);
    results.clear(['sgd/l2', 'sgd/decay']);
    expect(relativeDifferences(results)).toBeNull();
    results.hiddenKernels.set('sgd/l2', [[3, 4], [1, 0]]);
    results.hiddenKernels.set('sgd/decay', [[3, 4], [0, 0]]);
    expect(relativeDifferences(results)).toEqual({ sgd: [0, 1] });
    expect(scientific(1.7e-7, numberFormatter('pt-BR'))).toBe('1,7·10⁻⁷');
    expect(scientific(1.43, numberFormatter('ru'))).toBe('1,43');
  });
});
