/**
 * How many parameters a model has, per layer and in total, from its config alone (no tensors): for fair
 * comparisons at an equal parameter budget (chapter 3: an MLP against a convnet of the same size) and for
 * the «count the trainable variables» unit test of chapter 4. Batch-norm running statistics are not
 * parameters (they are not learned by gradient descent) and are not counted.
 */
import type { ModelConfig } from '../config';
import { planModel } from './shapes';

export interface ParameterCount {
  total: number;
  /** Parameters of layers with `trainable !== false`. */
  trainable: number;
  /** Every layer in order, pooling and flatten layers with 0. */
  byLayer: { name: string; count: number; trainable: boolean }[];
}

export function countParameters(model: Pick<ModelConfig, 'inputShape' | 'layers'>): ParameterCount {
  const plans = planModel(model.inputShape, model.layers);
  if (!Array.isArray(plans)) throw new RangeError(`layer ${plans.index}: ${plans.problem}`);
  const byLayer = plans.map((plan) => ({
    name: plan.name,
    count: plan.params.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0),
    trainable: !('trainable' in plan.spec) || plan.spec.trainable !== false,
  }));
  const total = byLayer.reduce((sum, l) => sum + l.count, 0);
  const trainable = byLayer.filter((l) => l.trainable).reduce((sum, l) => sum + l.count, 0);
  return { total, trainable, byLayer };
}
