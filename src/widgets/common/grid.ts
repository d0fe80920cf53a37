/** Evenly spaced probe points, as the engine expects them (`[point][feature]`). */
export function grid1D(low: number, high: number, points: number): number[][] {
  return Array.from({ length: points }, (_, index) => [low + ((high - low) * index) / (points - 1)]);
}
