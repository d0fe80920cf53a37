/**
 * Config validation: every field at every level is checked before anything runs, unknown fields are
 * rejected, and every problem is reported at once (field path, code, allowed values or range). Returns a
 * fully resolved copy; the input is never mutated, so a rejected config is never half-applied. The choices
 * come from the registries in `registry/`; the sections are checked in `validation/`.
 */
import type { LayerSpec, RunConfig } from './config';
import { ConfigError } from './errors';
import type { ResolvedConfig } from './resolved';
import { planModel } from './model/shapes';
import { datasetShape } from './datasets/shape';
import { ACTIVATION_NAMES } from './registry/activations';
import { INITIALIZER_NAMES } from './registry/initializers';
import { LOSS_NAMES } from './registry/losses';
import { OPTIMIZER_NAMES } from './registry/optimizers';
import { Checker } from './validation/checker';
import { checkDataset } from './validation/dataset';
import { checkInitializer, checkLayer } from './validation/layers';
import { checkPopulation, checkRuntime, checkTelemetry, checkTelemetryRequests, checkTraining } from './validation/training';
import { checkFaultNeeds, checkFaults } from './validation/faults';
import { applyFaultRewrites } from './faults';

export { BACKEND_CHOICES, MAX_POPULATION } from './validation/training';
export { MAX_UNITS } from './validation/layers';
/** Key lists of the registries (the engine's public entry re-exports them). */
export const ACTIVATIONS = ACTIVATION_NAMES;
export const INITIALIZERS = INITIALIZER_NAMES;
export const LOSSES = LOSS_NAMES;
export const OPTIMIZERS = OPTIMIZER_NAMES;

const TOP_FIELDS = ['model', 'training', 'dataset', 'population', 'telemetry', 'runtime', 'faults'];
const MODEL_FIELDS = ['inputShape', 'layers', 'initializer', 'inputDropout'];

/** Validates and resolves a run config. Throws ConfigError listing every problem. */
export function validateConfig(config: RunConfig): ResolvedConfig {
  const c = new Checker();
  const top = c.object('', config, TOP_FIELDS);
  if (!top) throw new ConfigError(c.issues);
  const model = c.object('model', top.model, MODEL_FIELDS) ?? {};
  const inputShape = model.inputShape;
  const shapeOk = Array.isArray(inputShape) && inputShape.length >= 1 && inputShape.length <= 3 && inputShape.every((n) => Number.isInteger(n) && n >= 1 && n <= 100000);
  if (!shapeOk) c.fail('bad_shape', 'model.inputShape', `must be 1 to 3 positive integers, got ${JSON.stringify(inputShape)}`, { min: 1, integer: true });
  const rawLayers = Array.isArray(model.layers) ? model.layers : [];
  if (rawLayers.length === 0) c.fail('missing', 'model.layers', 'needs at least one layer', { min: 1 });
  const layers = rawLayers.map((layer, i) => checkLayer(c, layer, i, i === rawLayers.length - 1));
  const initializer = checkInitializer(c, 'model.initializer', model.initializer, { name: 'glorot_uniform' });
  const inputDropout = c.number('model.inputDropout', model.inputDropout, 0, { min: 0, max: 0.95 });
  const training = checkTraining(c, top.training);
  const dataset = checkDataset(c, top.dataset);
  const { members, subset } = checkPopulation(c, top.population, training);
  if (subset === 'fresh' && (dataset.kind === 'digits' || dataset.kind === 'inline'))
    c.fail('not_allowed', 'population.dataSubset.type', `'fresh' needs a generated dataset, not ${dataset.kind}`, { allowed: ['shared', 'bootstrap'] });
  const inputSize = shapeOk ? (inputShape as number[]).reduce((a, b) => a * b, 1) : undefined;
  const telemetry = checkTelemetry(c, top.telemetry, inputSize ?? 0);
  if (telemetry.biasVariance && dataset.kind !== 'function1d' && dataset.kind !== 'surface')
    c.fail('not_allowed', 'telemetry.biasVariance', 'needs a dataset with a known noise-free target (function1d or surface)', { allowed: ['function1d', 'surface'] });
  const runtime = checkRuntime(c, top.runtime);
  const faults = checkFaults(c, top.faults, runtime.lab, training.loss);

  // Architecture against data: shapes chain, output width matches the targets, loss matches the output activation.
  if (c.issues.length === 0) {
    const plans = planModel(inputShape as number[], layers);
    if (!Array.isArray(plans)) c.fail('bad_architecture', `model.layers[${plans.index}]`, plans.problem);
    const shape = datasetShape(dataset);
    if (shape.inputSize !== inputSize)
      c.fail('input_mismatch', 'model.inputShape', `must hold ${shape.inputSize} values for dataset ${dataset.kind}, got [${String(inputShape)}]`, { min: shape.inputSize, max: shape.inputSize });
    const output = layers[layers.length - 1] as LayerSpec;
    if (output.type === 'dense') checkOutput(c, training.loss, output, layers.length - 1, shape);
    checkFaultNeeds(c, faults, training.loss, layers, shape.classes !== null);
    if (Array.isArray(plans)) checkTelemetryRequests(c, telemetry, plans, shape.classes);
  }
  if (c.issues.length > 0) throw new ConfigError(c.issues);
  const resolved: ResolvedConfig = {
    model: { inputShape: [...(inputShape as number[])], layers, initializer, inputDropout },
    training,
    dataset,
    members,
    dataSubset: { type: subset },
    telemetry,
    runtime,
    faults,
  };
  applyFaultRewrites(resolved);
  return resolved;
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
  if (loss === 'categorical_crossentropy' || loss === 'naive_crossentropy') {
    if (output.activation !== 'softmax') c.fail('loss_mismatch', `${f}.activation`, `${loss} needs a softmax output`, { allowed: ['softmax'] });
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
