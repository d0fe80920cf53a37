/**
 * ModelGraph: the counts it draws are the engine's (the values the engine would allocate for the same config),
 * they follow n_in·n_out + n_out per dense layer, the presets give the chapter's numbers, and the text is written
 * in each language's number format. Bad settings in a link are refused with a localized sentence.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateConfig } from '@engine/validate';
import { initialMemberValues } from '@engine/model/initial-values';
import { planModel, type LayerPlan } from '@engine/model/shapes';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { modelGraph, type ModelGraphState } from '@widgets/model-graph/definition';
import { DIGIT_PIXELS, modelOf, planOf } from '@widgets/model-graph/model';
import { describeModel } from '@widgets/model-graph/island';
import { presetState } from '@widgets/shell/definition';
import { stateFromLink } from '@widgets/shell/link-state';
import { numberFormatter } from '@widgets/shell/text';
import { stateOf } from '@widgets/shell/typed-state';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';

const strings = { pt: widgetStringsSchema.parse(pt.widgets), ru: widgetStringsSchema.parse(ru.widgets), zh: widgetStringsSchema.parse(zh.widgets) };
const locales = { pt: 'pt-BR', ru: 'ru', zh: 'zh-CN' } as const;
const preset = (name: string, extra: Partial<ModelGraphState> = {}) => ({ ...presetState(modelGraph, name), ...extra });
const counts = (name: string, extra: Partial<ModelGraphState> = {}) => planOf(preset(name, extra)).byLayer.map((layer) => layer.count);

/** What the engine itself allocates: validate the model in a full run config, then draw member 0's initial values. */
function engineValuesPerLayer(state: ModelGraphState): number[] {
  const model = modelOf(state);
  const config = validateConfig({
    model,
    training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 2, seed: 1 },
    dataset: { kind: 'inline', inputs: [new Array(DIGIT_PIXELS).fill(0), new Array(DIGIT_PIXELS).fill(1)], targets: [0, 1], classes: state.outputs },
  });
  const plans = planModel(config.model.inputShape, config.model.layers) as LayerPlan[];
  const member = config.members[0]!;
  return plans.map((plan) => plan.params.reduce((sum, spec, index) => sum + initialMemberValues(plan, spec, index, member, config.model.initializer).length, 0));
}

describe('ModelGraph counts', () => {
  it('digits-mlp: 784·32 + 32 = 25,120 and 32·10 + 10 = 330, total 25,450', () => {
    expect(counts('digits-mlp')).toEqual([25_120, 330]);
    expect(planOf(preset('digits-mlp')).total).toBe(25_450);
  });

  it('source-net: 100,480 + 16,512 + 1,290 = 118,282, with the source\'s dropout, max-norm and ReLU/tanh', () => {
    const model = planOf(preset('source-net'));
    expect(model.byLayer.map((layer) => layer.count)).toEqual([100_480, 16_512, 1_290]);
    expect(model.total).toBe(118_282);
    expect(model.config.inputDropout).toBe(0.2);
    expect(model.layers.map((layer) => [layer.spec.activation, layer.spec.dropout ?? 0, layer.spec.maxNorm ?? 0])).toEqual([
      ['relu', 0.5, 5],
      ['tanh', 0.5, 5],
      ['softmax', 0, 0],
    ]);
  });

  it('fourteen-outputs: the head grows to 32·14 + 14 = 462', () => {
    expect(counts('fourteen-outputs')).toEqual([25_120, 462]);
  });

  it('every layer has n_in·n_out + n_out parameters, the number of values the engine allocates for it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('digits-mlp', 'source-net'),
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 16 }),
        fc.integer({ min: 0, max: 5 }),
        (name, hidden, layers, outputs, frozen) => {
          const state = preset(name, { hidden, layers, outputs, frozen });
          const widths = [DIGIT_PIXELS, ...new Array(layers).fill(hidden), outputs];
          const expected = widths.slice(1).map((units, index) => widths[index]! * units + units);
          const model = planOf(state);
          expect(model.byLayer.map((layer) => layer.count)).toEqual(expected);
          expect(model.total).toBe(expected.reduce((a, b) => a + b, 0));
          expect(model.trainable).toBe(expected.slice(frozen).reduce((a, b) => a + b, 0));
          expect(engineValuesPerLayer(state)).toEqual(expected);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it('freezes the first k dense layers, the head too when k reaches it (Keras model.layers[:k])', () => {
    const one = planOf(preset('digits-mlp', { frozen: 1 }));
    expect(one.byLayer.map((layer) => layer.trainable)).toEqual([false, true]);
    expect(one.trainable).toBe(330);
    expect(planOf(preset('digits-mlp', { frozen: 5 })).trainable).toBe(0);
  });
});

