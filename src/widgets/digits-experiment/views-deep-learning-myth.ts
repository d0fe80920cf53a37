/**
 * The views of chapter 3's DigitsExperiment presets (docs/deep-learning-myth/outline.md, `depth` and
 * `swap-parts`): final training loss against depth for the plain and the residual MLP (log-y) with the loss curves
 * of the deepest pair, and validation accuracy per epoch for the swaps, each arm named by the one config line it
 * changes. Exposes `final-losses` (mean per network) and `seed-losses` (plain-vs-residual), `epoch-accuracies`
 * (the swaps).
 */
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import { plural, taskNumber } from '../shell/task';
import { fill, own } from '../shell/text';
import type { ArmLabel } from './charts';
import type { DigitsPreset } from './definition';
import { DEPTH_EPOCHS, DEPTH_FAMILIES, DEPTHS, depthArm, STEPS_PER_EPOCH, SWAP_EPOCHS, SWAP_MODELS, SWAP_OPTIMIZERS, type DepthFamily } from './plans-deep-learning-myth';
import { mean, type DigitsResults } from './results';
import type { ViewKit } from './views-practical-tricks';

type Preset = Extract<DigitsPreset, 'plain-vs-residual' | 'swap-optimizer' | 'swap-loss' | 'swap-model'>;
const PRESETS: readonly string[] = ['plain-vs-residual', 'swap-optimizer', 'swap-loss', 'swap-model'];
export const isDeepLearningMyth = (preset: string): preset is Preset => PRESETS.includes(preset);

/** The config part each swap preset changes (its i18n key). */
const PART = { 'swap-optimizer': 'optimizer', 'swap-loss': 'loss', 'swap-model': 'model' } as const;

const finite = (values: number[]) => values.filter((v) => Number.isFinite(v));

/** Final training loss per seed of an arm (the whole training split's loss at its last event). */
export function finalLosses(results: DigitsResults, arm: string): (number | null)[] {
  return (results.arms.get(arm)?.loss ?? []).map((seed) => {
    const value = seed.at(-1) ?? Number.NaN;
    return Number.isFinite(value) ? value : null;
  });
}

/** Validation accuracy per seed after `epoch` epochs. */
export const accuracyAfter = (results: DigitsResults, arm: string, epoch: number): (number | null)[] => results.accuracyAt(arm, epoch * STEPS_PER_EPOCH);

