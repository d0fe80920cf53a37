/** The "show data as a table" view and the CSV text share one model: columns and rows of raw values. */
import { html } from './dom';
import { formatFixed, formatValue } from './format';

export type Cell = number | string | null;

export interface TableModel {
  columns: string[];
  rows: Cell[][];
  /** Integer cells are counts, shown exactly ("118 282", not "118 300"). */
  integers?: boolean;
}

/** Evenly sampled row indices (first and last kept) when there are more rows than `max`. */
export function sampleRows<T>(rows: T[], max: number): T[] {
  if (rows.length <= max || max < 2) return rows;
  const out: T[] = [];
  const step = (rows.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(rows[Math.round(i * step)]!);
  return out;
}

function cellText(value: Cell, locale: string, integers: boolean): string {
  if (value === null) return '';
  if (typeof value !== 'number') return value;
  return integers && Number.isInteger(value) ? formatFixed(locale, value, 0) : formatValue(locale, value);
}

/** Render an accessible table (caption, column headers, first cell of each row as row header). */
export function renderTable(region: HTMLElement, model: TableModel, caption: string, locale: string, maxRows: number, captionId?: string): HTMLTableElement {
  const table = html('table', { class: 'dp-plot__data' });
  html('caption', { id: captionId }, table).textContent = caption;
  const headRow = html('tr', {}, html('thead', {}, table));
  for (const name of model.columns) html('th', { scope: 'col' }, headRow).textContent = name;
  const body = html('tbody', {}, table);
  for (const row of sampleRows(model.rows, maxRows)) {
    const tr = html('tr', {}, body);
    row.forEach((value, i) => {
      const cell = html(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}, tr);
      cell.textContent = cellText(value, locale, model.integers === true);
    });
  }
  region.replaceChildren(table);
  return table;
}

function csvField(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : String(value)) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with every row; numbers are machine-readable (dot decimals), headers are the translated names. */
export function toCsv(model: TableModel): string {
  const lines = [model.columns.map(csvField).join(',')];
  for (const row of model.rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
