/**
 * One "Download" menu per figure: PNG, SVG, CSV and JSON. A disclosure (a button with aria-expanded that shows a
 * list of buttons), not an ARIA menu: native buttons keep it usable with a screen reader without menu roles.
 * Keyboard: Enter/Space opens it and focuses the first item; ↑/↓/Home/End move between items; Escape closes it
 * and returns focus to the button; Tab out of it or a click elsewhere closes it.
 */
import { html, uid } from './dom';
import { download } from './export';

export interface ExportMenuLabels {
  /** The menu button ("Baixar"). */
  download: string;
  exportPng: string;
  exportSvg: string;
  exportCsv: string;
  exportJson: string;
}

export interface ExportSources {
  png(): Promise<Blob>;
  svg(): string;
  csv(): string;
  json(): string;
}

export const exportFormats = ['png', 'svg', 'csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const LABEL_KEY = { png: 'exportPng', svg: 'exportSvg', csv: 'exportCsv', json: 'exportJson' } as const;
const MIME = { svg: 'image/svg+xml', csv: 'text/csv', json: 'application/json' } as const;

/** Builds the menu into `parent`; returns a teardown that removes its document listener. */
export function exportMenu(parent: HTMLElement, labels: ExportMenuLabels, sources: ExportSources, fileBase: string): () => void {
  const listId = uid('export');
  const wrapper = html('div', { class: 'dp-plot__export' }, parent);
  const button = html('button', { type: 'button', class: 'dp-plot__button dp-plot__menu-button', 'aria-expanded': 'false', 'aria-controls': listId }, wrapper);
  button.textContent = labels.download;
  const list = html('ul', { class: 'dp-plot__menu', id: listId, hidden: '' }, wrapper);
  const items = exportFormats.map((format) => {
    const item = html('button', { type: 'button', class: 'dp-plot__menu-item', 'data-export': format }, html('li', {}, list));
    item.textContent = labels[LABEL_KEY[format]];
    return item;
  });

  const isOpen = () => button.getAttribute('aria-expanded') === 'true';
  const onOutside = (event: Event) => {
    if (!wrapper.contains(event.target as Node)) setOpen(false);
  };
  const setOpen = (open: boolean, focus: 'first' | 'button' | 'none' = 'none') => {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
    if (open) document.addEventListener('pointerdown', onOutside);
    else document.removeEventListener('pointerdown', onOutside);
    if (focus === 'first') items[0]?.focus();
    if (focus === 'button') button.focus();
  };

  const save = (format: ExportFormat) => {
    if (format === 'png') {
      sources.png().then((blob) => download(blob, `${fileBase}.png`)).catch(() => undefined);
      return;
    }
    download(new Blob([sources[format]()], { type: MIME[format] }), `${fileBase}.${format}`);
  };

  button.addEventListener('click', () => setOpen(!isOpen(), isOpen() ? 'none' : 'first'));
  items.forEach((item, index) => {
    item.addEventListener('click', () => {
      setOpen(false, 'button');
      save(exportFormats[index]!);
    });
  });
  wrapper.addEventListener('keydown', (event) => {
    if (!isOpen()) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const last = items.length - 1;
    const move: Record<string, number | undefined> = { ArrowDown: at >= last ? 0 : at + 1, ArrowUp: at <= 0 ? last : at - 1, Home: 0, End: last };
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false, 'button');
    } else if (move[event.key] !== undefined) {
      event.preventDefault();
      items[move[event.key]!]?.focus();
    }
  });
  wrapper.addEventListener('focusout', (event) => {
    if (isOpen() && !wrapper.contains(event.relatedTarget as Node | null) && event.relatedTarget !== null) setOpen(false);
  });
  return () => document.removeEventListener('pointerdown', onOutside);
}

/** A table as JSON: the same columns (translated headers) and raw values as the CSV; NaN and ±∞ become null. */
export function tableJson(model: { columns: string[]; rows: (number | string | null)[][] }): string {
  return `${JSON.stringify({ columns: model.columns, rows: model.rows })}\n`;
}
