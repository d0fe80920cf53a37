import { z } from 'zod';
import { BACKEND_NAMES } from '../engine/backends-order';
import { CUSTOM_LAYER_KEYS } from '../engine/gradcheck/custom-layers';
import { FUNCTION_1D_NAMES, PROGRAM_NAMES } from '../engine/dataset-config';
import { HIDDEN_ACTIVATIONS } from '../engine/registry/activations';
import { NAMED_COMPUTE_PATHS } from '../engine/registry/compute-paths';
import { INITIALIZER_NAMES } from '../engine/registry/initializers';
import { LOSS_NAMES } from '../engine/registry/losses';
import { OPTIMIZER_NAMES } from '../engine/registry/optimizers';
import { familyKeys } from '../widgets/registry';
import { projectLabPresets } from '../widgets/project-lab/definition';
import { debugLabPresets } from '../widgets/debug-lab/definition';
import { trainingDashboardPresets } from '../widgets/training-dashboard/definition';
import { inapplicableReasons } from '../widgets/shell/applicability';
import { familyStrings } from './family-strings';
import { chart, maybeEmpty, texts, widgetPluralSchema } from './schema-kit';

export { widgetPluralSchema, type WidgetPlural } from './schema-kit';

/**
 * UI strings of the widgets (controls, status line, errors, plot labels). Owned by the widget kit;
 * every language file's `widgets` section must match this shape exactly: a missing or extra key fails.
 * Templates use `{name}` placeholders, filled as text.
 */

const family = texts(['title', 'description']);

/** Family keys come from the one list of families (definitions only; the islands are lazy imports, never run here). */
export { familyKeys };

export const presetKeys = [
  'one-neuron-line',
  'one-neuron-curve',
  'five-linear-neurons',
  'relu-neurons',
  'sgd-vs-momentum',
  'plateaus-ceiling',
  'tanh-vs-relu',
  'tanh-initializers',
  'tanh-units',
  'extrapolation',
  'two-hidden-layers',
  'width-sweep',
  'deep-sigmoid',
  'deep-relu-he',
  'bad-init',
  'digits-activations',
  'too-small-vs-too-large',
  'range-test',
  'default',
  'capacity',
  'epochs',
  'overfit-one-batch',
  'input-independent-baseline',
  'final-layer-bias',
  'random-vs-grid',
  'optimizers',
  'pretrained-vs-random',
  'finetune-rates',
  'dropout-by-size',
  'max-norm',
  'frozen-layers',
  'output-width',
  'data-size',
  'data-size-400',
  'dropout-rates',
  'augmentation',
  'decay-vs-l2',
  'plain-vs-residual',
  'swap-optimizer',
  'swap-loss',
  'swap-model',
  'mlp-vs-convnet',
  'permuted-pixels',
  'digits-mlp',
  'source-net',
  'fourteen-outputs',
  'magnitude-pruning',
  'fgsm',
  'square-area',
  ...projectLabPresets,
  ...trainingDashboardPresets,
  'swish-correct', 'swish-sigma-prime', 'swish-missing-x', 'naive-log', 'log-eps',
  ...debugLabPresets,
] as const;

export const chartKeys = [
  'fit',
  'batchFit',
  'loss',
  'widthSweep',
  'gradientNorms',
  'activationGradients',
  'activationLoss',
  'throughput',
  'lrCurves',
  'finalLoss',
  'rangeTest',
  'fits',
  'decomposition',
  'activations',
  'searchSpace',
  'searchLoss',
  'surface',
  'digitsAccuracy',
  'digitsFinal',
  'digitsLoss',
  'digitsNorms',
  'digitsPaired',
  'digitsTiles',
  'digitsTrainValidation',
  'digitsBySize',
  'digitsPriors',
  'digitsByWidth',
  'digitsByRate',
  'digitsSamples',
  'digitsPermutedSamples',
  'digitsHiddenNorm',
  'digitsLossByDepth',
  'digitsDepthCurves',
  'digitsAccuracyByEpoch',
  'learnedFunction',
] as const;

