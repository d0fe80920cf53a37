/**
 * Config validation: checks every field, reports all problems at once (field path + allowed range), and
 * returns a fully resolved copy. The input is never mutated, so a rejected config is never half-applied.
 */
import type { DatasetConfig, InitializerSpec, LayerSpec, MemberOverrides, RunConfig } from './config';
import { ConfigError, describeAllowed } from './errors';
import type { ResolvedConfig, ResolvedMember } from './resolved';
import type { AllowedRange, ValidationIssue } from './telemetry';
import { planModel } from './model/shapes';
import { datasetShape } from './datasets/shape';

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'tanh', 'sigmoid', 'softmax'] as const;
export const INITIALIZERS = ['zeros', 'constant', 'normal', 'uniform', 'glorot_normal', 'glorot_uniform', 'he_normal', 'he_uniform'] as const;
export const LOSSES = ['mse', 'binary_crossentropy', 'categorical_crossentropy', 'hinge'] as const;
export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export const BACKEND_CHOICES = ['first', 'auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export const MAX_POPULATION = 1024;
export const MAX_UNITS = 4096;

class Checker {
  readonly issues: ValidationIssue[] = [];

  fail(code: string, field: string, message: string, allowed?: AllowedRange): void {
    const issue: ValidationIssue = { code, field, message: `${field}: ${message}` };
    if (allowed) issue.allowed = allowed;
    this.issues.push(issue);
  }

  /** A finite number within the range; returns the value or the fallback when absent. */
  number(field: string, value: unknown, fallback: number | undefined, range: AllowedRange): number {
    if (value === undefined && fallback !== undefined) return fallback;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!range.integer || Number.isInteger(value)) &&
      (range.min === undefined || (range.exclusive ? value > range.min : value >= range.min)) &&
      (range.max === undefined || (range.exclusive ? value < range.max : value <= range.max));
    if (!ok) {
      const code = value === undefined ? 'missing' : 'out_of_range';
      this.fail(code, field, `must be ${describeAllowed(range)}, got ${JSON.stringify(value)}`, range);
      return fallback ?? (range.min ?? 0);
    }
    return value as number;
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const range = { allowed: [...allowed] };
    this.fail(value === undefined ? 'missing' : 'not_allowed', field, `must be ${describeAllowed(range)}, got ${JSON.stringify(value)}`, range);
    return (fallback ?? allowed[0]) as T;
  }

  boolean(field: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.fail('not_allowed', field, `must be true or false, got ${JSON.stringify(value)}`, { allowed: ['true', 'false'] });
    return fallback;
  }
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
const rate = { min: 0, max: 1, exclusive: false } as const;
const positive = { min: 0, exclusive: true } as const;
const nonNegative = { min: 0 } as const;

function checkInitializer(c: Checker, field: string, spec: InitializerSpec | undefined, fallback: InitializerSpec): InitializerSpec {
  if (spec === undefined) return fallback;
  if (typeof spec !== 'object' || spec === null) {
    c.fail('not_allowed', field, 'must be an object { name, scale? }');
    return fallback;
  }
  const name = c.oneOf(`${field}.name`, spec.name, INITIALIZERS);
  const out: InitializerSpec = { name };
  if (spec.scale !== undefined) out.scale = c.number(`${field}.scale`, spec.scale, undefined, { min: -1e3, max: 1e3 });
  return out;
}

/** Fields each layer type accepts: anything else is a typo and is rejected, not ignored. */
const LAYER_FIELDS: Record<LayerSpec['type'], string[]> = {
  dense: ['type', 'units', 'activation', 'normalization', 'residual', 'initializer', 'biasInitializer', 'useBias', 'trainable', 'dropout', 'maxNorm', 'name'],
  conv1d: ['type', 'filters', 'kernelSize', 'stride', 'padding', 'activation', 'initializer', 'useBias', 'trainable', 'name'],
  conv2d: ['type', 'filters', 'kernelSize', 'stride', 'padding', 'activation', 'initializer', 'useBias', 'trainable', 'name'],
  pool1d: ['type', 'pool', 'size', 'name'],
  pool2d: ['type', 'pool', 'size', 'name'],
  flatten: ['type', 'name'],
};

function checkLayer(c: Checker, layer: LayerSpec, i: number, last: boolean): LayerSpec {
  const f = `model.layers[${i}]`;
  const copy = clone(layer);
  const type = c.oneOf(`${f}.type`, layer?.type, ['dense', 'conv1d', 'conv2d', 'pool1d', 'pool2d', 'flatten'] as const);
  if (layer && typeof layer === 'object' && LAYER_FIELDS[type])
    for (const key of Object.keys(layer))
      if (!LAYER_FIELDS[type].includes(key)) c.fail('unknown_field', `${f}.${key}`, `is not a field of a ${type} layer`, { allowed: LAYER_FIELDS[type] });
  if (type === 'dense' && copy.type === 'dense') {
    copy.units = c.number(`${f}.units`, copy.units, undefined, { min: 1, max: MAX_UNITS, integer: true });
    copy.activation = c.oneOf(`${f}.activation`, copy.activation, ACTIVATIONS, 'linear');
    if (copy.activation === 'softmax' && !last) c.fail('softmax_not_output', `${f}.activation`, 'softmax is only allowed on the output layer', { allowed: ['linear', 'relu', 'leaky_relu', 'tanh', 'sigmoid'] });
    copy.normalization = c.oneOf(`${f}.normalization`, copy.normalization, ['none', 'batch', 'layer'] as const, 'none');
    copy.residual = c.boolean(`${f}.residual`, copy.residual, false);
    copy.useBias = c.boolean(`${f}.useBias`, copy.useBias, true);
    copy.trainable = c.boolean(`${f}.trainable`, copy.trainable, true);
    copy.dropout = c.number(`${f}.dropout`, copy.dropout, 0, { min: 0, max: 0.95 });
    copy.maxNorm = c.number(`${f}.maxNorm`, copy.maxNorm, 0, nonNegative);
    if (copy.initializer) copy.initializer = checkInitializer(c, `${f}.initializer`, copy.initializer, { name: 'glorot_uniform' });
    if (copy.biasInitializer) copy.biasInitializer = checkInitializer(c, `${f}.biasInitializer`, copy.biasInitializer, { name: 'zeros' });
  } else if ((type === 'conv1d' || type === 'conv2d') && (copy.type === 'conv1d' || copy.type === 'conv2d')) {
    copy.filters = c.number(`${f}.filters`, copy.filters, undefined, { min: 1, max: 512, integer: true });
    copy.kernelSize = c.number(`${f}.kernelSize`, copy.kernelSize, undefined, { min: 1, max: 15, integer: true });
    copy.stride = c.number(`${f}.stride`, copy.stride, 1, { min: 1, max: 8, integer: true });
    copy.padding = c.oneOf(`${f}.padding`, copy.padding, ['same', 'valid'] as const, 'same');
    copy.activation = c.oneOf(`${f}.activation`, copy.activation, ['linear', 'relu', 'leaky_relu', 'tanh', 'sigmoid'] as const, 'relu');
    copy.useBias = c.boolean(`${f}.useBias`, copy.useBias, true);
    copy.trainable = c.boolean(`${f}.trainable`, copy.trainable, true);
    if (copy.initializer) copy.initializer = checkInitializer(c, `${f}.initializer`, copy.initializer, { name: 'glorot_uniform' });
  } else if ((type === 'pool1d' || type === 'pool2d') && (copy.type === 'pool1d' || copy.type === 'pool2d')) {
    copy.pool = c.oneOf(`${f}.pool`, copy.pool, ['max', 'avg'] as const, 'max');
    copy.size = c.number(`${f}.size`, copy.size, 2, { min: 1, max: 8, integer: true });
  }
  if (last && type !== 'dense') c.fail('output_not_dense', `${f}.type`, 'the output layer must be dense', { allowed: ['dense'] });
  return copy;
}

function checkDataset(c: Checker, d: DatasetConfig): ResolvedConfig['dataset'] {
  const copy = clone(d) as ResolvedConfig['dataset'];
  const kind = c.oneOf('dataset.kind', d?.kind, ['function1d', 'classification2d', 'surface', 'digits', 'inline'] as const);
  copy.seed = c.number('dataset.seed', d?.seed, 1, { min: 1, max: 2 ** 31, integer: true });
  const split = d?.split ?? { train: 0.7, validation: 0.2, test: 0.1 };
  const train = c.number('dataset.split.train', split.train, undefined, { min: 0.01, max: 1 });
  const validation = c.number('dataset.split.validation', split.validation, undefined, { min: 0, max: 1 });
  const test = c.number('dataset.split.test', split.test, undefined, { min: 0, max: 1 });
  if (Math.abs(train + validation + test - 1) > 1e-6) c.fail('split_sum', 'dataset.split', `fractions must sum to 1, got ${train + validation + test}`, { min: 1, max: 1 });
  copy.split = { train, validation, test };
  copy.scaleInputs = c.boolean('dataset.scaleInputs', d?.scaleInputs, false);
  if (copy.count !== undefined) copy.count = c.number('dataset.count', copy.count, undefined, { min: 4, max: 20000, integer: true });
  if (kind === 'function1d' && copy.kind === 'function1d') {
    copy.fn = c.oneOf('dataset.fn', copy.fn, ['line', 'sine', 'plateaus'] as const);
    copy.noise = c.number('dataset.noise', copy.noise, 0, { min: 0, max: 10 });
    const domain = copy.domain ?? [-3, 3];
    if (!(domain[0] < domain[1])) c.fail('bad_domain', 'dataset.domain', 'must be [low, high] with low < high');
    copy.domain = domain;
    copy.extrapolationDomain = copy.extrapolationDomain ?? [2 * domain[0], 2 * domain[1]];
  } else if (kind === 'classification2d' && copy.kind === 'classification2d') {
    copy.shape = c.oneOf('dataset.shape', copy.shape, ['spiral', 'circles', 'xor', 'gaussians', 'moons'] as const);
    const fixedTwo = copy.shape === 'xor' || copy.shape === 'moons';
    copy.classes = c.number('dataset.classes', copy.classes, 2, { min: 2, max: fixedTwo ? 2 : 10, integer: true });
    copy.noise = c.number('dataset.noise', copy.noise, 0.1, { min: 0, max: 2 });
    copy.labelNoise = c.number('dataset.labelNoise', copy.labelNoise, 0, { min: 0, max: 0.5 });
    copy.imbalance = c.number('dataset.imbalance', copy.imbalance, 0.5, { min: 0.05, max: 0.95 });
  } else if (kind === 'surface' && copy.kind === 'surface') {
    copy.fn = c.oneOf('dataset.fn', copy.fn, ['plane', 'bowl', 'saddle', 'ripple'] as const);
    copy.noise = c.number('dataset.noise', copy.noise, 0, { min: 0, max: 10 });
  } else if (kind === 'digits' && copy.kind === 'digits') {
    copy.layout = c.oneOf('dataset.layout', copy.layout, ['flat', 'image'] as const, 'flat');
  } else if (kind === 'inline' && copy.kind === 'inline') {
    if (!Array.isArray(copy.inputs) || copy.inputs.length < 2) c.fail('missing', 'dataset.inputs', 'needs at least 2 rows', { min: 2 });
    else if (!Array.isArray(copy.targets) || copy.targets.length !== copy.inputs.length)
      c.fail('length_mismatch', 'dataset.targets', `must have ${copy.inputs.length} rows like dataset.inputs`, { min: copy.inputs.length, max: copy.inputs.length });
    else if (copy.inputs.some((row) => !Array.isArray(row) || row.some((v) => !Number.isFinite(v))))
      c.fail('not_finite', 'dataset.inputs', 'every input must be a finite number');
  }
  return copy;
}

function checkMembers(c: Checker, config: RunConfig, base: ResolvedConfig['training']): ResolvedMember[] {
  const population = config.population;
  const size = c.number('population.size', population?.size, 1, { min: 1, max: MAX_POPULATION, integer: true });
  const overrides: MemberOverrides[] = population?.members ?? [];
  if (population?.members && population.members.length !== size)
    c.fail('length_mismatch', 'population.members', `must have population.size = ${size} entries, got ${population.members.length}`, { min: size, max: size });
  const members: ResolvedMember[] = [];
  for (let p = 0; p < size; p++) {
    const o = overrides[p] ?? {};
    const f = `population.members[${p}]`;
    members.push({
      seed: c.number(`${f}.seed`, o.seed, base.seed, { min: 1, max: 2 ** 31, integer: true }),
      learningRate: c.number(`${f}.learningRate`, o.learningRate, base.optimizer.learningRate, { min: 0, max: 100 }),
      l1: c.number(`${f}.l1`, o.l1, base.l1, { min: 0, max: 10 }),
      l2: c.number(`${f}.l2`, o.l2, base.l2, { min: 0, max: 10 }),
      dropout: o.dropout === undefined ? null : c.number(`${f}.dropout`, o.dropout, undefined, { min: 0, max: 0.95 }),
      initializer: o.initializer ? checkInitializer(c, `${f}.initializer`, o.initializer, { name: 'glorot_uniform' }) : null,
      label: typeof o.label === 'string' ? o.label : '',
    });
  }
  return members;
}

/** Validates and resolves a run config. Throws ConfigError listing every problem. */
export function validateConfig(config: RunConfig): ResolvedConfig {
  const c = new Checker();
  if (typeof config !== 'object' || config === null) throw new ConfigError([{ code: 'missing', field: 'config', message: 'config: must be an object' }]);
  const model = config.model;
  const t = config.training;
  if (!model || !Array.isArray(model.layers) || model.layers.length === 0) c.fail('missing', 'model.layers', 'needs at least one layer', { min: 1 });
  if (!model || !Array.isArray(model.inputShape) || model.inputShape.length < 1 || model.inputShape.length > 3 || model.inputShape.some((n) => !Number.isInteger(n) || n < 1))
    c.fail('bad_shape', 'model.inputShape', 'must be 1 to 3 positive integers', { min: 1, integer: true });
  if (!t) c.fail('missing', 'training', 'is required');
  if (!config.dataset) c.fail('missing', 'dataset', 'is required');
  if (c.issues.length > 0) throw new ConfigError(c.issues);

  const layers = model.layers.map((layer, i) => checkLayer(c, layer, i, i === model.layers.length - 1));
  const optimizer = t.optimizer ?? ({} as RunConfig['training']['optimizer']);
  const schedule = clone(optimizer.schedule) ?? { type: 'constant' as const };
  if (schedule.type === 'step') {
    schedule.every = c.number('training.optimizer.schedule.every', schedule.every, undefined, { min: 1, integer: true });
    schedule.factor = c.number('training.optimizer.schedule.factor', schedule.factor, undefined, { min: 0, max: 1, exclusive: false });
  } else if (schedule.type === 'exponential') {
    schedule.decaySteps = c.number('training.optimizer.schedule.decaySteps', schedule.decaySteps, undefined, { min: 1 });
    // rate < 1 decays; rate > 1 grows (a learning-rate range test).
    schedule.rate = c.number('training.optimizer.schedule.rate', schedule.rate, undefined, { min: 0, max: 1000, exclusive: true });
  } else if (schedule.type !== 'constant') c.oneOf('training.optimizer.schedule.type', (schedule as { type: unknown }).type, ['constant', 'step', 'exponential'] as const);

  const training: ResolvedConfig['training'] = {
    loss: c.oneOf('training.loss', t.loss, LOSSES),
    optimizer: {
      name: c.oneOf('training.optimizer.name', optimizer.name, OPTIMIZERS),
      learningRate: c.number('training.optimizer.learningRate', optimizer.learningRate, undefined, { min: 0, max: 100 }),
      momentum: c.number('training.optimizer.momentum', optimizer.momentum, 0.9, { min: 0, max: 1, exclusive: false }),
      beta1: c.number('training.optimizer.beta1', optimizer.beta1, 0.9, { min: 0, max: 1 }),
      beta2: c.number('training.optimizer.beta2', optimizer.beta2, 0.999, { min: 0, max: 1 }),
      epsilon: c.number('training.optimizer.epsilon', optimizer.epsilon, 1e-7, { min: 0, max: 1, exclusive: true }),
      schedule,
      clipNorm: c.number('training.optimizer.clipNorm', optimizer.clipNorm, 0, nonNegative),
      clipValue: c.number('training.optimizer.clipValue', optimizer.clipValue, 0, nonNegative),
    },
    l1: c.number('training.regularization.l1', t.regularization?.l1, 0, { min: 0, max: 10 }),
    l2: c.number('training.regularization.l2', t.regularization?.l2, 0, { min: 0, max: 10 }),
    batchSize: c.number('training.batchSize', t.batchSize, undefined, { min: 1, max: 100000, integer: true }),
    seed: c.number('training.seed', t.seed, undefined, { min: 1, max: 2 ** 31, integer: true }),
    epochs: c.number('training.epochs', t.epochs, 0, { min: 0, max: 1e6, integer: true }),
    stepsPerReadback: c.number('training.stepsPerReadback', t.stepsPerReadback, 10, { min: 1, max: 10000, integer: true }),
  };
  const dataset = checkDataset(c, config.dataset);
  const members = checkMembers(c, config, training);
  const subset = config.population?.dataSubset ?? { type: 'shared' as const };
  const subsetType = c.oneOf('population.dataSubset.type', subset.type, ['shared', 'bootstrap', 'fresh'] as const);
  if (subsetType === 'fresh' && (dataset.kind === 'digits' || dataset.kind === 'inline'))
    c.fail('not_allowed', 'population.dataSubset.type', `'fresh' needs a generated dataset, not ${dataset.kind}`, { allowed: ['shared', 'bootstrap'] });

  const tel = config.telemetry ?? {};
  const probe = tel.probe === undefined || tel.probe === false ? null : tel.probe === true ? {} : clone(tel.probe);
  if (probe?.resolution !== undefined) probe.resolution = c.number('telemetry.probe.resolution', probe.resolution, undefined, { min: 2, max: 400, integer: true });
  const telemetry: ResolvedConfig['telemetry'] = {
    every: c.number('telemetry.every', tel.every, 10, { min: 1, max: 1e6, integer: true }),
    layerStats: c.boolean('telemetry.layerStats', tel.layerStats, true),
    activationStats: c.boolean('telemetry.activationStats', tel.activationStats, false),
    histogramBins: c.number('telemetry.histogramBins', tel.histogramBins, 0, { min: 0, max: 256, integer: true }),
    probe,
    biasVariance: c.boolean('telemetry.biasVariance', tel.biasVariance, false),
    validation: c.boolean('telemetry.validation', tel.validation, true),
  };
  if (telemetry.biasVariance && dataset.kind !== 'function1d' && dataset.kind !== 'surface')
    c.fail('not_allowed', 'telemetry.biasVariance', 'needs a dataset with a known noise-free target (function1d or surface)', { allowed: ['function1d', 'surface'] });
  const runtime = {
    backend: c.oneOf('runtime.backend', config.runtime?.backend, BACKEND_CHOICES, 'first'),
    wasmPath: typeof config.runtime?.wasmPath === 'string' ? config.runtime.wasmPath : '/tfjs-wasm/',
  };

  // Architecture against data: shapes chain, output width matches the targets, loss matches the output activation.
  if (c.issues.length === 0) {
    const plans = planModel(model.inputShape, layers);
    if (!Array.isArray(plans)) c.fail('bad_architecture', `model.layers[${plans.index}]`, plans.problem);
    const shape = datasetShape(dataset);
    const inputSize = model.inputShape.reduce((a, b) => a * b, 1);
    if (shape.inputSize !== inputSize)
      c.fail('input_mismatch', 'model.inputShape', `must hold ${shape.inputSize} values for dataset ${dataset.kind}, got [${model.inputShape}]`, { min: shape.inputSize, max: shape.inputSize });
    const output = layers[layers.length - 1] as LayerSpec;
    if (output.type === 'dense') checkOutput(c, training.loss, output, layers.length - 1, shape);
  }
  if (c.issues.length > 0) throw new ConfigError(c.issues);
  return {
    model: { inputShape: [...model.inputShape], layers, initializer: checkInitializer(c, 'model.initializer', model.initializer, { name: 'glorot_uniform' }), inputDropout: c.number('model.inputDropout', model.inputDropout, 0, { min: 0, max: 0.95 }) },
    training,
    dataset,
    members,
    dataSubset: { type: subsetType },
    telemetry,
    runtime,
  };
}

/** The output layer must produce what the loss compares against. */
function checkOutput(c: Checker, loss: string, output: Extract<LayerSpec, { type: 'dense' }>, index: number, shape: { classes: number | null; targetSize: number }): void {
  const f = `model.layers[${index}]`;
  if (shape.classes === null) {
    if (loss !== 'mse') c.fail('loss_mismatch', 'training.loss', 'a regression dataset needs the mse loss', { allowed: ['mse'] });
    if (output.units !== shape.targetSize) c.fail('output_mismatch', `${f}.units`, `must equal the target width ${shape.targetSize}`, { min: shape.targetSize, max: shape.targetSize });
    return;
  }
  const classes = shape.classes;
  if (loss === 'categorical_crossentropy') {
    if (output.activation !== 'softmax') c.fail('loss_mismatch', `${f}.activation`, 'categorical_crossentropy needs a softmax output', { allowed: ['softmax'] });
    if (output.units !== classes) c.fail('output_mismatch', `${f}.units`, `must equal the number of classes ${classes}`, { min: classes, max: classes });
  } else if (loss === 'binary_crossentropy') {
    if (classes !== 2) c.fail('loss_mismatch', 'training.loss', `binary_crossentropy needs 2 classes, the dataset has ${classes}`, { allowed: ['categorical_crossentropy', 'hinge', 'mse'] });
    if (output.activation !== 'sigmoid') c.fail('loss_mismatch', `${f}.activation`, 'binary_crossentropy needs a sigmoid output', { allowed: ['sigmoid'] });
    if (output.units !== 1) c.fail('output_mismatch', `${f}.units`, 'must be 1 for binary_crossentropy', { min: 1, max: 1 });
  } else {
    // hinge and mse on classes: one output for 2 classes (targets ±1 / 0-1), else one per class.
    const expected = classes === 2 ? [1, 2] : [classes];
    if (!expected.includes(output.units)) c.fail('output_mismatch', `${f}.units`, `must be ${expected.join(' or ')} for ${classes} classes`, { allowed: expected });
    if (output.activation === 'softmax' && loss === 'hinge') c.fail('loss_mismatch', `${f}.activation`, 'hinge needs a linear or tanh output', { allowed: ['linear', 'tanh'] });
  }
}
