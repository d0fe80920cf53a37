/**
 * Analytic 2-D loss surfaces with their gradients, and the three optimizers as plain update rules:
 *   SGD        θ ← θ − η g
 *   momentum   u ← μ u + g;  θ ← θ − η u                      (μ = 0.9, the engine's default)
 *   Adam       m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;  θ ← θ − η m̂ / (√ŝ + ε)   (bias-corrected)
 */
export interface Surface {
  loss(x: number, y: number): number;
  gradient(x: number, y: number): [number, number];
  start: [number, number];
  extent: { x: [number, number]; y: [number, number] };
}

export const surfaces: Record<'ravine' | 'bowl' | 'saddle', Surface> = {
  /** A long, narrow valley: curvature 0.2 along θ₁, 4 along θ₂. Plain SGD crawls along the floor. */
  ravine: {
    loss: (x, y) => 0.1 * x * x + 2 * y * y,
    gradient: (x, y) => [0.2 * x, 4 * y],
    start: [-4.5, 1.2],
    extent: { x: [-5, 5], y: [-2, 2] },
  },
  /** A round bowl: every optimizer heads straight for the minimum. */
  bowl: {
    loss: (x, y) => 0.5 * (x * x + y * y),
    gradient: (x, y) => [x, y],
    start: [-4, 3],
    extent: { x: [-5, 5], y: [-4, 4] },
  },
  /** A saddle at the origin with two minima at θ₂ = ±√5; starting almost on the ridge. */
  saddle: {
    loss: (x, y) => 0.5 * x * x - 0.5 * y * y + 0.05 * y ** 4 + 1.25,
    gradient: (x, y) => [x, -y + 0.2 * y ** 3],
    start: [-4, 0.02],
    extent: { x: [-5, 5], y: [-3.5, 3.5] },
  },
};

export type OptimizerKey = 'sgd' | 'momentum' | 'adam';
export const optimizerKeys: OptimizerKey[] = ['sgd', 'momentum', 'adam'];

export interface Walker {
  position: [number, number];
  step(surface: Surface, learningRate: number): void;
}

export function createWalker(kind: OptimizerKey, start: [number, number]): Walker {
  const position: [number, number] = [start[0], start[1]];
  const velocity: [number, number] = [0, 0];
  const first: [number, number] = [0, 0];
  const second: [number, number] = [0, 0];
  let t = 0;
  return {
    position,
    step(surface, learningRate) {
      const g = surface.gradient(position[0], position[1]);
      t += 1;
      for (const axis of [0, 1] as const) {
        if (kind === 'sgd') position[axis] -= learningRate * g[axis];
        else if (kind === 'momentum') {
          velocity[axis] = 0.9 * velocity[axis] + g[axis];
          position[axis] -= learningRate * velocity[axis];
        } else {
          first[axis] = 0.9 * first[axis] + 0.1 * g[axis];
          second[axis] = 0.999 * second[axis] + 0.001 * g[axis] ** 2;
          const mHat = first[axis] / (1 - 0.9 ** t);
          const sHat = second[axis] / (1 - 0.999 ** t);
          position[axis] -= (learningRate * mHat) / (Math.sqrt(sHat) + 1e-8);
        }
      }
    },
  };
}
