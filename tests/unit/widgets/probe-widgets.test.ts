/**
 * PruneNetwork and AdversarialDigit (chapter 3): what their plans ask of the engine follows the state, the task
 * lines are written from the network's config in each language, the 12 embedded digits are the validation split's
 * rows, and a link with a bad digit or ε is refused with a localized sentence.
 */
import { describe, expect, it } from 'vitest';
import { digitsSplit } from '@engine/datasets/digits-split';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { adversarialDigit } from '@widgets/adversarial-digit/definition';
import { SHOWN_LABELS, SHOWN_ROWS, shownDigits } from '@widgets/adversarial-digit/digits';
import { adversarialTask, flipEpsilon } from '@widgets/adversarial-digit/island';
import { CURVE_EPSILONS, curveEpsilons, DIGIT_EPSILONS, evaluationLabel, parseLabel } from '@widgets/adversarial-digit/plan';
import { pruneNetwork, PRUNE_LEVELS } from '@widgets/prune-network/definition';
import { pruneTask } from '@widgets/prune-network/island';
import { pruneLevels, prunePlan } from '@widgets/prune-network/plan';
import { presetState } from '@widgets/shell/definition';
import { stateFromLink } from '@widgets/shell/link-state';
import { numberFormatter, probeWording } from '@widgets/shell/text';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';

const strings = { pt: widgetStringsSchema.parse(pt.widgets), ru: widgetStringsSchema.parse(ru.widgets), zh: widgetStringsSchema.parse(zh.widgets) };
const locales = { pt: 'pt-BR', ru: 'ru', zh: 'zh-CN' } as const;

describe('PruneNetwork', () => {
  it('prunes the listed levels plus the shown one, as one population', () => {
    const state = presetState(pruneNetwork, 'magnitude-pruning');
    expect(pruneLevels(state)).toEqual([...PRUNE_LEVELS]);
    expect(pruneLevels({ ...state, shown: 0.85 })).toEqual([0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99]);
    const plan = prunePlan({ ...state, shown: 0.85 });
    const run = plan.runs[0]!;
    expect(run.kind === 'engine' && run.config.population?.size).toBe(9);
    expect(run.kind === 'engine' && typeof run.probe).toBe('function');
  });

  it('writes its task line from the config in each language', () => {
    const state = presetState(pruneNetwork, 'magnitude-pruning');
    expect(pruneTask(state, strings.pt, numberFormatter(locales.pt).short)).toBe(
      'rede dos dígitos pré-treinada 784 → 32 → 10, sem treinamento; poda por camada, s\u00a0=\u00a00 / 0,5 / 0,7 / 0,8 / 0,9 / 0,95 / 0,98 / 0,99; 200 dígitos de validação');
    expect(pruneTask(state, strings.ru, numberFormatter(locales.ru).short)).toContain('s\u00a0=\u00a00 / 0,5 / 0,7');
    expect(pruneTask(state, strings.zh, numberFormatter(locales.zh).short)).toContain('s\u00a0=\u00a00 / 0.5 / 0.7');
  });
});

describe('AdversarialDigit', () => {
  it('the embedded digits are the validation rows they name', async () => {
    const { validation } = await digitsSplit(1);
    const digits = shownDigits();
    expect(digits).toHaveLength(12);
    SHOWN_ROWS.forEach((row, k) => {
      expect(SHOWN_LABELS[k]).toBe(validation.labels[row]);
      digits[k]!.forEach((v, p) => expect(v).toBeCloseTo(validation.inputs[row]![p]!, 6));
    });
  });

  it('attacks at every ε of the slider; the curve has 0.1 and the chosen ε; labels round-trip', () => {
    expect(DIGIT_EPSILONS).toHaveLength(31);
    expect(DIGIT_EPSILONS[10]).toBe(0.1);
    expect(CURVE_EPSILONS).toContain(0.1);
    expect(CURVE_EPSILONS.at(-1)).toBe(0.3);
    const state = presetState(adversarialDigit, 'fgsm');
    expect(curveEpsilons({ ...state, epsilon: 0.07 })).toContain(0.07);
    expect(curveEpsilons(state)).toEqual(CURVE_EPSILONS);
    expect(parseLabel(evaluationLabel('noise', 0.075))).toEqual({ attack: 'noise', epsilon: 0.075 });
    expect(parseLabel('other')).toBeNull();
  });

  it('finds the first ε where the answer changes', () => {
    const rows = (answers: number[]) => answers.map((c) => Array.from({ length: 10 }, (_, k) => (k === c ? 0.9 : 0.01)));
    expect(flipEpsilon(rows([7, 7, 7, 9, 7]), 7)).toBe(0.03);
    expect(flipEpsilon(rows([7, 7]), 7)).toBeNull();
  });

  it('writes its task line in each language and refuses a digit or ε out of range', () => {
    expect(adversarialTask(strings.ru, numberFormatter(locales.ru).short)).toBe('обученная сеть для цифр 784 → 32 → 10, без обучения; FGSM и шум ±ε, ε от 0 до 0,3; 200 цифр валидации');
    expect(adversarialTask(strings.zh, numberFormatter(locales.zh).short)).toContain('ε 从 0 到 0.3');
    const props = { preset: 'fgsm', choosePreset: false };
    for (const payload of ['preset:fgsm,seed:1,digit:12', 'preset:fgsm,seed:1,epsilon:0.5', 'preset:fgsm,seed:1,digit:1.5']) {
      const { state, notice } = stateFromLink(adversarialDigit, props, payload, strings.pt, numberFormatter(locales.pt), []);
      expect(notice).not.toBeNull();
      expect(state.digit).toBe(0);
      expect(state.epsilon).toBe(0.1);
    }
  });
});

describe('probe wording', () => {
  it('names the button and status for evaluating, and the badge drops the training speed in every language', () => {
    for (const lang of ['pt', 'ru', 'zh'] as const) {
      const worded = probeWording(strings[lang]);
      expect(worded.controls.play).toBe(strings[lang].probe.play);
      expect(worded.status.running).toBe(strings[lang].probe.running);
      expect(worded.controls.pause).toBe(strings[lang].controls.pause);
      for (const [reason, text] of Object.entries(worded.backendReasons)) {
        expect(text, `${lang} ${reason}`).not.toContain('{speed}');
        expect(text, `${lang} ${reason}`).not.toMatch(/[:：]\s*$/u);
        if (reason !== 'plain') expect(text, `${lang} ${reason}`).toContain('{backend}');
      }
    }
  });
});
