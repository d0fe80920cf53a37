/** ProjectLab (docs/project-lifecycle/outline.md): the plans are the outline's design (with the claims check's
 * changes), the embedded validation labels are the split's, the card and task line derive from the runs in each
 * language, and the measures the readouts and the claims share compute what they say. */
import { describe, expect, it } from 'vitest';
import { digitsSplit } from '@engine/datasets/digits-split';
import { intlLocale, strings } from '@i18n/index';
import { cardRows } from '@widgets/project-lab/card';
import { RATIO_BAND, ratioCurves, voteChart, voteDomain } from '@widgets/project-lab/charts';
import { RatioResults } from '@widgets/project-lab/ratio-results';
import { projectLab, type ProjectLabState } from '@widgets/project-lab/definition';
import { classRecall, median, ratioNearBand, slopeOf, voteAccuracies } from '@widgets/project-lab/measures';
import { projectPlan, projectPlanForSeeds, RATIO_RATES, STEPS_PER_EPOCH } from '@widgets/project-lab/plan';
import { VALIDATION_LABELS } from '@widgets/project-lab/validation-labels';
import { presetState } from '@widgets/shell/definition';
import { describeTask } from '@widgets/shell/task';

const state = (preset: string, change: Partial<ProjectLabState> = {}): ProjectLabState => ({ ...presetState(projectLab, preset), ...change });

describe('ProjectLab plans', () => {
  it('first-baseline: logistic regression 784-10 and the project MLP 784-32-10, Adam at the lr control, seeds seed … seed + 4, 10 epochs', () => {
    const plan = projectPlan(state('first-baseline', { seed: 3, lr: 0.003 }));
    expect(plan.runs.map((run) => run.config.model.layers.map((layer) => (layer.type === 'dense' ? layer.units : 0)))).toEqual([[10], [32, 10]]);
    for (const run of plan.runs) {
      expect(run.config.population!.members!.map((member) => member.seed)).toEqual([3, 4, 5, 6, 7]);
      expect(run.config.training).toMatchObject({ loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.003 }, batchSize: 32, epochs: 10 });
      expect(run.config.dataset).toEqual({ kind: 'digits', seed: 1 });
    }
    expect(plan.stepsPerEvent * 2).toBe(STEPS_PER_EPOCH);
  });

  it('update-ratio: plain SGD, one member per rate at the widget seed; the claims plan puts every seed at every rate, rate-major', () => {
    const widget = projectPlan(state('update-ratio', { seed: 2 }));
    expect(widget.runs).toHaveLength(1);
    expect(widget.runs[0]!.config.population!.members).toEqual(RATIO_RATES.map((learningRate) => ({ seed: 2, learningRate })));
    expect(widget.runs[0]!.config.training.optimizer.name).toBe('sgd');
    expect(widget.runs[0]!.config.telemetry?.layerStats).toBe(true);
    const claims = projectPlanForSeeds(state('update-ratio'), [1, 2]);
    expect(claims.runs[0]!.config.population!.members!.slice(0, 3)).toEqual([{ seed: 1, learningRate: 0.001 }, { seed: 2, learningRate: 0.001 }, { seed: 1, learningRate: 0.003 }]);
  });

  it('class-imbalance and label-noise: one run per level, the damage in the training split only, the levels\' own telemetry', () => {
    const imbalance = projectPlan(state('class-imbalance'));
    expect(imbalance.runs.map((run) => run.config.dataset)).toEqual([
      { kind: 'digits', seed: 1 },
      ...[0.3, 0.1, 0.03].map((fraction) => ({ kind: 'digits', seed: 1, trainTransforms: [{ type: 'keep-class-fraction', classId: 5, fraction }] })),
    ]);
    expect(imbalance.runs.every((run) => run.config.telemetry?.confusion === true)).toBe(true);
    expect(imbalance.runs.map((run) => run.arms[0])).toEqual(['1', '0.3', '0.1', '0.03']);
    const noise = projectPlan(state('label-noise'));
    expect(noise.runs.map((run) => run.config.dataset)).toEqual([
      { kind: 'digits', seed: 1 },
      ...[0.1, 0.3, 0.5].map((fraction) => ({ kind: 'digits', seed: 1, trainTransforms: [{ type: 'label-noise', fraction, mode: 'flip' }] })),
    ]);
    expect(noise.runs.every((run) => run.config.telemetry?.trainMetrics === true && run.config.training.epochs === 20)).toBe(true);
  });

  it('ensemble-vote: a training run, then a probe run of the same config that waits for the final weights', async () => {
    let resolve: (value: never) => void = () => undefined;
    const weights = { promise: new Promise<never>((done) => (resolve = done)), resolve };
    const plan = projectPlan(state('ensemble-vote'), weights as never);
    expect(plan.runs).toHaveLength(2);
    expect(plan.runs[1]!.config).toBe(plan.runs[0]!.config);
    expect(plan.runs[0]!.probe).toBeUndefined();
    expect(plan.runs[1]!.probe).toBeTypeOf('function');
    const prepared = plan.runs[1]!.prepare!({ step: 0 } as never);
    const final = { step: 220 };
    resolve(final as never);
    await expect(prepared).resolves.toBe(final);
  });
});

