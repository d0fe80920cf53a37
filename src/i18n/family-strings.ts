import { z } from 'zod';
import { CUSTOM_LAYER_KEYS } from '../engine/gradcheck/custom-layers';
import { FAULT_KEYS } from '../engine/faults';
import { VIEW_KEYS } from '../widgets/training-dashboard/panels';
import { chart, texts, widgetPluralSchema } from './schema-kit';

/** DebugLab: each planted bug's name in the picker, its explanation (the view and the measured number that show it)
 * and what it looks like (told when the reader picked it wrongly). */
const bug = texts(['name', 'explain', 'looks']);

/** GradientCheck's levels of a relative error (gradient-check/check-view.ts). */
const level = texts(['pass', 'warn', 'fail', 'nonFinite']);

/**
 * The strings of the widget families with a vocabulary of their own (arms, images, stages…), spread into the
 * `widgets` schema (widgets-schema.ts). A new family with strings of its own adds its block here.
 */
export const familyStrings = {
  /** DigitsExperiment (arms, series, readouts, weight tiles). */
  digits: z.strictObject({
    arms: texts(['pretrained', 'random', 'scratch', 'frozen', 'free', 'maxNormOff', 'maxNormOn', 'none', 'mild', 'mildDetails', 'hflip', 'shift', 'rotate',
      'noise', 'untransformed', 'l2', 'decay',
      // Chapter 3: the depth families, and the one config line each swap changes (and its part's name).
      'plain', 'residual', 'depthArm', 'optimizerLine', 'lossLine', 'mseOnSoftmax', 'modelLine', 'optimizer', 'loss', 'model',
      // Chapter 3, priors: the two networks (with their parameter counts, and short for readouts) and the permutation strip's rows.
      'mlp', 'convnet', 'mlpShort', 'convnetShort', 'originalPixels', 'permutedPixels']),
    series: texts(['rate', 'size', 'sizeDropout', 'outputs', 'seed', 'seeds', 'mean', 'start', 'layer', 'cap', 'validation', 'train', 'dropoutRate', 'digitCount',
      'networkAtSize']),
    readouts: texts(['finals', 'early', 'maxNorm', 'armValue', 'outputs', 'trainFinals', 'relativeDifference', 'depthFinals', 'depthValue', 'depthSeparator', 'changedLine', 'swapEpochs']),
    tiles: texts(['before', 'after', 'largest']),
  }),
  /** ComputePaths: the benchmark's explanation, run button, progress, per-path results and why a path is missing. */
  benchmark: z.strictObject({
    ...texts(['intro', 'run', 'again', 'stop', 'idle', 'progress', 'measuring', 'pending', 'done', 'stopped', 'path', 'cell',
      'unavailable', 'lost', 'failed', 'tooSlow', 'winners', 'winnerAt', 'winnerRange', 'winnerFrom', 'task']).shape,
    /** Why a path did not start (the engine's `unavailableReason` codes, and a path that cannot train the net). */
    reasons: texts(['no_navigator_gpu', 'no_canvas', 'init_failed', 'unsupported']),
  }),
  forwardBackward: z.strictObject({
    caption: z.string().min(1),
    quantity: z.string().min(1),
    value: z.string().min(1),
    stages: texts(['input', 'hidden', 'output', 'loss', 'outputGradient', 'outputWeights', 'hiddenGradient', 'hiddenWeights', 'update']),
    explain: texts(['input', 'hidden', 'output', 'loss', 'outputGradient', 'outputWeights', 'hiddenGradient', 'hiddenWeights', 'update']),
    iteration: z.string().min(1),
    networkTitle: z.string().min(1),
    networkDescription: z.string().min(1),
    weight: z.string().min(1),
    bias: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
  }),
  /** ModelGraph: layer names, badges, table columns and the summary line (counts with CLDR plural forms). */
  modelGraph: z.strictObject({
    ...texts(['title', 'description', 'input', 'hidden', 'output', 'batch', 'softmax', 'dropout', 'maxNorm', 'frozen',
      'layer', 'shape', 'parameters', 'notes', 'total', 'trainable', 'summary', 'readout']).shape,
    count: widgetPluralSchema,
    trainableCount: widgetPluralSchema,
  }),
  /** The button, status and result note of a widget that evaluates a network without training it (probeWording in shell/text.ts). */
  probe: texts(['play', 'again', 'idle', 'running', 'note']),
  /** PruneNetwork: its two charts, series, the unpruned guide, the tiles' title, readout and task line. */
  pruning: z.strictObject({
    charts: z.strictObject({ accuracy: chart, tiles: chart }),
    series: texts(['accuracy', 'shown']),
    ...texts(['unpruned', 'tilesName', 'readout', 'task']).shape,
  }),
  /** AdversarialDigit: the three images, the probabilities before/after, accuracy against ε, readouts, task line. */
  adversarial: z.strictObject({
    charts: z.strictObject({ images: chart, probabilities: chart, accuracy: chart }),
    images: texts(['original', 'perturbation', 'adversarial', 'alt', 'perturbationAlt', 'legendUp', 'legendDown']),
    series: texts(['fgsm', 'noise', 'before', 'after', 'chosen']),
    ...texts(['readout', 'flip', 'noFlip', 'accuracyReadout', 'task']).shape,
  }),
  /** LearnableFunction: the program's caption and comments, the curves' names and the readout. */
  learnableFunction: texts(['caption', 'learnable', 'price', 'truth', 'learned', 'costLoss', 'readout']),
  /** ProjectLab (chapter 4): its charts, the project card (row names and the templates of their values), series, readouts. */
  projectLab: z.strictObject({
    charts: z.strictObject({ accuracy: chart, imbalance: chart, rareRow: chart, noisyTrain: chart, ratio: chart, ratioLoss: chart, votes: chart }),
    card: texts(['title', 'dataset', 'model', 'loss', 'optimizer', 'seed', 'digits', 'network', 'logistic', 'optimizerValue', 'seeds', 'and']),
    series: texts(['logistic', 'mlp', 'members', 'chance', 'overall', 'recall', 'seeds', 'fives', 'noise', 'rate', 'band', 'loss', 'mean', 'majority', 'weighted']),
    readouts: texts(['baseline', 'imbalance', 'imbalanceValue', 'noise', 'noiseValue', 'ratio', 'votes']),
  }),
  /** DebugLab (chapter 4's debugging lab): the picker, the verdict, the lab's buttons and notes, every bug's texts. */
  debugLab: z.strictObject({
    ...texts(['picker', 'check', 'pickFirst', 'right', 'wrong', 'wouldLook', 'predictAgain', 'predictPending', 'predictSame', 'predictDiffer',
      'predictLost', 'showFix', 'hideFix', 'newCase', 'diverged', 'besideHealthy', 'besideFixed', 'fixedSeries']).shape,
    bugs: z.strictObject(Object.fromEntries(FAULT_KEYS.map((key) => [key, bug])) as { [K in (typeof FAULT_KEYS)[number]]: typeof bug }),
  }),
  /** TrainingDashboard (chapter 4; DebugLab mounts the same views): the six views' names, charts, series and notes. */
  dashboard: z.strictObject({
    views: texts(VIEW_KEYS),
    charts: z.strictObject({ samples: chart, inputHistogram: chart, loss: chart, accuracy: chart, parameters: chart, hidden: chart, dead: chart, gradients: chart, ratios: chart, filters: chart }),
    series: texts(['train', 'validation', 'reference', 'preActivation', 'activation', 'dead', 'hidden', 'output', 'layer', 'band', 'hiddenKernel', 'hiddenBias', 'outputKernel', 'outputBias']),
    inputs: texts(['train', 'validation', 'more', 'range', 'split', 'batch', 'noBatch']),
    weights: texts(['scrubber', 'epoch', 'epochValue', 'mean', 'std', 'layer']),
    filters: texts(['units', 'first', 'latest', 'largest', 'note']),
    ...texts(['tabs', 'reference', 'referenceLoading', 'referenceFailed', 'readout']).shape,
  }),
  /** GradientCheck: the element table, its levels (words, legend, verdict), the error-against-h chart, the task line. */
  gradientCheck: z.strictObject({
    ...texts(['caption', 'element', 'analytic', 'numeric', 'relativeError', 'nonFiniteValue', 'currentH', 'floor', 'noCurve', 'task', 'taskParams']).shape,
    elements: texts(['x', 'beta']),
    paramNames: texts(['beta']),
    layers: texts(CUSTOM_LAYER_KEYS),
    levels: level,
    legend: level,
    verdicts: level,
    chart,
  }),
};