describe('ModelGraph text', () => {
  const text = (lang: 'pt' | 'ru' | 'zh', name: string, extra: Record<string, number> = {}) =>
    describeModel(planOf(preset(name, extra)), strings[lang], locales[lang], numberFormatter(locales[lang]));

  it('writes the task line with counts in the reader\'s number format and plural', () => {
    expect(text('pt', 'digits-mlp').task).toBe('784 → 32 → 10; 25.450 parâmetros');
    expect(text('ru', 'digits-mlp').task).toBe('784 → 32 → 10; 25\u00a0450 параметров');
    expect(text('zh', 'digits-mlp').task).toBe('784 → 32 → 10；25,450 个参数');
    expect(text('ru', 'source-net').task).toBe('784 → 128 → 128 → 10; 118\u00a0282 параметра');
    expect(text('pt', 'digits-mlp', { frozen: 1 }).task).toBe('784 → 32 → 10; 25.450 parâmetros, 330 treináveis');
  });

  it('shows each layer\'s shapes, how its count is made and its badges; the readout adds the layers up', () => {
    const { data, readout } = text('ru', 'source-net', { frozen: 1 });
    expect(data.layers.map((box) => box.shape)).toEqual(['[батч, 784]', '[батч, 784] → [батч, 128]', '[батч, 128] → [батч, 128]', '[батч, 128] → [батч, 10]']);
    expect(data.layers.map((box) => box.formula ?? null)).toEqual([null, '784 · 128 + 128', '128 · 128 + 128', '128 · 10 + 10']);
    expect(data.layers.map((box) => box.parameters)).toEqual([null, 100_480, 16_512, 1_290]);
    expect(data.layers.map((box) => box.badges)).toEqual([['дропаут 0,2'], ['max-norm 5', 'дропаут 0,5', 'заморожен'], ['max-norm 5', 'дропаут 0,5'], []]);
    expect(data.layers.map((box) => box.frozen ?? false)).toEqual([false, true, false, false]);
    expect(data.layers[2]?.name).toBe('Скрытый слой 2 · tanh');
    expect(readout).toBe('100\u00a0480 + 16\u00a0512 + 1\u00a0290 = 118\u00a0282 параметра; 17\u00a0802 обучаемых');
  });
});

describe('ModelGraph settings from a link', () => {
  const lesson = { preset: 'digits-mlp', choosePreset: false };

  it.each([
    ['hidden:0', 'от 1 до 256'],
    ['hidden:300', 'от 1 до 256'],
    ['layers:2.5', 'целым'],
    ['frozen:6', 'от 0 до 5'],
    ['outputs:1', 'от 2 до 16'],
    ['recipe:keras-mnist', 'Базовая архитектура'],
  ])('refuses %s with a sentence in the reader\'s language and keeps the preset', (entry, words) => {
    const { state, notice } = stateFromLink(modelGraph, lesson, `preset:digits-mlp,seed:1,${entry}`, strings.ru, numberFormatter('ru'));
    expect(notice).toContain(words);
    expect(planOf(stateOf(modelGraph.table, state)).total).toBe(25_450);
  });

  it('takes a valid setting', () => {
    const { state, notice } = stateFromLink(modelGraph, lesson, 'preset:digits-mlp,seed:1,hidden:128,layers:2', strings.ru, numberFormatter('ru'));
    expect(notice).toBeNull();
    expect(planOf(stateOf(modelGraph.table, state)).total).toBe(118_282);
  });
});
