/**
 * Planted bugs for chapter 4's debugging lab (`docs/project-lifecycle/outline.md`, «Experiment
 * `debugging-lab`»): one registry keyed by stable strings. A fault is a config rewrite (applied by validation,
 * idempotent, so a live change that validates the config again does not apply it twice) and/or named hooks
 * that the engine honours where the bug lives:
 *
 *   input-scale         datasets/index.ts   every split's inputs ×255 (the scaler too, so `predict` agrees)
 *   train-labels        datasets/index.ts   the training labels permuted among the training rows
 *   validation-scaler   datasets/index.ts   the validation split standardized with its own statistics
 *   sampler             the epoch layout    every step trains on the first minibatch of epoch 0
 *   evaluation-dropout  evaluation forward  dropout masks drawn afresh at every evaluation pass
 *   loss                loss registry       `naive_crossentropy`: −Σ y log(softmax z), no ε, not from logits
 *   learning-rate       per-member rates    η × `rateFactor` (a factor, not a rewrite: a rewrite would
 *                                           multiply again at every live change)
 *
 * A config with faults is accepted only with `runtime.lab: true` (validation/faults.ts), so no lesson ships a
 * bug by accident. A compute path either honours every hook of the config's faults or its `supports()` says
 * no (train/compute-paths.ts: `FAULT_HOOKS_BY_PATH`), and the run goes to one that does. No tfjs here.
 */
import type { DenseLayerSpec } from './config';
import type { ResolvedConfig } from './resolved';

export const FAULT_HOOKS = ['input-scale', 'train-labels', 'validation-scaler', 'sampler', 'evaluation-dropout', 'loss', 'learning-rate'] as const;
export type FaultHook = (typeof FAULT_HOOKS)[number];

export interface FaultEntry {
  /** The hooks the engine must honour for this fault. */
  hooks: readonly FaultHook[];
  /** What the fault needs of the config, checked by validation: a classification dataset, a hidden dense layer,
   * a cross-entropy on a softmax output. */
  needs: 'any' | 'classification' | 'hidden-dense' | 'softmax-crossentropy';
  /** Idempotent rewrite of the resolved config (a copy, owned by validation). */
  rewrite?(config: ResolvedConfig): void;
  /** Multiplies every member's learning rate (the `learning-rate` hook). */
  rateFactor?: number;
}

/** Dropout rate the `dropout-at-inference` fault puts on every hidden dense layer. */
export const FAULT_DROPOUT = 0.5;
/** Input scale of `unnormalized-inputs`: pixels in [0, 255] instead of [0, 1]. */
export const FAULT_INPUT_SCALE = 255;

const hiddenDense = (config: ResolvedConfig): DenseLayerSpec[] =>
  config.model.layers.slice(0, -1).filter((layer): layer is DenseLayerSpec => layer.type === 'dense');

export const FAULTS = {
  'unnormalized-inputs': { hooks: ['input-scale'], needs: 'any' },
  'zero-init': {
    hooks: [],
    needs: 'any',
    rewrite: (config) => {
      config.model.initializer = { name: 'zeros' };
      for (const layer of config.model.layers) {
        if (layer.type === 'dense') Object.assign(layer, { initializer: { name: 'zeros' }, biasInitializer: { name: 'zeros' } });
        else if (layer.type === 'conv1d' || layer.type === 'conv2d') layer.initializer = { name: 'zeros' };
      }
      for (const member of config.members) member.initializer = null;
    },
  },
  'dropout-at-inference': {
    hooks: ['evaluation-dropout'],
    needs: 'hidden-dense',
    rewrite: (config) => {
      for (const layer of hiddenDense(config)) layer.dropout = FAULT_DROPOUT;
      for (const member of config.members) member.dropout = null;
    },
  },
  'learning-rate-x100': { hooks: ['learning-rate'], needs: 'any', rateFactor: 100 },
  'shuffled-labels': { hooks: ['train-labels'], needs: 'classification' },
  'repeated-batch': { hooks: ['sampler'], needs: 'any' },
  // The rate ×100 drives the logits apart: at ×10 the largest logit spread of the project model stayed at 40–58
  // over 15 epochs (claims check), far from the ≈ 104 where float32 softmax underflows; at ×100 it passes it. The
  // same rate with the stable loss is the `learning-rate-x100` bug, which never diverges: the NaN is the loss's.
  'log-zero-nan': {
    hooks: ['loss', 'learning-rate'],
    needs: 'softmax-crossentropy',
    rateFactor: 100,
    rewrite: (config) => {
      config.training.loss = 'naive_crossentropy';
    },
  },
  'validation-own-statistics': {
    hooks: ['validation-scaler'],
    needs: 'any',
    rewrite: (config) => {
      config.dataset.scaleInputs = true;
    },
  },
} as const satisfies Record<string, FaultEntry>;

export type FaultKey = keyof typeof FAULTS;
export const FAULT_KEYS = Object.keys(FAULTS) as FaultKey[];

const entry = (key: FaultKey): FaultEntry => FAULTS[key];

/** True when the config carries a fault that needs `hook`. */
export function hasFaultHook(config: Pick<ResolvedConfig, 'faults'>, hook: FaultHook): boolean {
  return config.faults.some((key) => entry(key).hooks.includes(hook));
}

/** Every hook the config's faults need. */
export function faultHooks(config: Pick<ResolvedConfig, 'faults'>): FaultHook[] {
  return [...new Set(config.faults.flatMap((key) => entry(key).hooks))];
}

/** The product of the faults' learning-rate factors (1 without faults). */
export function faultRateFactor(config: Pick<ResolvedConfig, 'faults'>): number {
  return config.faults.reduce((factor, key) => factor * (entry(key).rateFactor ?? 1), 1);
}

/** Applies the faults' rewrites to a resolved config (in place; validation passes its own copy). */
export function applyFaultRewrites(config: ResolvedConfig): void {
  for (const key of config.faults) entry(key).rewrite?.(config);
}
