// @vitest-environment jsdom
/**
 * The one-line task is written from the plan's run configurations, in each language, with CLDR plurals; the
 * families that train no engine run (loss surface, forward/backward, activations) write it from their settings.
 */
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { functionFit } from '@widgets/function-fit/definition';
import { functionFitPlan } from '@widgets/function-fit/plan';
import { learningRateSweepPlan } from '@widgets/learning-rate-sweep/island';
import { learningRateSweep } from '@widgets/learning-rate-sweep/definition';
import { recipeCheck } from '@widgets/recipe-check/definition';
import { recipeCheckPlan } from '@widgets/recipe-check/plan';
import { presetState } from '@widgets/shell/definition';
import { describeTask, plural, taskNumber } from '@widgets/shell/task';
import { numberFormatter } from '@widgets/shell/text';
import type { Family } from '@widgets/shell/family';
import type { StateOf, StateTable } from '@widgets/shell/params';
import { family as lossSurfaceFamily } from '@widgets/loss-surface/island';
import { family as forwardBackwardFamily } from '@widgets/forward-backward/island';
import { family as activationsFamily } from '@widgets/activation-functions/island';
import { languages } from '@i18n/languages';

/** The task line a family's own view writes for a state (the view needs a DOM for its plots: jsdom). */
function viewTask<Table extends StateTable>(lang: 'pt' | 'ru' | 'zh', family: Family<Table>, state: NoInfer<StateOf<Table>>): string | null {
  const locale = intlLocale(lang);
  const view = family.createView({
    plotArea: document.createElement('div'),
    readout: document.createElement('p'),
    strings: strings(lang).widgets,
    locale,
    format: numberFormatter(locale),
    reducedMotion: true,
    expose: () => undefined,
    requestCheckpoint: () => undefined,
  });
  const line = describeTask(view.plan(state), strings(lang).widgets, locale);
  view.destroy();
  return line;
}

const task = (lang: 'pt' | 'ru' | 'zh', plan: ReturnType<typeof functionFitPlan>) => describeTask(plan, strings(lang).widgets, intlLocale(lang));

