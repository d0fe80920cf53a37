/**
 * The 18 trials: a 3×3 grid and 9 random points over learning rate ∈ [1e-3, 1] (log) and L2 ∈ [1e-6, 1e-4]
 * (log). The grid tries only three learning rates; random search tries nine different ones (Bergstra &
 * Bengio 2012), which is what matters when only one of the two hyperparameters does.
 */
import { seededRandom } from '../common/random';

export interface Trial {
  search: 'grid' | 'random';
  learningRate: number;
  l2: number;
}

const LR = [-3, 0] as const;
const L2 = [-6, -4] as const;
const round = (value: number) => Number(value.toPrecision(3));

export function trials(seed: number): Trial[] {
  const grid: Trial[] = [];
  for (const a of [0, 0.5, 1]) {
    for (const b of [0, 0.5, 1]) {
      grid.push({ search: 'grid', learningRate: round(10 ** (LR[0] + a * (LR[1] - LR[0]))), l2: round(10 ** (L2[0] + b * (L2[1] - L2[0]))) });
    }
  }
  const random = seededRandom(seed);
  const sampled: Trial[] = Array.from({ length: 9 }, () => ({
    search: 'random' as const,
    learningRate: round(10 ** (LR[0] + random() * (LR[1] - LR[0]))),
    l2: round(10 ** (L2[0] + random() * (L2[1] - L2[0]))),
  }));
  return [...grid, ...sampled];
}
