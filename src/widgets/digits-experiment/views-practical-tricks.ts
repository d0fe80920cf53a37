/**
 * The views of chapter 1's DigitsExperiment presets (docs/practical-tricks/outline.md): what each preset draws
 * from the run's results, its arms' names, and the numbers it exposes beyond `final-accuracies`.
 */
import type { PlotKey } from '../common/plot-labels';
import type { DigitStripData } from '../plots/digit-strip';
import type { LineChartHandle, PlotHandle } from '../plots/types';
import { plural } from '../shell/task';
import { fill, type NumberFormatter, type WidgetStrings } from '../shell/text';
import type { ArmLabel } from './charts';
import { finalsByX, hiddenNormCurves, trainValidationCurves } from './charts-curves';
import type { DigitsPreset, DigitsExperimentState } from './definition';
import { dataSizes, DECAY_OPTIMIZERS } from './plans-practical-tricks';
import { relativeDifferences } from './readouts';
import type { DigitsResults } from './results';
import { augmentedSamples } from './samples';

export interface ViewKit {
  state: DigitsExperimentState;
  results: DigitsResults;
  strings: WidgetStrings;
  locale: string;
  format: NumberFormatter;
  /** Training steps of the runs (the step axes end there). */
  steps: number;
  chart(key: PlotKey, options?: { logX?: boolean; logY?: boolean; fitY?: boolean; x?: object; title?: string; height?: number }): LineChartHandle;
  /** A strip of digit images, captioned by `chart` (default `digitsSamples`). */
  strip(data: DigitStripData, chart?: 'digitsSamples' | 'digitsPermutedSamples'): PlotHandle<DigitStripData>;
}

type Preset = Extract<DigitsPreset, 'data-size' | 'data-size-400' | 'capacity' | 'dropout-rates' | 'augmentation' | 'decay-vs-l2'>;
export const isPracticalTricks = (preset: string): preset is Preset => ['data-size', 'data-size-400', 'capacity', 'dropout-rates', 'augmentation', 'decay-vs-l2'].includes(preset);

