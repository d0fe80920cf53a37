/**
 * Optimizers over population tensors with a learning rate per member (lr has shape [P, 1, 1, …]).
 * Written out rather than taken from tf.train because tf.train optimizers take one scalar rate.
 *
 *   sgd:      θ ← θ - η g
 *   momentum: v ← μ v + g;              θ ← θ - η v                       (tf.train.momentum's form)
 *   nesterov: v ← μ v + g;              θ ← θ - η (g + μ v)               (tf.train.momentum, useNesterov)
 *   rmsprop:  s ← ρ s + (1 - ρ) g²;     θ ← θ - η g / √(s + ε)            (tf.train.rmsprop's form)
 *   adam:     m ← β1 m + (1 - β1) g;  v ← β2 v + (1 - β2) g²;
 *             θ ← θ - η m̂ / (√v̂ + ε),  m̂ = m / (1 - β1^t),  v̂ = v / (1 - β2^t)
 */
import * as tf from '../tf';
import type { ResolvedConfig } from '../resolved';
import { OPTIMIZERS } from '../registry/optimizers';

export type OptimizerSettings = ResolvedConfig['training']['optimizer'];

/** Slots of optimizer state per parameter, from the registry (`registry/optimizers.ts`). */
export function stateSlots(name: OptimizerSettings['name']): readonly string[] {
  return OPTIMIZERS[name].slots;
}

export interface UpdateResult {
  param: tf.Tensor;
  state: tf.Tensor[];
}

/** One update of one parameter. `step` counts from 1 (Adam's bias correction). */
export function applyUpdate(settings: OptimizerSettings, param: tf.Tensor, gradient: tf.Tensor, state: tf.Tensor[], learningRate: tf.Tensor, step: number): UpdateResult {
  switch (settings.name) {
    case 'sgd':
      return { param: tf.sub(param, tf.mul(learningRate, gradient)), state: [] };
    case 'momentum': {
      const velocity = tf.add(tf.mul(settings.momentum, state[0] as tf.Tensor), gradient);
      return { param: tf.sub(param, tf.mul(learningRate, velocity)), state: [velocity] };
    }
    case 'nesterov': {
      const velocity = tf.add(tf.mul(settings.momentum, state[0] as tf.Tensor), gradient);
      const step = tf.add(gradient, tf.mul(settings.momentum, velocity));
      return { param: tf.sub(param, tf.mul(learningRate, step)), state: [velocity] };
    }
    case 'rmsprop': {
      const rho = settings.beta1;
      const meanSquare = tf.add(tf.mul(rho, state[0] as tf.Tensor), tf.mul(1 - rho, tf.square(gradient)));
      const update = tf.div(gradient, tf.sqrt(tf.add(meanSquare, settings.epsilon)));
      return { param: tf.sub(param, tf.mul(learningRate, update)), state: [meanSquare] };
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = settings;
      const m = tf.add(tf.mul(beta1, state[0] as tf.Tensor), tf.mul(1 - beta1, gradient));
      const v = tf.add(tf.mul(beta2, state[1] as tf.Tensor), tf.mul(1 - beta2, tf.square(gradient)));
      const mHat = tf.div(m, 1 - beta1 ** step);
      const vHat = tf.div(v, 1 - beta2 ** step);
      const update = tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon));
      return { param: tf.sub(param, tf.mul(learningRate, update)), state: [m, v] };
    }
  }
}