describe('task line', () => {
  it('names data, network, optimizer, loss and length from the configs', () => {
    const plan = functionFitPlan({ ...presetState(functionFit, 'tanh-units'), width: 16, optimizer: 'sgd', lr: 0.01 });
    expect(task('pt', plan)).toBe('sen x em [−3, 3], 160 pontos de treinamento; 1 camada oculta de 16 neurônios tanh; SGD, η = 0,01; erro quadrático médio; 300 épocas');
    expect(task('ru', plan)).toBe('sin x на [−3; 3], 160 обучающих точек; 1 скрытый слой, 16 нейронов tanh; SGD, η = 0,01; среднеквадратичная ошибка; 300 эпох');
    expect(task('zh', plan)).toContain('；1 个隐藏层，每层 16 个神经元（tanh）；SGD，η = 0.01；');
  });

  it('follows the settings: 0 hidden layers is one linear neuron, whatever width and activation say', () => {
    const plan = functionFitPlan({ ...presetState(functionFit, 'one-neuron-line'), width: 5, activation: 'relu' });
    expect(task('pt', plan)).toContain('; um único neurônio linear; ');
    expect(task('pt', plan)).not.toContain('ReLU');
  });

  it('lists what the runs compare: a range of rates, several optimizers, a range of widths', () => {
    const sweep = learningRateSweepPlan(presetState(learningRateSweep, 'too-small-vs-too-large'));
    expect(task('pt', sweep)).toContain('η de 10⁻³ a 1 (6 taxas)');
    expect(task('ru', functionFitPlan(presetState(functionFit, 'sgd-vs-momentum')))).toContain('SGD / SGD с импульсом, η от 0,01 до 0,1 (2 значения)');
    expect(task('pt', functionFitPlan(presetState(functionFit, 'width-sweep')))).toContain('1 camada oculta de 1 a 64 neurônios tanh');
  });

  it('counts the rows of inline data and names what they were sampled from (RecipeCheck)', () => {
    const baseline = recipeCheckPlan(presetState(recipeCheck, 'input-independent-baseline'));
    expect(task('pt', baseline)).toMatch(/^sen x em \[−3, 3\], 160 pontos de treinamento, ruído σ = 0,1; /);
    expect(task('ru', baseline)).toMatch(/^sin x на \[−3; 3\], 160 обучающих точек, шум σ = 0,1; /);
    const bias = recipeCheckPlan(presetState(recipeCheck, 'final-layer-bias'));
    expect(task('pt', bias)).toContain('sen x + 5 em [−3, 3], 160 pontos de treinamento');
    expect(task('zh', bias)).toContain('[−3, 3] 上的 sin x + 5，160 个训练点');
    for (const lang of languages) expect(task(lang, bias)).not.toMatch(/(^|\D)0 /);
  });

  it('writes the range test\'s growing rate as a range, not its starting value', () => {
    const plan = learningRateSweepPlan(presetState(learningRateSweep, 'range-test'));
    // 40 epochs × 8 batches = 320 steps, ×10 every 40 steps from 10⁻⁵: 10³ at the last step.
    expect(task('pt', plan)).toContain('η cresce de 10⁻⁵ a 10³ (×10 a cada 40 passos)');
    expect(task('ru', plan)).toContain('η растёт от 10⁻⁵ до 10³ (×10 каждые 40 шагов)');
    expect(task('zh', plan)).toContain('η 从 10⁻⁵ 增长到 10³（每 40 步 ×10）');
    // The bounds are the reader's; the run's length sets how fast the rate grows between them (one decimal).
    expect(task('pt', learningRateSweepPlan({ ...presetState(learningRateSweep, 'range-test'), epochs: 20 }))).toContain('η cresce de 10⁻⁵ a 10³ (×10 a cada 20 passos)');
    expect(task('ru', learningRateSweepPlan({ ...presetState(learningRateSweep, 'range-test'), rangeTo: 0.01 }))).toContain('η растёт от 10⁻⁵ до 0,01 (×10 каждые 106,7 шага)');
  });

  it('says a linear layer has no activation, instead of printing the option label', () => {
    const plan = functionFitPlan(presetState(functionFit, 'five-linear-neurons'));
    expect(task('pt', plan)).toContain('1 camada oculta de 5 neurônios sem ativação;');
    expect(task('ru', plan)).toContain('1 скрытый слой, 5 нейронов без активации;');
    expect(task('zh', plan)).toContain('每层 5 个神经元（无激活函数）；');
  });

  it('the loss surface, forward/backward and activation widgets write their line from their settings', () => {
    const surface = presetState(lossSurfaceFamily.definition, 'optimizers');
    expect(viewTask('pt', lossSurfaceFamily, surface)).toBe('Ravina estreita, 2 parâmetros (θ₁, θ₂); SGD / SGD com momentum / Adam, η = 0,02; 150 passos');
    expect(viewTask('ru', lossSurfaceFamily, { ...surface, surface: 'saddle', lr: 0.05, steps: 300 })).toBe('Седло, 2 параметра (θ₁, θ₂); SGD / SGD с импульсом / Adam, η = 0,05; 300 шагов');
    const pass = presetState(forwardBackwardFamily.definition, 'default');
    expect(viewTask('pt', forwardBackwardFamily, pass)).toBe('um único exemplo, x = (1; 0,5), y = 1; 1 camada oculta de 2 neurônios sigmoide; SGD, η = 0,5; metade do erro quadrático, ½ (ŷ − y)²; 6 passos');
    expect(viewTask('zh', forwardBackwardFamily, { ...pass, x1: -1.5, lr: 0.1 })).toContain('单个样本，x = (−1.5, 0.5)，y = 1；');
    expect(viewTask('ru', activationsFamily, { ...presetState(activationsFamily.definition, 'default'), activation: 'tanh' })).toBe('f(z) и f′(z): tanh, z ∈ [−4; 4]');
    const all = viewTask('pt', activationsFamily, presetState(activationsFamily.definition, 'default'));
    expect(all).toMatch(/^f\(z\) e f′\(z\) de identidade \(linear\) \/ ReLU \/ .+, z ∈ \[−4, 4\]$/);
    expect(all).toContain('tanh');
  });

  it('uses the Russian plural forms one, few and many', () => {
    const forms = strings('ru').widgets.task.epochs;
    expect([1, 3, 5, 21, 374].map((count) => plural(forms, count, 'ru'))).toEqual(['1 эпоха', '3 эпохи', '5 эпох', '21 эпоха', '374 эпохи']);
  });

  it('writes tiny powers of ten as 10⁻ⁿ and a true minus sign', () => {
    expect(taskNumber(1e-4, 'pt-BR')).toBe('10⁻⁴');
    expect(taskNumber(-3, 'pt-BR')).toBe('−3');
    expect(taskNumber(0.05, 'ru')).toBe('0,05');
  });
});