/** "10⁻⁷"-style scientific numbers as the lessons write them: 1,7·10⁻⁷; plain below 3 orders of magnitude. */
export function scientific(value: number, format: NumberFormatter): string {
  if (!Number.isFinite(value) || value === 0 || Math.abs(value) >= 1e-2) return format.short(Number.isFinite(value) ? Number(value.toPrecision(3)) : value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = Math.round((value / 10 ** exponent) * 10) / 10;
  const superscript = [...String(exponent)].map((c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'['-0123456789'.indexOf(c)]).join('');
  return `${format.short(mantissa)}·10${superscript}`;
}

/** The name of an arm of a chapter 1 preset, in the page's language. */
export function practicalTricksLabel(preset: Preset, arm: string, kit: Pick<ViewKit, 'state' | 'strings' | 'locale' | 'format'>): string {
  const t = kit.strings.digits;
  const base = arm.replace(/-repeat$/, '');
  switch (preset) {
    case 'data-size':
    case 'data-size-400':
      return fill(t.series.digitCount, { count: kit.format.short(Number(base)) });
    case 'capacity':
      return plural(kit.strings.task.units, Number(base), kit.locale);
    case 'dropout-rates':
      return fill(t.series.dropoutRate, { p: kit.format.short(Number(base)) });
    case 'augmentation':
      return t.arms[arm as 'none' | 'hflip' | 'mild'];
    default: {
      const [optimizer, variant] = arm.split('/');
      return fill(variant === 'decay' ? t.arms.decay : t.arms.l2, { optimizer: optimizer === 'sgd' ? 'SGD' : 'Adam' });
    }
  }
}

/** The mild arm with its amounts ("Leve (±1 px, ±8°, ruído σ = 0,1)"), for the strip's row. */
function mildDetails(kit: Pick<ViewKit, 'state' | 'strings' | 'format'>): string {
  const t = kit.strings.digits;
  const { shift, rotate, noise } = kit.state;
  const parts = [
    Number(shift) > 0 ? fill(t.arms.shift, { px: kit.format.short(Number(shift)) }) : null,
    Number(rotate) > 0 ? fill(t.arms.rotate, { degrees: kit.format.short(Number(rotate)) }) : null,
    Number(noise) > 0 ? fill(t.arms.noise, { sigma: kit.format.short(Number(noise)) }) : null,
  ].filter((part) => part !== null);
  return fill(t.arms.mildDetails, { name: t.arms.mild, list: parts.length ? parts.join(', ') : t.arms.untransformed });
}

/** Builds the preset's plots; returns what redraws them from the results. */
export function buildPracticalTricksView(preset: Preset, kit: ViewKit, label: ArmLabel): () => void {
  const { results } = kit;
  const t = kit.strings.digits.series;
  const names = { validation: t.validation, train: t.train, seeds: t.seeds };
  const curves = (arms?: string[]) => trainValidationCurves(results, label, names, arms);
  const overSteps = { x: { nice: false, domain: [0, kit.steps] } };
  switch (preset) {
    case 'data-size':
    case 'data-size-400': {
      const finals = kit.chart('digitsBySize', { logX: true, fitY: true });
      const steps = kit.chart('digitsTrainValidation', overSteps);
      return () => {
        finals.update(finalsByX(results, dataSizes(preset).map((size) => [size, String(size)]), names));
        steps.update(curves());
      };
    }
    case 'capacity': {
      // One panel per width: the diagnosis reads the gap between its two curves.
      const arms = [...results.arms.keys()];
      const panels = arms.map((arm) => kit.chart('digitsTrainValidation', { ...overSteps, title: label(arm), height: 240 }));
      const finals = kit.chart('digitsByWidth', { logX: true });
      return () => {
        panels.forEach((panel, index) => panel.update(trainValidationCurves(results, label, names, [arms[index]!], () => index)));
        finals.update(finalsByX(results, arms.map((arm) => [Number(arm.replace(/-repeat$/, '')), arm]), names));
      };
    }
    case 'dropout-rates': {
      const steps = kit.chart('digitsTrainValidation', overSteps);
      const finals = kit.chart('digitsByRate', { fitY: true });
      return () => {
        steps.update(curves());
        finals.update(finalsByX(results, [...results.arms.keys()].map((arm) => [Number(arm.replace(/-repeat$/, '')), arm]), names));
      };
    }
    case 'augmentation': {
      kit.strip({ rows: augmentedSamples(kit.state).map((row) => ({ id: row.arm, name: row.arm === 'mild' ? mildDetails(kit) : label(row.arm), images: row.images })) });
      const steps = kit.chart('digitsTrainValidation', overSteps);
      return () => steps.update(curves());
    }
    default: {
      const norms = kit.chart('digitsHiddenNorm', { ...overSteps, fitY: true });
      const optimizers = DECAY_OPTIMIZERS.map((optimizer) => optimizer.name as string);
      return () => norms.update(hiddenNormCurves(results, label, (arm) => optimizers.indexOf(arm.split('/')[0]!), (arm) => (arm.endsWith('/decay') ? 1 : 0)));
    }
  }
}

/** What the preset adds to the readout and the exposed data once its runs end. */
export function practicalTricksReadout(preset: Preset, kit: ViewKit, label: ArmLabel, expose: (name: string, value: string) => void, steps: number): string[] {
  const { results, format } = kit;
  const t = kit.strings.digits.readouts;
  const percent = new Intl.NumberFormat(kit.locale, { style: 'percent', maximumFractionDigits: 1 });
  if (preset === 'decay-vs-l2') {
    const differences = relativeDifferences(results);
    if (!differences) return [];
    expose('relative-differences', JSON.stringify(differences));
    const values = Object.entries(differences).map(([optimizer, perSeed]) =>
      fill(t.armValue, { arm: optimizer === 'sgd' ? 'SGD' : 'Adam', value: `${scientific(Math.min(...perSeed), format)} … ${scientific(Math.max(...perSeed), format)}` }));
    return [fill(t.relativeDifference, { steps, seeds: Object.values(differences)[0]?.length ?? 0, values: values.join(' · ') })];
  }
  expose('train-accuracies', JSON.stringify(results.accuracies(undefined, 'train')));
  const values = [...results.arms.keys()].map((arm) => {
    const value = results.meanAccuracy(arm, undefined, 'train');
    return fill(t.armValue, { arm: label(arm), value: Number.isFinite(value) ? percent.format(value) : '—' });
  });
  return [fill(t.trainFinals, { values: values.join(' · ') })];
}