describe('ProjectLab readout measures', () => {
  it('the embedded labels are the validation split of data seed 1, in order', async () => {
    expect(VALIDATION_LABELS).toEqual((await digitsSplit(1)).validation.labels);
  });

  it('slopeOf is the log-log least-squares slope; ratioNearBand picks the median nearest 1e-3', () => {
    expect(slopeOf([0.001, 0.01, 0.1], [2e-4, 2e-3, 2e-2])).toBeCloseTo(1, 10);
    expect(slopeOf([0.001, 0.01, 0.1], [1e-3, 1e-3, 1e-3])).toBeCloseTo(0, 10);
    expect(median([3, Number.NaN, 1, 2])).toBe(2);
    expect(ratioNearBand([[1e-5, 2e-5], [5e-4, 2e-3, 9e-4], [1e-2, 1e-2], [Number.NaN]])).toBe(1);
    expect(classRecall([[3, 1], [2, 6]], 1)).toBe(0.75);
    expect(classRecall([[3, 1], [0, 0]], 1)).toBeNaN();
  });

  it('voteAccuracies: each member, mean, best, and both votes (the weighted vote can overrule a confident minority)', () => {
    // Three members, three examples of classes 0, 1, 2.
    const predictions = [
      [[0.9, 0.1, 0], [0.6, 0.4, 0], [0, 0.4, 0.6]],
      [[0.2, 0.8, 0], [0.1, 0.9, 0], [0, 0.6, 0.4]],
      [[0.6, 0.4, 0], [0.55, 0.45, 0], [0, 0.45, 0.55]],
    ];
    const votes = voteAccuracies(predictions, [0, 1, 2]);
    expect(votes.members).toEqual([2 / 3, 1 / 3, 2 / 3]);
    expect(votes.mean).toBeCloseTo(5 / 9, 12);
    expect(votes.best).toBeCloseTo(2 / 3, 12);
    // Example 1: majority says 0 (two votes), the summed probabilities say 1 (1.75 against 1.25).
    expect(votes.majority).toBeCloseTo(2 / 3, 12);
    expect(votes.weighted).toBeCloseTo(1, 12);
  });
});

