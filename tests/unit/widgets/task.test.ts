/** The one-line task is written from the plan's run configurations, in each language, with CLDR plurals. */
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { functionFit } from '@widgets/function-fit/definition';
import { functionFitPlan } from '@widgets/function-fit/plan';
import { learningRateSweepPlan } from '@widgets/learning-rate-sweep/island';
import { learningRateSweep } from '@widgets/learning-rate-sweep/definition';
import { presetState } from '@widgets/shell/definition';
import { describeTask, plural, taskNumber } from '@widgets/shell/task';

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
