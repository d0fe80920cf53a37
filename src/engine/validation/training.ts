/** Validation of training, population, telemetry and runtime against the registries (`registry/`). */
import { BACKEND_CHOICES } from '../backends-order';
import type { ScheduleSpec } from '../config';

export { BACKEND_CHOICES };
import { LOSS_NAMES } from '../registry/losses';
import { OPTIMIZER_NAMES, OPTIMIZER_SETTINGS, OPTIMIZER_SETTING_NAMES } from '../registry/optimizers';
import { REGULARIZATION_FIELDS, REGULARIZERS, WEIGHT_DECAY } from '../registry/regularizers';
import { SCHEDULES, SCHEDULE_NAMES, type ScheduleEntry } from '../registry/schedules';
import type { ResolvedConfig, ResolvedMember } from '../resolved';
import { Checker, nonNegative, seedRange, type Fields } from './checker';
import { checkInitializer } from './layers';
import type { LayerPlan } from '../model/shapes';

export const MAX_POPULATION = 1024;
/** Optimizer settings are shared (a live change may set momentum whatever the optimizer); defaults and ranges
 * come from the registry (`OPTIMIZER_SETTINGS`). */
const OPTIMIZER_FIELDS = ['name', 'learningRate', ...OPTIMIZER_SETTING_NAMES, 'schedule', 'clipNorm', 'clipValue'];
const TRAINING_FIELDS = ['loss', 'optimizer', 'regularization', 'batchSize', 'seed', 'epochs', 'steps', 'stepsPerReadback'];
const MEMBER_FIELDS = ['seed', 'initSeed', 'learningRate', ...REGULARIZATION_FIELDS, 'dropout', 'initializer', 'label'];
const TELEMETRY_FIELDS = ['every', 'layerStats', 'activationStats', 'histogramBins', 'probe', 'biasVariance', 'validation', 'trainMetrics', 'confusion', 'preActivationHistograms', 'params', 'paramsEvery'];

function checkSchedule(c: Checker, value: unknown): ScheduleSpec {
  if (value === undefined) return { type: 'constant' };
  const raw = value !== null && typeof value === 'object' ? (value as { type?: unknown }) : {};
  const type = c.oneOf('training.optimizer.schedule.type', raw.type, SCHEDULE_NAMES);
  const entry: ScheduleEntry = SCHEDULES[type];
  const fields = c.object('training.optimizer.schedule', value, ['type', ...Object.keys(entry.params)]) ?? {};
  const out: Record<string, unknown> = { type };
  for (const [name, range] of Object.entries(entry.params)) out[name] = c.number(`training.optimizer.schedule.${name}`, fields[name], undefined, range);
  return out as unknown as ScheduleSpec;
}

export function checkTraining(c: Checker, value: unknown): ResolvedConfig['training'] {
  const t = c.object('training', value, TRAINING_FIELDS) ?? {};
  const o = c.object('training.optimizer', t.optimizer, OPTIMIZER_FIELDS) ?? {};
  const r = c.object('training.regularization', t.regularization, [...REGULARIZATION_FIELDS], false) ?? {};
  const setting = (name: (typeof OPTIMIZER_SETTING_NAMES)[number]) => c.number(`training.optimizer.${name}`, o[name], OPTIMIZER_SETTINGS[name].fallback, OPTIMIZER_SETTINGS[name].range);
  return {
    loss: c.oneOf('training.loss', t.loss, LOSS_NAMES),
    optimizer: {
      name: c.oneOf('training.optimizer.name', o.name, OPTIMIZER_NAMES),
      learningRate: c.number('training.optimizer.learningRate', o.learningRate, undefined, { min: 0, max: 100 }),
      momentum: setting('momentum'),
      beta1: setting('beta1'),
      beta2: setting('beta2'),
      epsilon: setting('epsilon'),
      schedule: checkSchedule(c, o.schedule),
      clipNorm: c.number('training.optimizer.clipNorm', o.clipNorm, 0, nonNegative),
      clipValue: c.number('training.optimizer.clipValue', o.clipValue, 0, nonNegative),
    },
    l1: c.number('training.regularization.l1', r.l1, 0, REGULARIZERS.l1.range),
    l2: c.number('training.regularization.l2', r.l2, 0, REGULARIZERS.l2.range),
    weightDecay: c.number('training.regularization.weightDecay', r.weightDecay, 0, WEIGHT_DECAY.range),
    batchSize: c.number('training.batchSize', t.batchSize, undefined, { min: 1, max: 100000, integer: true }),
    seed: c.number('training.seed', t.seed, undefined, seedRange),
    epochs: c.number('training.epochs', t.epochs, 0, { min: 0, max: 1e6, integer: true }),
    steps: c.number('training.steps', t.steps, 0, { min: 0, max: 1e8, integer: true }),
    stepsPerReadback: c.number('training.stepsPerReadback', t.stepsPerReadback, 10, { min: 1, max: 10000, integer: true }),
  };
}

