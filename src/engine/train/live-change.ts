/**
 * Live changes of hyperparameters (`trainer.set`), for any compute path: a full copy of the config is
 * changed and validated first, so a rejected value leaves the run untouched; then the kernel takes the new
 * config. A new batch size keeps the epoch count continuous (the step counter is rescaled).
 */
import type { LiveParam, RunConfig } from '../config';
import { EngineError } from '../errors';
import type { ResolvedConfig } from '../resolved';
import { validateConfig } from '../validate';
import type { PopulationKernel } from './kernel';

export const LIVE_PARAMS: LiveParam[] = ['learningRate', 'momentum', 'l1', 'l2', 'weightDecay', 'batchSize', 'clipNorm', 'telemetryEvery', 'memberLearningRate'];

/** The config with one live parameter changed, validated (throws EngineError/ConfigError, nothing applied). */
export function changedConfig(config: ResolvedConfig, param: LiveParam, value: number | number[]): ResolvedConfig {
  const members = config.members.length;
  const raw = toRunConfig(config);
  const population = raw.population ?? { size: members };
  if (param === 'memberLearningRate') {
    if (!Array.isArray(value) || value.length !== members)
      throw new EngineError('length_mismatch', `memberLearningRate needs ${members} values`, 'population.members', { min: members, max: members });
    raw.population = { ...population, members: (population.members ?? []).map((m, p) => ({ ...m, learningRate: value[p] as number })) };
  } else {
    if (typeof value !== 'number') throw new EngineError('not_allowed', `${param} needs a number`, param);
    if (param === 'learningRate') {
      raw.training.optimizer.learningRate = value;
      raw.population = { ...population, members: (population.members ?? []).map((m) => ({ ...m, learningRate: value })) };
    } else if (param === 'momentum') raw.training.optimizer.momentum = value;
    else if (param === 'clipNorm') raw.training.optimizer.clipNorm = value;
    else if (param === 'batchSize') raw.training.batchSize = value;
    else if (param === 'telemetryEvery') raw.telemetry = { ...raw.telemetry, every: value };
    else if (param === 'l1' || param === 'l2' || param === 'weightDecay') {
      raw.training.regularization = { ...raw.training.regularization, [param]: value };
      raw.population = { ...population, members: (population.members ?? []).map((m) => ({ ...m, [param]: value })) };
    } else throw new EngineError('not_allowed', `unknown live parameter ${String(param)}`, 'param', { allowed: LIVE_PARAMS });
  }
  return validateConfig(raw);
}

/** Applies a live change to a kernel. */
export function setLive(kernel: PopulationKernel, param: LiveParam, value: number | number[]): void {
  const resolved = changedConfig(kernel.config, param, value);
  const batchChanged = resolved.training.batchSize !== kernel.config.training.batchSize;
  const epochs = kernel.epoch;
  kernel.reconfigure(resolved);
  if (batchChanged) kernel.step = Math.round(epochs * kernel.stepsPerEpoch);
}

/** A resolved config back into the input form (for validated live changes). */
export function toRunConfig(c: ResolvedConfig): RunConfig {
  const copy = JSON.parse(JSON.stringify(c)) as ResolvedConfig;
  return {
    model: copy.model,
    training: (({ l1, l2, weightDecay, ...rest }) => ({ ...rest, regularization: { l1, l2, weightDecay } }))(copy.training),
    dataset: copy.dataset,
    population: {
      size: copy.members.length,
      dataSubset: copy.dataSubset,
      members: copy.members.map((m) => ({
        seed: m.seed,
        initSeed: m.initSeed,
        learningRate: m.learningRate,
        l1: m.l1,
        l2: m.l2,
        weightDecay: m.weightDecay,
        ...(m.dropout === null ? {} : { dropout: m.dropout }),
        ...(m.initializer === null ? {} : { initializer: m.initializer }),
        label: m.label,
      })),
    },
    telemetry: { ...copy.telemetry, probe: copy.telemetry.probe ?? false },
    runtime: copy.runtime,
    ...(copy.faults.length > 0 ? { faults: copy.faults } : {}),
  };
}
