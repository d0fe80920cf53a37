/**
 * Which configs the dense-wasm path trains (`supports()` in train/compute-paths.ts asks `denseWasmUnsupported`)
 * and the layers its kernel runs.
 */
import type { LayerPlan } from '../../model/shapes';
import type { ResolvedConfig } from '../../resolved';
import { faultHooks, type FaultHook } from '../../faults';
import { MAX_LAYERS } from './layout';
import { isSpatial } from './spatial';

/** Why this config cannot train on dense-wasm, or null when it can: dense layers (no normalization; residual
 * hidden layers without dropout; a dense layer on [positions, features] runs at every position), conv and pool
 * layers (1-D or 2-D, any stride and padding, any activation but softmax) before every dense layer, flatten
 * layers anywhere (they are free), a dense output layer, up to MAX_LAYERS kernel layers, and a loss with a
 * closed-form output gradient. Every optimizer of the registry is implemented (`host.ts` codes them by
 * `OptimizerName`). */
export function denseWasmUnsupported(config: ResolvedConfig, plans: LayerPlan[]): string | null {
  let denseSeen = false;
  for (const plan of plans) {
    // A flatten layer moves nothing in the kernel's row-major memory ([B·S rows][u] is [B rows][S·u]).
    if (plan.spec.type === 'flatten') continue;
    if (isSpatial(plan.spec)) {
      if (denseSeen) return `layer ${plan.index} is ${plan.spec.type} after a dense layer`;
      if ('activation' in plan.spec && plan.spec.activation === 'softmax') return `layer ${plan.index} is ${plan.spec.type} with softmax`;
      continue;
    }
    if (plan.spec.type !== 'dense') return `layer ${plan.index} is ${plan.spec.type}`;
    denseSeen = true;
    if ((plan.spec.normalization ?? 'none') !== 'none') return `layer ${plan.index} is normalized`;
    if (plan.spec.residual && plan.index === plans.length - 1) return 'residual output layer';
    if (plan.spec.residual && [plan.spec.dropout ?? 0, ...config.members.map((m) => m.dropout ?? 0)].some((rate) => rate > 0)) return `layer ${plan.index} is residual with dropout`;
    if (plan.spec.activation === 'softmax' && plan.index !== plans.length - 1) return 'softmax on a hidden layer';
  }
  if (kernelLayers(plans).length > MAX_LAYERS) return `more than ${MAX_LAYERS} layers`;
  const output = plans[plans.length - 1]!.spec;
  if (output.type !== 'dense') return 'the output layer is not dense';
  const activation = output.activation ?? 'linear';
  const loss = config.training.loss;
  if (loss === 'hinge' || loss === 'naive_crossentropy') return `${loss} loss`;
  const missing = faultHooks(config).filter((hook) => !DENSE_WASM_FAULT_HOOKS.includes(hook));
  if (missing.length > 0) return `fault hooks ${missing.join(', ')}`;
  if (loss === 'categorical_crossentropy' && activation !== 'softmax') return 'categorical cross-entropy needs a softmax output';
  if (loss === 'binary_crossentropy' && activation !== 'sigmoid') return 'binary cross-entropy needs a sigmoid output';
  return null;
}

/** The debugging lab's hooks (faults.ts) this path honours: the data hooks (buildMemberData), the repeated
 * batch (prepareEpoch, trainStep) and the rate factor (currentLearningRates). Not `evaluation-dropout` (the
 * kernel's evaluation pass has no masks) nor `loss` (the naive cross-entropy is not in the kernel): tfjs. */
export const DENSE_WASM_FAULT_HOOKS: readonly FaultHook[] = ['input-scale', 'train-labels', 'validation-scaler', 'sampler', 'learning-rate'];

/** The layers the kernel runs, in order: dense, conv and pool layers (flatten layers are no-ops there). */
export function kernelLayers(plans: LayerPlan[]): LayerPlan[] {
  return plans.filter((plan) => plan.spec.type !== 'flatten');
}
