/**
 * The one-line task of a widget — data; network; optimizer and rate; loss; length — written from the run
 * configurations its plan sends to the engine (never by hand per preset or per language): what differs between
 * the runs or members of the plan is what the experiment compares, and is listed ("η = 10⁻⁴ … 10, 6 rates").
 * Templates and plural forms come from the `task` strings of the page's language.
 */
import type { ConvLayerSpec, DatasetConfig, DenseLayerSpec, LayerSpec, PoolLayerSpec, RunConfig } from '@engine/types';
import { PROGRAMS } from '@engine/datasets/programs';
import type { WidgetPlural } from '@i18n/widgets-schema';
import type { FunctionSource, RateRamp, RunPlan } from './run';
import { fill, numberFormatter, optionLabel, own, pluralForm, type WidgetStrings } from './text';

/** CLDR plural form of `count` in `locale`, with `{count}` filled by the formatted number. */
export function plural(forms: WidgetPlural, count: number, locale: string): string {
  return fill(pluralForm(forms, locale, count), { count: new Intl.NumberFormat(locale).format(count) });
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * A number as the lessons write it: a true minus sign, and 10⁻⁴ for powers of ten whose exponent is at least
 * `minExponent` in size (3 by default: 0,01 stays 0,01; a legend of rates 10⁻⁴ … 10⁻¹ passes 1).
 */
export function taskNumber(value: number, locale: string, minExponent = 3): string {
  const exponent = Math.log10(Math.abs(value));
  if (value !== 0 && Number.isInteger(Math.round(exponent * 1e9) / 1e9) && Math.abs(exponent) >= minExponent) {
    const power = `10${[...String(Math.round(exponent))].map((digit) => SUPERSCRIPT[digit] ?? digit).join('')}`;
    return value < 0 ? `−${power}` : power;
  }
  return numberFormatter(locale).short(value).replace(/^-/, '−');
}

/** Training rows of a digits dataset (`datasets/digit-subset.ts`): a split of the shipped digits, or its first k per class. */
function digitRows(dataset: Extract<DatasetConfig, { kind: 'digits' }>): number {
  const n = dataset.count ?? 1000;
  const split = dataset.split ?? { train: 0.7, validation: 0.2, test: 0.1 };
  const train = Math.max(1, Math.round(n * split.train));
  const rows = dataset.trainOn?.split === 'test' ? n - Math.min(n, train + Math.round(n * split.validation)) : train;
  return dataset.trainOn?.perClass ? Math.min(rows, dataset.trainOn.perClass * 10) : rows;
}

/** Training rows of a split dataset, as `splitData` counts them (at least one). */
const trainRows = (count: number, share: number): number => (count > 0 ? Math.max(1, Math.round(count * share)) : 0);

/** "sen x em [−3, 3]" (plus " + 5" for a shifted target): the function a 1-D dataset samples. */
export function describeFunction(source: FunctionSource, t: WidgetStrings, locale: string): string {
  const [low, high] = source.domain ?? [-3, 3];
  const name = source.offset ? `${t.task.functions[source.fn]} + ${taskNumber(source.offset, locale)}` : t.task.functions[source.fn];
  return fill(t.task.onDomain, { function: name, low: taskNumber(low, locale), high: taskNumber(high, locale) });
}

/** "100 dígitos de treinamento + 4 cópias de cada dígito"; several sizes compared read "50 / 100 / 700 dígitos …". */
function describeDigits(datasets: Extract<DatasetConfig, { kind: 'digits' }>[], t: WidgetStrings, locale: string): string {
  const dataset = datasets[0]!;
  const forms = dataset.trainOn?.split === 'test' ? t.task.newDigits : t.task.digits;
  const counts = distinct(datasets.map(digitRows)).sort((a, b) => a - b);
  const list = counts.map((count) => new Intl.NumberFormat(locale).format(count)).join(' / ');
  let rows = counts.length === 1 ? plural(forms, counts[0]!, locale) : fill(pluralForm(forms, locale, counts.at(-1)!), { count: list });
  if (dataset.augment?.copies) rows = `${rows} ${plural(t.task.copies, dataset.augment.copies, locale)}`;
  const permutation = datasets.find((d) => d.permutePixels)?.permutePixels;
  if (permutation) rows = `${rows}${t.task.comma}${fill(t.task.permuted, { seed: permutation.seed })}`;
  return dataset.labels === 'parity' ? `${rows}${t.task.comma}${t.task.parity}` : rows;
}

/** "custo de um pedido de 3 ladrilhos…, d em [0,5, 3]; 210 pedidos de treinamento": a program's whole calls. */
function describeProgram(dataset: Extract<DatasetConfig, { kind: 'program' }>, t: WidgetStrings, locale: string): string {
  const [low, high] = PROGRAMS[dataset.program].domain;
  const program = fill(t.task.programs[dataset.program], { low: taskNumber(low, locale), high: taskNumber(high, locale) });
  return `${program}${t.task.comma}${plural(t.task.calls, trainRows(dataset.count ?? 300, dataset.split?.train ?? 0.7), locale)}`;
}

function describeData(datasets: DatasetConfig[], t: WidgetStrings, locale: string, source?: FunctionSource): string {
  const dataset = datasets[0]!;
  if (dataset.kind === 'digits') return describeDigits(datasets.filter((d) => d.kind === 'digits'), t, locale);
  if (dataset.kind === 'program') return describeProgram(dataset, t, locale);
  // Inline data carry their rows (no `count`); the plan says what they were sampled from.
  const count = dataset.kind === 'inline' ? dataset.inputs.length : dataset.count ?? 0;
  const points = plural(t.task.points, trainRows(count, dataset.split?.train ?? 1), locale);
  const sampled = dataset.kind === 'function1d' ? { fn: dataset.fn, domain: dataset.domain, noise: dataset.noise } : source;
  if (!sampled) return points;
  const parts = [describeFunction(sampled, t, locale), points];
  if (sampled.noise) parts.push(fill(t.task.noise, { noise: taskNumber(sampled.noise, locale) }));
  return parts.join(t.task.comma);
}

/** An activation as an attribute of the units: its name, or "without activation" for the identity. */
const activationText = (name: string, t: WidgetStrings): string => (name === 'linear' ? t.task.linear : name === 'sigmoid' ? t.task.sigmoid : optionLabel(t, name));

/** "1 camada oculta de 16 neurônios tanh", from the hidden layers' depth, widths and activations (several when compared). */
export function describeHidden(depths: number[], widths: number[], activations: string[], t: WidgetStrings, locale: string): string {
  if (depths.length === 1 && depths[0] === 0) return t.task.neuron;
  // Several depths compared read "1 / 2 / 4 / 8 / 16 camadas ocultas" (the plural form of the largest).
  const sorted = [...depths].sort((a, b) => a - b);
  const layers = depths.length === 1
    ? plural(t.task.layers, depths[0] ?? 0, locale)
    : fill(pluralForm(t.task.layers, locale, sorted.at(-1)!), { count: sorted.map((depth) => new Intl.NumberFormat(locale).format(depth)).join(' / ') });
  const units = widths.length === 1
    ? plural(t.task.units, widths[0] ?? 0, locale)
    : fill(t.task.unitsRange, { from: Math.min(...widths), to: Math.max(...widths) });
  return fill(t.task.network, {
    layers,
    units,
    activation: activations.map((name) => activationText(name, t)).join(' / '),
  });
}

const trainedDense = (layers: LayerSpec[]): DenseLayerSpec[] => layers.filter((layer): layer is DenseLayerSpec => layer.type === 'dense' && layer.trainable !== false);

/** "1 camada oculta de 16 neurônios tanh, a mesma nas 3 chamadas": the learnable function inside a program
 * (the layers that train; the program's frozen «+» is not part of it). */
function describeShared(config: RunConfig, program: Extract<DatasetConfig, { kind: 'program' }>, t: WidgetStrings, locale: string): string {
  const hidden = trainedDense(config.model.layers).slice(0, -1);
  const network = describeHidden([hidden.length], distinct(hidden.map((layer) => layer.units)), distinct(hidden.map((layer) => layer.activation ?? 'linear')), t, locale);
  const calls = PROGRAMS[program.program].arguments;
  return fill(pluralForm(t.task.shared, locale, calls), { count: new Intl.NumberFormat(locale).format(calls), network });
}

/** "rede convolucional: 4 filtros 3×3 ReLU, max-pooling 2×2, saída softmax": a convnet's first conv and pool layers. */
function describeConvnet(config: RunConfig, t: WidgetStrings): string {
  const conv = config.model.layers.find((layer): layer is ConvLayerSpec => layer.type === 'conv2d' || layer.type === 'conv1d');
  const pool = config.model.layers.find((layer): layer is PoolLayerSpec => layer.type === 'pool2d' || layer.type === 'pool1d');
  return fill(t.task.convnet, { filters: conv?.filters ?? 0, kernel: conv?.kernelSize ?? 0, pool: pool?.size ?? 1 });
}

const isConvnet = (config: RunConfig): boolean => config.model.layers.some((layer) => layer.type === 'conv2d' || layer.type === 'conv1d');

function describeNetwork(configs: RunConfig[], t: WidgetStrings, locale: string): string {
  const dataset = configs[0]?.dataset;
  if (configs[0] && dataset?.kind === 'program') return describeShared(configs[0], dataset, t, locale);
  // An experiment that compares a convnet with dense networks names each: "1 camada oculta … / rede convolucional: …".
  const convnet = configs.find(isConvnet);
  if (convnet) {
    const dense = configs.filter((config) => !isConvnet(config));
    return [...(dense.length ? [describeNetwork(dense, t, locale)] : []), describeConvnet(convnet, t)].join(' / ');
  }
  const hidden = (config: RunConfig) => (config.model.layers.slice(0, -1) as DenseLayerSpec[]);
  const depths = distinct(configs.map((config) => hidden(config).length));
  const widths = distinct(configs.flatMap((config) => hidden(config).map((layer) => layer.units)));
  const activations = distinct(configs.flatMap((config) => hidden(config).map((layer) => layer.activation ?? 'linear')));
  let network = describeHidden(depths, widths, activations, t, locale);
  if (network === t.task.neuron) return network;
  const residual = distinct(configs.map((config) => hidden(config).some((layer) => layer.residual === true)));
  if (residual.length > 1) network = `${network}${t.task.comma}${t.task.residualMixed}`;
  // When the experiment compares output layers (10 vs 14 softmax outputs), say so.
  const outputs = distinct(configs.map((config) => (config.model.layers.at(-1) as DenseLayerSpec | undefined)?.units ?? 0));
  return outputs.length > 1 ? `${network}${t.task.comma}${fill(t.task.outputs, { list: outputs.join(' / ') })}` : network;
}

/**
 * "SGD / Adam, η = 0,02": the optimizers and the rates the runs use; several fixed rates read "η de 10⁻³ a 1
 * (6 taxas)", a rate that grows during the run (LR range test) "η cresce de 10⁻⁵ a 10³ (×10 a cada 40 passos)".
 */
export function describeOptimizers(optimizers: string[], rates: number[], t: WidgetStrings, locale: string, ramp?: RateRamp): string {
  const sorted = distinct(rates).sort((a, b) => a - b);
  const from = taskNumber(sorted[0] ?? 0, locale);
  const rate = ramp
    ? fill(t.task.rateRamp, { from: taskNumber(ramp.from, locale), to: taskNumber(ramp.to, locale), steps: plural(t.task.steps, Number(ramp.stepsPerDecade.toFixed(1)), locale) })
    : sorted.length === 1
      ? fill(t.task.rate, { lr: from })
      : rateRange(sorted, t, locale);
  return `${distinct(optimizers).map((name) => own(t.optimizers, name) ?? name).join(' / ')}${t.task.comma}${rate}`;
}

/**
 * "η de 10⁻³ a 1 (6 taxas)", but "η de 0,001 a 0,01": both ends in one notation when the range stays within
 * [10⁻³, 1), where plain decimals read as the lessons write them.
 */
function rateRange(sorted: number[], t: WidgetStrings, locale: string): string {
  const low = sorted[0] ?? 0;
  const high = sorted[sorted.length - 1] ?? 0;
  const minExponent = low >= 1e-3 && high < 1 ? 4 : 3;
  return fill(t.task.rateRange, { from: taskNumber(low, locale, minExponent), to: taskNumber(high, locale, minExponent), rates: plural(t.task.rates, sorted.length, locale) });
}

function describeOptimizer(configs: RunConfig[], t: WidgetStrings, locale: string, ramp?: RateRamp): string {
  const rates = configs.flatMap((config) => {
    const members = config.population?.members ?? [];
    const base = config.training.optimizer.learningRate;
    return members.length > 0 ? members.map((member) => member.learningRate ?? base) : [base];
  });
  return describeOptimizers(configs.map((config) => config.training.optimizer.name), rates, t, locale, ramp);
}

/** What the members of a population differ in, when it is not the rate (initializers, data samples). */
function describeMembers(configs: RunConfig[], t: WidgetStrings, locale: string): string | null {
  const config = configs[0];
  const members = config?.population?.members ?? [];
  // Members that differ in how the weights are kept small: an L2 penalty λ/2 against decoupled decay λ.
  const decay = distinct(configs.flatMap((c) => c.population?.members ?? []).map((member) => member.weightDecay ?? 0)).filter((value) => value > 0);
  if (decay.length === 1 && members.some((member) => (member.l2 ?? 0) > 0)) return fill(t.task.regularization, { lambda: taskNumber(decay[0]!, locale) });
  const initializers = distinct(members.map((member) => member.initializer?.name).filter((name) => name !== undefined));
  if (initializers.length > 1) return fill(t.task.initializers, { list: initializers.map((name) => own(t.initializers, name) ?? name).join(' / ') });
  const subset = config?.population?.dataSubset?.type;
  if (config && (subset === 'fresh' || subset === 'bootstrap')) return plural(t.task.samples, config.population?.size ?? 1, locale);
  return null;
}

/**
 * The task line of a plan: the family's own line when it wrote one (a widget that trains nothing), else the line
 * written from its engine runs, or null when nothing of it trains on the engine (plain-TS simulations).
 */
export function describeTask(plan: RunPlan, t: WidgetStrings, locale: string): string | null {
  if (plan.task !== undefined) return plan.task;
  const configs = plan.runs.flatMap((run) => (run.kind === 'engine' ? [run.config] : []));
  const first = configs[0];
  if (!first) return null;
  const epochs = distinct(configs.map((config) => config.training.epochs ?? 0));
  const steps = distinct(configs.map((config) => config.training.steps ?? 0));
  const parts = [
    describeData(configs.map((config) => config.dataset), t, locale, plan.dataSource),
    describeMembers(configs, t, locale),
    describeNetwork(configs, t, locale),
    describeOptimizer(configs, t, locale, plan.rateRamp),
    distinct(configs.map((config) => t.task.losses[config.training.loss])).join(' / '),
    steps.length === 1 && steps[0] ? plural(t.task.steps, steps[0], locale) : epochs.length === 1 && epochs[0] ? plural(t.task.epochs, epochs[0], locale) : null,
  ];
  return parts.filter((part) => part !== null).join(t.task.separator);
}

/** Writes a plan's task into the caption of the widget's figure (server-rendered for the preset). */
export function showTask(host: HTMLElement, plan: RunPlan, t: WidgetStrings, locale: string): void {
  const line = host.closest('figure')?.querySelector<HTMLElement>('.dp-task');
  if (!line) return;
  const task = describeTask(plan, t, locale);
  line.textContent = task ?? '';
  line.hidden = task === null;
}
