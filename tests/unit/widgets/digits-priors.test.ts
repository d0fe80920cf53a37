/** DigitsExperiment, chapter 3's prior presets (docs/deep-learning-myth/outline.md, `mlp-vs-convnet`,
 * `permuted-pixels`): the plans are the outline's design, the budgets equal, the strip's permutation the
 * engine's, and the task lines and legends derive from the configs in each language. */
import { describe, expect, it } from 'vitest';
import type { DigitsDataset } from '@engine/types';
import { countParameters } from '@engine/model/parameter-count';
import { pixelPermutation } from '@engine/datasets/pixel-permutation';
import { intlLocale, strings } from '@i18n/index';
import { digitsExperiment } from '@widgets/digits-experiment/definition';
import { digitsPlan } from '@widgets/digits-experiment/plan';
import { PRIOR_MODELS, PRIOR_STEPS } from '@widgets/digits-experiment/plans-priors';
import { DigitsResults } from '@widgets/digits-experiment/results';
import { networkLabel, permutedSamples, priorFinals, priorsLabel } from '@widgets/digits-experiment/views-priors';
import { presetState } from '@widgets/shell/definition';
import { describeTask } from '@widgets/shell/task';

const plan = (preset: string) => digitsPlan(presetState(digitsExperiment, preset));

describe('DigitsExperiment chapter 3 prior plans', () => {
  it('mlp-vs-convnet: MLP and convnet at 100 / 300 / 700 digits, the same steps at every size, seeds 1–5, nothing permuted', () => {
    const p = plan('mlp-vs-convnet');
    expect(p.runs.map((run) => run.arms[0])).toEqual(['mlp/100', 'convnet/100', 'mlp/300', 'convnet/300', 'mlp/700', 'convnet/700']);
    expect(p.runs.every((run) => run.config.training.steps === PRIOR_STEPS && run.config.training.batchSize === 32 && run.config.training.optimizer.learningRate === 0.003)).toBe(true);
    const data = p.runs.map((run) => run.config.dataset as DigitsDataset);
    expect(data.map((d) => d.trainOn)).toEqual([10, 10, 30, 30].map((perClass) => ({ split: 'train', perClass })).concat([{ split: 'train' }, { split: 'train' }] as never));
    expect(data.map((d) => d.layout ?? 'flat')).toEqual(['flat', 'image', 'flat', 'image', 'flat', 'image']);
    expect(data.every((d) => d.permutePixels === undefined && d.seed === 1)).toBe(true);
    expect(p.runs.every((run) => run.config.population!.members!.map((m) => m.seed).join() === '1,2,3,4,5')).toBe(true);
  });

  it('permuted-pixels: the same runs on digits permuted with seed 7', () => {
    const p = plan('permuted-pixels');
    const original = plan('mlp-vs-convnet');
    expect(p.runs.map((run) => run.config.dataset)).toEqual(original.runs.map((run) => ({ ...run.config.dataset, permutePixels: { seed: 7 } })));
    expect(p.runs.map((run) => run.config.model)).toEqual(original.runs.map((run) => run.config.model));
  });

  it('the two networks have equal parameter budgets (within 1 %): 7,960 and 7,890', () => {
    const mlp = countParameters(PRIOR_MODELS.mlp).total;
    const convnet = countParameters(PRIOR_MODELS.convnet).total;
    expect([mlp, convnet]).toEqual([7960, 7890]);
    expect(Math.abs(mlp - convnet) / mlp).toBeLessThan(0.01);
  });

  it('the strip permutes the sample digits with the engine\'s permutation, keeping every pixel value', () => {
    const { original, permuted } = permutedSamples();
    const order = pixelPermutation(784, 7);
    expect(original).toHaveLength(3);
    permuted.forEach((image, k) => {
      expect(image[0]).toBe(original[k]![order[0]!]);
      expect([...image].sort()).toEqual([...original[k]!].sort());
      expect(image).not.toEqual(original[k]);
    });
  });

  it('writes the task lines and legends from the configs in each language', () => {
    const task = (lang: 'pt' | 'ru' | 'zh', preset: string) => describeTask(plan(preset), strings(lang).widgets, intlLocale(lang));
    expect(task('pt', 'mlp-vs-convnet')).toBe('100 / 300 / 700 dígitos de treinamento; 1 camada oculta de 10 neurônios ReLU / rede convolucional: 4 filtros 3×3 ReLU, max pooling 2×2, saída softmax; Adam, η = 0,003; entropia cruzada; 150 passos');
    expect(task('ru', 'permuted-pixels')).toContain('пиксели перемешаны одной фиксированной перестановкой (зерно 7)');
    expect(task('zh', 'permuted-pixels')).toContain('卷积网络');
    const kit = (lang: 'pt' | 'ru' | 'zh') => ({ strings: strings(lang).widgets, locale: intlLocale(lang) });
    expect(networkLabel('mlp', kit('pt'))).toBe('MLP 784 → 10 → 10 (7.960 parâmetros)');
    expect(networkLabel('convnet', kit('ru'))).toBe('Свёрточная сеть (7\u00a0890 параметров)');
    expect(priorsLabel('convnet/300', kit('zh'))).toBe('卷积网络，300 张数字');
  });

  it('draws one line per network through the seeds\' means, one dot per seed, skipping a diverged seed', () => {
    const p = plan('mlp-vs-convnet');
    const results = new DigitsResults((run) => p.runs[run]?.arms ?? []);
    results.clear(p.runs.flatMap((run) => run.arms));
    p.runs.forEach((run, index) => {
      const accuracy = run.arms[0]!.startsWith('convnet') ? 0.8 : 0.7;
      results.progress(index, { type: 'progress', step: 150, epoch: 1, layerNames: [], members: [0, 1, 2, 3, 4].map((s) => ({ trainLoss: 1, validationLoss: 1, trainAccuracy: null, validationAccuracy: accuracy + s / 100, diverged: s === 4 && index === 1 })) } as never);
    });
    const data = priorFinals(results, (network) => network, 'seeds');
    const line = (id: string) => data.series.find((s) => s.id === id)!.points;
    expect(line('mlp').map((point) => [point.x, Number(point.y.toFixed(3))])).toEqual([[100, 0.72], [300, 0.72], [700, 0.72]]);
    expect(line('convnet')[0]!.y).toBeCloseTo(0.815, 6);
    expect(line('convnet-seeds')).toHaveLength(14);
  });
});
