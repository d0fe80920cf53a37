/**
 * AdversarialDigit island: from the engine's replies (plan.ts) it draws the chosen digit x, the sign of the loss
 * gradient and x′ = clip(x + ε·sign ∇ₓL) (the engine's `fgsm`, the same arithmetic the probe sent), the class
 * probabilities of x and x′, the ε where the answer first changes, and validation accuracy against ε for FGSM
 * and for random ±ε noise.
 */
import { fgsm } from '@engine/adversarial';
import type { EngineEvent } from '@engine/types';
import { DIGITS_MLP_WIDTHS, VALIDATION_DIGITS } from '../common/digits-mlp';
import { figureLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { LineChartData, LineSeries } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { fill, type WidgetStrings } from '../shell/text';
import { adversarialDigit, EPSILON_MAX, type AdversarialDigitState } from './definition';
import { SHOWN_LABELS, SHOWN_ROWS, shownDigits } from './digits';
import { adversarialImages } from './images-plot';
import { adversarialPlan, chosenEpsilon, DIGIT_EPSILONS, parseLabel, type Attack } from './plan';
import { probabilityBars } from './probabilities-plot';

const argmax = (row: number[]) => row.reduce((best, v, k) => (v > (row[best] as number) ? k : best), 0);

export function adversarialTask(strings: WidgetStrings, short: (v: number) => string): string {
  return fill(strings.adversarial.task, { widths: DIGITS_MLP_WIDTHS.map(String).join(' → '), max: short(EPSILON_MAX), digits: String(VALIDATION_DIGITS) });
}

/** The first ε of the slider at which the answer is not the true label (null: it holds to the end). */
export function flipEpsilon(predictions: number[][], label: number): number | null {
  const k = predictions.findIndex((row) => argmax(row) !== label);
  return k < 0 ? null : (DIGIT_EPSILONS[k] as number);
}

function createView(context: ViewContext): FamilyView<typeof adversarialDigit.table> {
  const { strings, locale, plotArea, format } = context;
  const text = strings.adversarial;
  const box = () => plotArea.appendChild(document.createElement('div'));
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const percent = (value: number) => percentFormat.format(value);
  const choices = shownDigits();
  const imagesBox = box();
  imagesBox.classList.add('dp-wide');
  const images = adversarialImages(imagesBox, {
    locale,
    labels: { ...text.charts.images, ...figureLabels(strings), legendUp: text.images.legendUp, legendDown: text.images.legendDown },
    data: { choices, chosen: 0, captions: ['', '', ''], descriptions: ['', '', ''] },
  });
  const bars = probabilityBars(box(), {
    locale,
    labels: { ...text.charts.probabilities, ...figureLabels(strings), before: text.series.before, after: text.series.after },
    data: { before: null, after: null, label: 0 },
  });
  const accuracyPlot = lineChart(box(), { locale, labels: { ...text.charts.accuracy, ...figureLabels(strings) }, data: { series: [] }, x: { domain: [0, EPSILON_MAX] }, y: { domain: [0, 1] } });

  let digit = 0;
  let epsilon = 0.1;
  let gradient: number[] | null = null;
  let predictions: number[][] | null = null;
  const curves: Record<Attack, Map<number, number>> = { fgsm: new Map(), noise: new Map() };

  const label = () => SHOWN_LABELS[digit] as number;
  const x = () => choices[digit] as number[];
  const after = () => predictions?.[Math.round(epsilon * 100)] ?? null;

  function chartData(): LineChartData {
    const series: LineSeries[] = (['fgsm', 'noise'] as const).map((attack, index) => ({
      id: attack,
      name: text.series[attack],
      points: [...curves[attack].entries()].sort(([a], [b]) => a - b).map(([xValue, y]) => ({ x: xValue, y })),
      color: index === 0 ? 3 : 0,
      dash: index,
      symbol: index,
    }));
    // Both curves start at the clean accuracy (ε = 0); the readout states it.
    return { series: series.filter((s) => s.points.length > 0), guides: [{ axis: 'x', value: epsilon, label: text.series.chosen }] };
  }

  function readout(): string {
    const parts: string[] = [];
    const adversarial = after();
    const before = predictions?.[0];
    if (before && adversarial) {
      parts.push(fill(text.readout, {
        before: String(argmax(before)), pBefore: percent(before[argmax(before)] as number),
        epsilon: format.short(epsilon),
        after: String(argmax(adversarial)), pAfter: percent(adversarial[argmax(adversarial)] as number),
      }));
      const flip = flipEpsilon(predictions as number[][], label());
      parts.push(flip === null ? fill(text.noFlip, { epsilon: format.short(EPSILON_MAX) }) : fill(text.flip, { epsilon: format.short(flip) }));
    }
    const [attacked, noisy, clean] = [curves.fgsm.get(epsilon), curves.noise.get(epsilon), curves.fgsm.get(0)];
    if (attacked !== undefined && noisy !== undefined && clean !== undefined)
      parts.push(fill(text.accuracyReadout, { epsilon: format.short(epsilon), fgsm: percent(attacked), noise: percent(noisy), clean: percent(clean) }));
    return parts.join(' ');
  }

  function expose(): void {
    if (predictions) {
      context.expose('flip-epsilon', String(flipEpsilon(predictions, label())));
      context.expose('probabilities', JSON.stringify({ before: predictions[0], after: after() }));
    }
    const table = (attack: Attack) => Object.fromEntries([...curves[attack].entries()].sort(([a], [b]) => a - b).map(([e, a]) => [String(e), a]));
    if (curves.fgsm.size) context.expose('accuracies', JSON.stringify({ fgsm: table('fgsm'), noise: table('noise') }));
  }

  return {
    plan: (state: AdversarialDigitState) => ({ ...adversarialPlan(state), task: adversarialTask(strings, format.short) }),
    reset(state: AdversarialDigitState) {
      digit = state.digit;
      epsilon = chosenEpsilon(state);
      gradient = null;
      predictions = null;
      curves.fgsm.clear();
      curves.noise.clear();
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type === 'inputGradient') gradient = event.gradients[0]?.[SHOWN_ROWS[digit] as number] ?? null;
      else if (event.type === 'prediction') predictions = event.predictions[0] ?? null;
      else if (event.type === 'evaluation') {
        const parsed = parseLabel(event.label);
        const accuracy = event.members[0]?.accuracy;
        if (parsed && typeof accuracy === 'number') curves[parsed.attack].set(parsed.epsilon, accuracy);
      } else return;
      context.readout.textContent = readout();
      expose();
    },
    render() {
      const digitText = String(label());
      images.update({
        choices,
        chosen: digit,
        x: x(),
        ...(gradient ? { sign: gradient.map(Math.sign), adversarial: fgsm([x()], [gradient], epsilon)[0] } : {}),
        captions: [fill(text.images.original, { label: digitText }), text.images.perturbation, fill(text.images.adversarial, { epsilon: format.short(epsilon) })],
        descriptions: [fill(text.images.alt, { label: digitText }), text.images.perturbationAlt, fill(text.images.alt, { label: digitText })],
      });
      bars.update({ before: predictions?.[0] ?? null, after: after(), label: label() });
      accuracyPlot.update(chartData());
    },
    destroy() {
      images.destroy();
      bars.destroy();
      accuracyPlot.destroy();
    },
  };
}

export const family = defineFamily(adversarialDigit, createView);