export const widgetStringsSchema = z.strictObject({
  loading: z.string().min(1),
  result: texts(['note']),
  task: z.strictObject({
    separator: z.string().min(1),
    comma: z.string().min(1),
    functions: texts(FUNCTION_1D_NAMES),
    /** Every program of the engine's registry (`datasets/programs.ts`): what its calls compute, `{low}`–`{high}` the arguments' range. */
    programs: texts(PROGRAM_NAMES),
    /** Every loss of the engine's registry. */
    losses: texts(LOSS_NAMES),
    onDomain: z.string().min(1),
    noise: z.string().min(1),
    neuron: z.string().min(1),
    network: z.string().min(1),
    unitsRange: z.string().min(1),
    rate: z.string().min(1),
    rateRange: z.string().min(1),
    rateRamp: z.string().min(1),
    linear: z.string().min(1),
    sigmoid: z.string().min(1), // in a task line, named as its units are («16 нейронов sigmoid», not «Сигмоида»)
    surface: z.string().min(1),
    example: z.string().min(1),
    halfSquared: z.string().min(1),
    activationCurves: z.string().min(1),
    identity: z.string().min(1),
    initializers: z.string().min(1),
    parity: z.string().min(1),
    outputs: z.string().min(1),
    regularization: z.string().min(1),
    /** A convolutional network: `{filters}` filters `{kernel}`×`{kernel}`, max-pooling `{pool}`×`{pool}`, a dense softmax output. */
    convnet: z.string().min(1),
    /** Digits whose pixels are scrambled by one fixed permutation drawn from `{seed}`. */
    permuted: z.string().min(1),
    /** Runs that compare plain hidden layers with residual ones (h + act(W h + b)). */
    residualMixed: z.string().min(1),
    copies: widgetPluralSchema,
    points: widgetPluralSchema,
    digits: widgetPluralSchema,
    newDigits: widgetPluralSchema,
    steps: widgetPluralSchema,
    units: widgetPluralSchema,
    layers: widgetPluralSchema,
    rates: widgetPluralSchema,
    samples: widgetPluralSchema,
    epochs: widgetPluralSchema,
    /** Training calls of a program (orders of `square-area`). */
    calls: widgetPluralSchema,
    /** The learnable function `{network}` shared by `{count}` calls of a program. */
    shared: widgetPluralSchema,
  }),
  controls: texts(['settings', 'toolbar', 'play', 'again', 'pause', 'step', 'reset', 'defaults', 'copyLink', 'linkCopied', 'linkCopyFailed', 'retry']).extend({
    /** The step button of a plan that advances several optimizer steps per click (one point of its curves). */
    steps: widgetPluralSchema,
  }),
  status: texts(['idle', 'loading', 'running', 'paused', 'pausedOffscreen', 'done', 'failed', 'line', 'lineSteps', 'lineConcealed', 'bestOf']).extend({
    /** Steps per second, the `{speed}` of the status line and the backend badge ("374 шага/с"). */
    speed: widgetPluralSchema,
  }),
  // Option keys that name an engine choice derive from its registry: a new entry without its strings fails.
  backends: texts(BACKEND_NAMES),
  /** The compute paths the badge names (`named` in `registry/compute-paths.ts`). */
  computePaths: texts(NAMED_COMPUTE_PATHS),
  /** Every initializer and optimizer of the engine's registries (their own tables: `normal` is also a speed). */
  initializers: texts(INITIALIZER_NAMES),
  optimizers: texts(OPTIMIZER_NAMES),
  backendReasons: texts(['first-available', 'forced', 'measured-fastest', 'cached', 'fallback-after-failure', 'device-lost', 'plain']),
  errors: texts(['generic', 'diverged', 'deviceLost', 'backendUnavailable', 'workerFailed', 'invalidConfig', 'loadFailed', 'permalinkRejected', 'permalinkOlder', 'backendRejected']),
  problems: texts(['unknownParam', 'duplicateParam', 'hiddenParam', 'badValue', 'outOfRange', 'notAllowed', 'notInteger', 'unknownPreset', 'presetNotHere', 'malformed']),
  params: texts([
    'preset', 'seed', 'backend', 'speed', 'target', 'layers', 'width', 'activation', 'init', 'optimizer', 'lr', 'epochs',
    'depth', 'noise', 'points', 'members', 'surface', 'steps', 'x1', 'x2', 'y', 'start',
    'recipe', 'hidden', 'outputs', 'frozen', 'dropout', 'trainSize', 'shift', 'rotate', 'seconds',
    'rates', 'lrFrom', 'lrTo', 'lrCount', 'rangeFrom', 'rangeTo',
    'shown', 'digit', 'epsilon', 'layer', 'h', 'precision', 'bins', 'every', 'case', 'fix',
  ]),
  /** Why a control is disabled in the current state (shell/applicability.ts). */
  inapplicable: texts(inapplicableReasons),
  units: maybeEmpty(['none', 'epochs', 'neurons', 'layers', 'points', 'steps', 'members', 'seconds']),
  options: texts([
    // Backend, 1-D function and activation option keys come from the engine's registries (every backend, every
    // target function, every activation a hidden layer may use); initializer and optimizer names have their own tables above. `small_normal` is
    // the widgets' own bad initializer (a tiny normal), not a registry entry.
    'auto', ...BACKEND_NAMES, 'slow', 'normal', 'fast', ...FUNCTION_1D_NAMES, ...HIDDEN_ACTIVATIONS,
    'all', 'small_normal', 'ravine', 'bowl', 'saddle', 'example', 'seeded',
    // LearningRateSweep: the lesson's listed rates or a log-spaced range.
    'listed', 'log-range',
    // GradientCheck: the engine's custom layers (correct and with a planted bug) and the check's precisions.
    ...CUSTOM_LAYER_KEYS, 'float64', 'float32',
    // DebugLab: «show the fix» off or on.
    'off', 'on',
  ]),
  series: texts([
    'fit', 'target', 'units', 'unit', 'domain', 'finalLoss', 'loss', 'layer', 'learningRate', 'suggested', 'mean',
    'truth', 'resampledFit', 'bias2', 'variance', 'noise', 'total', 'measured', 'grid', 'random', 'real', 'zeroed',
    'defaultBias', 'meanBias', 'function', 'derivative', 'goal', 'start', 'sgdLarge', 'oneLayer', 'twoLayers',
    'batch',
  ]).extend({ width: widgetPluralSchema }),
  readouts: texts([
    'neuron', 'finalLoss', 'gradientRatio', 'activationRatios', 'activationLosses', 'range', 'suggestedLr', 'bestLr', 'decomposition', 'overfit', 'baseline', 'bias', 'search',
    'surface', 'activation',
  ]),
  ...familyStrings,
  plots: z.strictObject({
    common: texts(['showTable', 'hideTable', 'download', 'exportPng', 'exportSvg', 'exportCsv', 'exportJson', 'keyboardHint', 'logY', 'diverged']),
    charts: z.strictObject(Object.fromEntries(chartKeys.map((key) => [key, chart])) as { [K in (typeof chartKeys)[number]]: typeof chart }),
  }),
  families: z.strictObject(Object.fromEntries(familyKeys.map((key) => [key, family])) as { [K in (typeof familyKeys)[number]]: typeof family }),
  presets: texts(presetKeys),
  lab: texts(['title', 'description', 'lead', 'howTo', 'contents']),
});

export type WidgetStrings = z.infer<typeof widgetStringsSchema>;