describe('ProjectLab card and task line', () => {
  it('the card names both networks of the baseline, the optimizer with its rate and the seed range, in each language', () => {
    const plan = projectPlan(state('first-baseline'));
    const pt = Object.fromEntries(cardRows(plan, strings('pt').widgets, intlLocale('pt')).map((row) => [row.key, row.value]));
    expect(pt.model).toBe('regressão logística 784 → 10 (softmax) e MLP 784 → 32 → 10 (camada oculta ReLU, inicialização de He, saída softmax)');
    expect(pt.optimizer).toBe('Adam, η = 0,001, lotes de 32');
    expect(pt.seed).toBe('1 a 5');
    expect(pt.loss).toBe('entropia cruzada');
    const ru = Object.fromEntries(cardRows(projectPlan(state('update-ratio')), strings('ru').widgets, intlLocale('ru')).map((row) => [row.key, row.value]));
    expect(ru.optimizer).toBe('SGD, η = 0,001, 0,003, 0,01, 0,03, 0,1, 0,3, батчи по 32');
    expect(ru.seed).toBe('1');
    const zh = Object.fromEntries(cardRows(projectPlan(state('ensemble-vote')), strings('zh').widgets, intlLocale('zh')).map((row) => [row.key, row.value]));
    expect(zh.model).toBe('MLP 784 → 32 → 10（隐藏层 ReLU，He 初始化，softmax 输出）');
  });

  it('the task line lists the runs that train (the prediction run adds nothing)', () => {
    const task = (preset: string) => describeTask(projectPlan(state(preset)), strings('pt').widgets, intlLocale('pt'));
    expect(task('ensemble-vote')).toBe('700 dígitos de treinamento; 1 camada oculta de 32 neurônios ReLU; Adam, η = 10⁻³; entropia cruzada; 10 épocas');
    expect(task('first-baseline')).toBe('700 dígitos de treinamento; 0 / 1 camada oculta de 32 neurônios ReLU; Adam, η = 10⁻³; entropia cruzada; 10 épocas');
    expect(task('update-ratio')).toContain('SGD, η de 0,001 a 0,3 (6 taxas)');
  });
});

describe('ProjectLab chart data', () => {
  it('the vote chart keeps tied votes as two legend entries and pads its domain by half a point', () => {
    const votes = { members: [0.86, 0.85, 0.85, 0.84, 0.865], mean: 0.853, best: 0.865, majority: 0.86, weighted: 0.86 };
    const data = voteChart(votes, [1, 2, 3, 4, 5], { members: 'm', mean: 'a', majority: 'v', weighted: 'w' });
    expect(data.series.map((series) => series.id)).toEqual(['members', 'mean', 'weighted', 'majority']);
    expect(data.series[0]!.points).toEqual([0.86, 0.85, 0.85, 0.84, 0.865].map((y, i) => ({ x: i + 1, y })));
    expect(data.series[3]!.points.map((p) => p.y)).toEqual([0.86, 0.86]);
    expect(voteDomain(votes)).toEqual([0.83, 0.87]);
  });

  it('the ratio chart: the band first, then one line per rate in epochs; a diverged rate is marked and drops its NaN points', () => {
    const results = new RatioResults();
    const event = (step: number, ratio: number, diverged: boolean) => ({
      type: 'progress' as const, step, epoch: 0, layerNames: ['hidden', 'output'], backend: 'cpu' as const, stepsPerSecond: 1,
      members: RATIO_RATES.map((_, r) => ({ trainLoss: 1, validationLoss: 1 + r, trainAccuracy: null, validationAccuracy: 0.5, learningRate: 0, diverged: diverged && r === 5 })),
      updateRatioByLayer: RATIO_RATES.map((rate) => [ratio * rate, 0]),
    });
    results.progress(event(11, 1, false));
    results.progress(event(22, 2, true));
    const data = ratioCurves(results, (rate) => String(rate), 'band', 10);
    expect(data.series[0]).toMatchObject({ id: 'band', mark: 'area', points: [{ x: 0, y: RATIO_BAND.to }, { x: 10, y: RATIO_BAND.to }] });
    expect(data.series[1]!.points).toEqual([{ x: 0.5, y: 0.001 }, { x: 1, y: 0.002 }]);
    expect(data.series[6]).toMatchObject({ diverged: true, points: [{ x: 0.5, y: 0.3 }] });
    expect(results.finalLosses().slice(4)).toEqual([5, Number.NaN]);
  });
});
