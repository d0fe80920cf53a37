/** Contour rings of a surface (d3-contour marching squares), as polylines in surface coordinates. */
import { contours } from 'd3-contour';
import type { Surface } from './surfaces';

export function contourLines(surface: Surface, columns = 80, rows = 48, levelCount = 12): { level: number; points: { x: number; y: number }[] }[] {
  const { x: [x0, x1], y: [y0, y1] } = surface.extent;
  const values: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      values.push(surface.loss(x0 + ((x1 - x0) * column) / (columns - 1), y0 + ((y1 - y0) * row) / (rows - 1)));
    }
  }
  const low = Math.max(1e-3, Math.min(...values));
  const high = Math.max(...values);
  // Log-spaced levels: a ravine has most of its shape near the floor.
  const levels = Array.from({ length: levelCount }, (_, index) => low * (high / low) ** ((index + 0.5) / levelCount));
  const toX = (column: number) => x0 + ((x1 - x0) * column) / (columns - 1);
  const toY = (row: number) => y0 + ((y1 - y0) * row) / (rows - 1);
  return contours()
    .size([columns, rows])
    .thresholds(levels)(values)
    .flatMap((multi) =>
      multi.coordinates.flatMap((polygon) =>
        polygon.map((ring) => ({ level: multi.value, points: ring.map(([column, row]) => ({ x: toX(column - 0.5), y: toY(row - 0.5) })) })),
      ),
    );
}
