/** Table model of x–y series: one row per distinct x, one column per series (blank where a series has no point). */
import type { LineSeries } from './types';
import type { Cell, TableModel } from './table';

export function seriesTable(series: LineSeries[], xTitle: string): TableModel {
  const rows = new Map<number, Cell[]>();
  series.forEach((s, column) => {
    for (const p of s.points) {
      let row = rows.get(p.x);
      if (!row) {
        row = new Array<Cell>(series.length + 1).fill(null);
        row[0] = p.x;
        rows.set(p.x, row);
      }
      row[column + 1] = p.y;
    }
  });
  return {
    columns: [xTitle, ...series.map((s) => s.name)],
    rows: Array.from(rows.values()).sort((a, b) => (a[0] as number) - (b[0] as number)),
  };
}
