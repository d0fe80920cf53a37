// @vitest-environment jsdom
/**
 * LearnableFunction: the run its state asks for (the program dataset, one function shared by the calls, the
 * frozen «+», the probe), what the view reads off the probe, the program's code and the task line in each language.
 */
import { describe, expect, it } from 'vitest';
import { intlLocale, strings } from '@i18n/index';
import { validateConfig } from '@engine/validate';
import { learnableFunction } from '@widgets/learnable-function/definition';
import { DATA_SEED, learnableFunctionRun, probeArguments } from '@widgets/learnable-function/plan';
import { learnedCurve, meanRelativeError, valueAt } from '@widgets/learnable-function/readings';
import { renderProgram } from '@widgets/learnable-function/code';
import { learnableFunctionPlan } from '@widgets/learnable-function/plan';
import { presetState } from '@widgets/shell/definition';
import { describeTask } from '@widgets/shell/task';

const preset = presetState(learnableFunction, 'square-area');

describe('LearnableFunction run', () => {
  it('square-area: the outline\'s sizes, a shared 1-16-16-1 tanh function, a frozen «+», probe rows [d, d, d] over [0, 4]', () => {
    const config = learnableFunctionRun(preset);
    const resolved = validateConfig(config);
    expect(resolved.model.inputShape).toEqual([3, 1]);
    expect(config.model.layers.map((layer) => (layer.type === 'dense' ? `${layer.units}${layer.trainable === false ? '*' : ''}` : layer.type))).toEqual(['16', '16', '1', 'flatten', '1*']);
    expect(config.training).toMatchObject({ loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, batchSize: 32, epochs: 300, seed: 1 });
    expect(config.dataset).toMatchObject({ kind: 'program', program: 'square-area', count: 300, seed: DATA_SEED });
    const probe = (config.telemetry?.probe as { inputs: number[][] }).inputs;
    expect(probe).toHaveLength(81);
    expect(probe[0]).toEqual([0, 0, 0]);
    expect(probe.at(-1)).toEqual([4, 4, 4]);
  });

  it('the controls reach the run; the orders stay the same for every seed', () => {
    const config = learnableFunctionRun({ ...preset, hidden: 8, epochs: 120, lr: 0.003, seed: 4 });
    expect(config.model.layers.slice(0, 2).map((layer) => (layer.type === 'dense' ? layer.units : 0))).toEqual([8, 8]);
    expect(config.training).toMatchObject({ epochs: 120, seed: 4, optimizer: { learningRate: 0.003 } });
    expect(config.dataset.seed).toBe(DATA_SEED);
  });
});

describe('LearnableFunction readings', () => {
  const xs = probeArguments();
  const truth = (d: number) => (d * d) / 2;

  it('the probe output ÷ 3 is the learned area; the error counts only [0.5, 3]', () => {
    const exact = learnedCurve(xs, xs.map((d) => 3 * truth(d)), 3);
    expect(valueAt(exact, 2)).toBeCloseTo(2, 12);
    expect(meanRelativeError(exact, truth, [0.5, 3])).toBeCloseTo(0, 12);
    // 10 % high inside, wildly off outside: the outside points must not count.
    const off = learnedCurve(xs, xs.map((d) => 3 * (d >= 0.5 && d <= 3 ? 1.1 * truth(d) : 100)), 3);
    expect(meanRelativeError(off, truth, [0.5, 3])).toBeCloseTo(0.1, 9);
    expect(valueAt(off, 4)).toBe(100);
  });
});

describe('LearnableFunction view text', () => {
  it('the code marks the four places of area and names the hidden width in the comment', () => {
    const code = document.createElement('code');
    renderProgram(code, strings('pt').widgets, 12);
    expect(code.querySelectorAll('mark')).toHaveLength(4);
    expect(code.textContent).toContain('return area(d1) + area(d2) + area(d3)');
    expect(code.querySelector('.dp-program-comment')?.textContent).toContain('1 → 12 → 12 → 1');
  });

  it.each([
    ['pt', ['210 pedidos de treinamento', '[0,5; 3] m', '2 camadas ocultas de 16 neurônios tanh, a mesma nas 3 chamadas', 'Adam, η = 0,01', '300 épocas']],
    ['ru', ['210 обучающих заказов', '[0,5; 3] м', 'одна и та же во всех 3 вызовах', '300 эпох']],
    ['zh', ['210 个训练订单', '3 次调用共用同一组参数', '300']],
  ] as const)('the task line in %s is written from the run', (lang, parts) => {
    const line = describeTask(learnableFunctionPlan(preset), strings(lang).widgets, intlLocale(lang));
    for (const part of parts) expect(line).toContain(part);
    const narrower = describeTask(learnableFunctionPlan({ ...preset, hidden: 8 }), strings(lang).widgets, intlLocale(lang));
    expect(narrower).not.toEqual(line);
  });
});