/** Per family: a mean line of the final training loss against depth and one dot per seed. */
export function lossByDepth(results: DigitsResults, name: (family: DepthFamily) => string, seedsName: string): LineChartData {
  const series: LineSeries[] = [];
  DEPTH_FAMILIES.forEach((family, index) => {
    const line: XYPoint[] = [];
    const dots: XYPoint[] = [];
    for (const depth of DEPTHS) {
      const values = finalLosses(results, depthArm(family, depth)).filter((v): v is number => v !== null && v > 0);
      values.forEach((y) => dots.push({ x: depth, y }));
      if (values.length) line.push({ x: depth, y: mean(values) });
    }
    series.push({ id: family, name: name(family), points: line, color: index, dash: index, symbol: index });
    series.push({ id: `${family}-seeds`, name: `${name(family)} · ${seedsName}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.7, hideInLegend: true });
  });
  return { series };
}

/** One line per arm over epochs (mean of the finite seeds) over a band from its worst to its best seed. */
export function byEpoch(results: DigitsResults, arms: string[], label: ArmLabel, which: 'accuracy' | 'loss'): LineChartData {
  const series: LineSeries[] = [];
  arms.forEach((arm, index) => {
    const data = results.arms.get(arm);
    if (!data) return;
    const line: XYPoint[] = [];
    const low: XYPoint[] = [];
    const high: XYPoint[] = [];
    data.steps.forEach((step, i) => {
      const values = finite(data[which].map((seed) => seed[i] ?? Number.NaN));
      if (!values.length) return;
      const x = step / STEPS_PER_EPOCH;
      line.push({ x, y: mean(values) });
      low.push({ x, y: Math.min(...values) });
      high.push({ x, y: Math.max(...values) });
    });
    series.push({ id: `band-${arm}`, name: label(arm), points: high, lower: low, mark: 'area', color: index, opacity: 0.16, hideInLegend: true, hideInTable: true });
    series.push({ id: arm, name: label(arm), points: line, color: index, dash: index, symbol: index });
  });
  return { series };
}

/**
 * The name of an arm: a network ("MLP simples, 16 camadas ocultas") or the one config line a swap changed
 * ("otimizador: SGD, η = 0,01"); `short` leaves out the line's name (the readout lists the values of one part).
 */
export function deepLearningMythLabel(preset: Preset, arm: string, kit: Pick<ViewKit, 'strings' | 'locale'>, short = false): string {
  const t = kit.strings.digits.arms;
  const task = kit.strings.task;
  if (preset === 'plain-vs-residual') {
    const [family, depth] = arm.split('/') as [DepthFamily, string];
    return fill(t.depthArm, { family: t[family], layers: plural(task.layers, Number(depth), kit.locale) });
  }
  if (preset === 'swap-optimizer') {
    const optimizer = SWAP_OPTIMIZERS[arm as keyof typeof SWAP_OPTIMIZERS];
    const value = `${own(kit.strings.optimizers, optimizer.name) ?? optimizer.name}${task.comma}${fill(task.rate, { lr: taskNumber(optimizer.learningRate, kit.locale, 4) })}`;
    return short ? value : fill(t.optimizerLine, { value });
  }
  if (preset === 'swap-loss') {
    const value = arm === 'mse' ? t.mseOnSoftmax : task.losses.categorical_crossentropy;
    return short ? value : fill(t.lossLine, { value });
  }
  const value = `MLP ${[784, ...(SWAP_MODELS[arm] ?? []), 10].join(' → ')}`;
  return short ? value : fill(t.modelLine, { value });
}

/** Builds the preset's plots; returns what redraws them from the results. */
export function buildDeepLearningMythView(preset: Preset, kit: ViewKit, label: ArmLabel): () => void {
  const { results } = kit;
  const t = kit.strings.digits;
  const overEpochs = (epochs: number) => ({ x: { nice: false, domain: [0, epochs] } });
  if (preset === 'plain-vs-residual') {
    const finals = kit.chart('digitsLossByDepth', { logX: true, logY: true, x: { nice: false, domain: [0.8, 20] } });
    const curves = kit.chart('digitsDepthCurves', { logY: true, ...overEpochs(DEPTH_EPOCHS) });
    const deepest = DEPTH_FAMILIES.map((family) => depthArm(family, DEPTHS.at(-1)!));
    return () => {
      finals.update(lossByDepth(results, (family) => t.arms[family], t.series.seeds));
      curves.update(byEpoch(results, deepest, label, 'loss'));
    };
  }
  const accuracy = kit.chart('digitsAccuracyByEpoch', overEpochs(SWAP_EPOCHS));
  return () => accuracy.update(byEpoch(results, [...results.arms.keys()], label, 'accuracy'));
}

/** What the preset adds to the readout and the exposed data once its runs end. */
export function deepLearningMythReadout(preset: Preset, kit: ViewKit, expose: (name: string, value: string) => void): string[] {
  const { results, format } = kit;
  const t = kit.strings.digits;
  const arms = [...results.arms.keys()];
  const seeds = results.arms.values().next().value?.loss.length ?? 0;
  const percent = new Intl.NumberFormat(kit.locale, { style: 'percent', maximumFractionDigits: 0 });
  const meanOf = (values: (number | null)[]) => {
    const kept = values.filter((v): v is number => v !== null);
    return kept.length ? mean(kept) : Number.NaN;
  };
  if (preset === 'plain-vs-residual') {
    const losses = Object.fromEntries(arms.map((arm) => [arm, finalLosses(results, arm)]));
    // `final-losses`: one number per network (the mean of its seeds, as the exercises read it); per seed apart.
    expose('final-losses', JSON.stringify(Object.fromEntries(arms.map((arm) => [arm, meanOf(losses[arm] ?? [])]))));
    expose('seed-losses', JSON.stringify(losses));
    const short = (value: number) => (Number.isFinite(value) ? format.short(Number(value.toPrecision(2))) : '—');
    const families = DEPTH_FAMILIES.map((family) => fill(t.readouts.armValue, {
      arm: t.arms[family],
      value: DEPTHS.map((depth) => fill(t.readouts.depthValue, { depth, loss: short(meanOf(losses[depthArm(family, depth)] ?? [])) })).join(t.readouts.depthSeparator),
    }));
    return [fill(t.readouts.depthFinals, { epochs: DEPTH_EPOCHS, seeds, values: families.join(' · ') })];
  }
  const epochs = [1, SWAP_EPOCHS];
  const accuracies = Object.fromEntries(epochs.map((epoch) => [epoch, Object.fromEntries(arms.map((arm) => [arm, accuracyAfter(results, arm, epoch)]))]));
  expose('epoch-accuracies', JSON.stringify(accuracies));
  const values = (epoch: number) => arms.map((arm) => {
    const value = meanOf(accuracyAfter(results, arm, epoch));
    return fill(t.readouts.armValue, { arm: deepLearningMythLabel(preset, arm, kit, true), value: Number.isFinite(value) ? percent.format(value) : '—' });
  }).join(' · ');
  return [
    fill(t.readouts.changedLine, { part: t.arms[PART[preset]] }),
    fill(t.readouts.swapEpochs, { seeds, first: values(1), epochs: SWAP_EPOCHS, last: values(SWAP_EPOCHS) }),
  ];
}