export function checkPopulation(c: Checker, value: unknown, base: ResolvedConfig['training']): { members: ResolvedMember[]; subset: 'shared' | 'bootstrap' | 'fresh' } {
  const population = c.object('population', value, ['size', 'members', 'dataSubset'], false) ?? {};
  const size = c.number('population.size', population.size, 1, { min: 1, max: MAX_POPULATION, integer: true });
  let overrides: unknown[] = [];
  if (population.members !== undefined) {
    if (!Array.isArray(population.members) || population.members.length !== size)
      c.fail('length_mismatch', 'population.members', `must be a list of population.size = ${size} entries`, { min: size, max: size });
    else overrides = population.members;
  }
  const members: ResolvedMember[] = [];
  for (let p = 0; p < size; p++) {
    const f = `population.members[${p}]`;
    const o: Fields = (p < overrides.length ? c.object(f, overrides[p], MEMBER_FIELDS) : null) ?? {};
    const seed = c.number(`${f}.seed`, o.seed, base.seed, seedRange);
    members.push({
      seed,
      initSeed: c.number(`${f}.initSeed`, o.initSeed, seed, seedRange),
      learningRate: c.number(`${f}.learningRate`, o.learningRate, base.optimizer.learningRate, { min: 0, max: 100 }),
      l1: c.number(`${f}.l1`, o.l1, base.l1, REGULARIZERS.l1.range),
      l2: c.number(`${f}.l2`, o.l2, base.l2, REGULARIZERS.l2.range),
      weightDecay: c.number(`${f}.weightDecay`, o.weightDecay, base.weightDecay, WEIGHT_DECAY.range),
      dropout: o.dropout === undefined ? null : c.number(`${f}.dropout`, o.dropout, undefined, { min: 0, max: 0.95 }),
      initializer: o.initializer === undefined ? null : checkInitializer(c, `${f}.initializer`, o.initializer, { name: 'glorot_uniform' }),
      label: c.string(`${f}.label`, o.label, ''),
    });
  }
  const subset = c.object('population.dataSubset', population.dataSubset, ['type'], false) ?? {};
  return { members, subset: c.oneOf('population.dataSubset.type', subset.type, ['shared', 'bootstrap', 'fresh'] as const, 'shared') };
}

export function checkTelemetry(c: Checker, value: unknown, inputSize: number): ResolvedConfig['telemetry'] {
  const tel = c.object('telemetry', value, TELEMETRY_FIELDS, false) ?? {};
  let probe: ResolvedConfig['telemetry']['probe'] = null;
  if (tel.probe === true) probe = {};
  else if (tel.probe !== undefined && tel.probe !== false) {
    const fields = c.object('telemetry.probe', tel.probe, ['inputs', 'resolution']) ?? {};
    probe = {};
    if (fields.inputs !== undefined) probe.inputs = c.rows('telemetry.probe.inputs', fields.inputs, inputSize) ?? [];
    if (fields.resolution !== undefined) probe.resolution = c.number('telemetry.probe.resolution', fields.resolution, undefined, { min: 2, max: 400, integer: true });
  }
  return {
    every: c.number('telemetry.every', tel.every, 10, { min: 1, max: 1e6, integer: true }),
    layerStats: c.boolean('telemetry.layerStats', tel.layerStats, true),
    activationStats: c.boolean('telemetry.activationStats', tel.activationStats, false),
    histogramBins: c.number('telemetry.histogramBins', tel.histogramBins, 0, { min: 0, max: 256, integer: true }),
    probe,
    biasVariance: c.boolean('telemetry.biasVariance', tel.biasVariance, false),
    validation: c.boolean('telemetry.validation', tel.validation, true),
    trainMetrics: c.boolean('telemetry.trainMetrics', tel.trainMetrics, true),
    confusion: c.boolean('telemetry.confusion', tel.confusion, false),
    preActivationHistograms: c.boolean('telemetry.preActivationHistograms', tel.preActivationHistograms, false),
    params: checkParamNames(c, tel.params),
    paramsEvery: c.number('telemetry.paramsEvery', tel.paramsEvery, 1, { min: 1, max: 1e6, integer: true }),
  };
}

/** Telemetry requests against the model and the data: confusion needs classes and validation, pre-activation
 * histograms need histogram bins, streamed parameters must exist. */
export function checkTelemetryRequests(c: Checker, telemetry: ResolvedConfig['telemetry'], plans: LayerPlan[], classes: number | null): void {
  if (telemetry.confusion && classes === null) c.fail('not_allowed', 'telemetry.confusion', 'needs a classification dataset');
  if (telemetry.confusion && !telemetry.validation) c.fail('not_allowed', 'telemetry.confusion', 'needs telemetry.validation', { allowed: ['true'] });
  if (telemetry.preActivationHistograms && telemetry.histogramBins === 0)
    c.fail('not_allowed', 'telemetry.preActivationHistograms', 'needs telemetry.histogramBins > 0', { min: 1, max: 256, integer: true });
  const names = plans.flatMap((plan) => plan.params.map((param) => param.name));
  telemetry.params.forEach((name, i) => {
    if (!names.includes(name)) c.fail('not_allowed', `telemetry.params[${i}]`, `no parameter ${JSON.stringify(name)} in this model`, { allowed: names });
  });
}

/** A list of distinct parameter names; whether the model has them is checked against its plan (`validate.ts`). */
function checkParamNames(c: Checker, value: unknown): string[] {
  if (value === undefined) return [];
  const ok = Array.isArray(value) && value.every((name) => typeof name === 'string' && name.length > 0) && new Set(value).size === value.length;
  if (!ok) c.fail('not_allowed', 'telemetry.params', `must be a list of distinct parameter names, got ${JSON.stringify(value)}`);
  return ok ? [...(value as string[])] : [];
}

export function checkRuntime(c: Checker, value: unknown): ResolvedConfig['runtime'] {
  const runtime = c.object('runtime', value, ['backend', 'wasmPath', 'lab'], false) ?? {};
  return {
    backend: c.oneOf('runtime.backend', runtime.backend, BACKEND_CHOICES, 'first'),
    wasmPath: c.string('runtime.wasmPath', runtime.wasmPath, '/tfjs-wasm/'),
    lab: c.boolean('runtime.lab', runtime.lab, false),
  };
}
