/**
 * The accessible frame every plot lives in: <figure> with caption, toolbar (table toggle, downloads,
 * optional controls), a focusable plot area holding canvas layers and one role="img" SVG with <title>/<desc>,
 * an aria-live readout and the data table. Plots draw into `figure.svg` and answer the hooks.
 */
import type { BaseOptions, PlotHandle, PlotLabels } from './types';
import { html, setAttrs, setText, svg as svgNode, uid } from './dom';
import { renderTable, toCsv, type TableModel } from './table';
import { renderPng, serializeSvg } from './export';
import { exportMenu, tableJson } from './export-menu';

export interface Size {
  width: number;
  height: number;
}

export interface FigureHooks {
  /** The data as a table model (also the CSV, and the JSON unless `json` is given). */
  table(): TableModel;
  /** JSON export text, for plots whose data is richer than their table. */
  json?(): string;
  /** Called once at start and whenever the width changes. */
  layout(size: Size): void;
  /** Keyboard on the plot area; return true when handled. */
  key?(event: KeyboardEvent): boolean;
  /** Pointer over the plot, in SVG user units; null when it leaves. */
  pointer?(point: { x: number; y: number } | null): void;
  focus?(focused: boolean): void;
}

export interface Figure {
  root: HTMLElement;
  toolbar: HTMLElement;
  area: HTMLElement;
  svg: SVGSVGElement;
  size: Size;
  locale: string;
  /**
   * Show a readout. It is also announced (aria-live) when it answers a key press; readouts from hovering or
   * from live data updates only change the visible line, so training does not flood a screen reader.
   */
  readout(text: string): void;
  /** Grow the height to at least `min` (e.g. when a legend wraps on a narrow screen). */
  ensureHeight(min: number): void;
  /** Recompute the height (for plots whose height depends on their data) without a layout call. */
  remeasure(): void;
  /** Re-render the table if it is open (throttled to one per second). */
  tableChanged(): void;
  exportData(): string;
  exportSvg(): string;
  exportPng(): Promise<Blob>;
  destroy(): void;
}

const REQUIRED: Array<keyof PlotLabels> = ['title', 'description', 'showTable', 'hideTable', 'download', 'exportPng', 'exportSvg', 'exportCsv', 'exportJson', 'keyboardHint'];

/** Fail loudly when a translated string is missing: plots never invent user-visible text. */
export function checkLabels(labels: object, required: readonly string[], kind: string): void {
  const record = labels as Record<string, unknown>;
  const missing = required.filter((key) => typeof record[key] !== 'string');
  if (missing.length) throw new Error(`${kind}: missing labels ${missing.join(', ')} (all visible text is passed in, translated)`);
}

function heightFor(options: BaseOptions, width: number): number {
  if (typeof options.height === 'function') return Math.round(options.height(width));
  if (typeof options.height === 'number') return options.height;
  return Math.round(Math.max(220, Math.min(420, width * 0.62)));
}

export function createFigure(
  container: HTMLElement,
  kind: string,
  options: BaseOptions & { labels: PlotLabels },
  dataFormat: 'csv' | 'json',
  hooks: FigureHooks,
  controls: HTMLElement[] = [],
): Figure {
  const { labels, locale } = options;
  checkLabels(labels, REQUIRED, kind);
  const ids = { title: uid('title'), desc: uid('desc'), hint: uid('hint'), table: uid('table'), caption: uid('caption'), tableCaption: uid('table-caption') };
  const fileBase = options.fileName ?? kind;
  const maxRows = options.tableMaxRows ?? 200;

  const root = html('figure', { class: `dp-plot dp-plot--${kind}` });
  const caption = html('figcaption', { class: 'dp-plot__caption', id: ids.caption }, root);
  caption.textContent = labels.title;

  const toolbar = html('div', { class: 'dp-plot__toolbar' }, root);
  for (const control of controls) toolbar.appendChild(control);
  const tableButton = html('button', { type: 'button', class: 'dp-plot__button', 'aria-expanded': 'false', 'aria-controls': ids.table }, toolbar);
  tableButton.textContent = labels.showTable;

  const area = html('div', { class: 'dp-plot__area', tabindex: 0, role: 'group', 'aria-labelledby': ids.caption, 'aria-describedby': ids.hint }, root);
  const svgEl = svgNode('svg', { class: 'dp-plot__svg', role: 'img', 'aria-labelledby': ids.title, 'aria-describedby': ids.desc, focusable: 'false' }, area);
  svgNode('title', { id: ids.title }, svgEl).textContent = labels.title;
  svgNode('desc', { id: ids.desc }, svgEl).textContent = labels.description;

  const hint = html('p', { class: 'dp-plot__hint', id: ids.hint }, root);
  hint.textContent = labels.keyboardHint;
  const readoutLine = html('p', { class: 'dp-plot__readout', 'aria-hidden': 'true' }, root);
  const live = html('p', { class: 'dp-plot__live', 'aria-live': 'polite', 'aria-atomic': 'true' }, root);
  let fromKeyboard = false;
  // Scrollable, so it must be focusable for keyboard users (axe: scrollable-region-focusable).
  const tableRegion = html('div', { class: 'dp-plot__table', id: ids.table, hidden: '', tabindex: 0, role: 'group', 'aria-labelledby': ids.tableCaption }, root);

  const measure = (): Size => {
    const width = Math.max(240, Math.round(area.clientWidth || container.clientWidth || options.width || 640));
    return { width, height: heightFor(options, width) };
  };
  let size = measure();
  const applySize = () => setAttrs(svgEl, { viewBox: `0 0 ${size.width} ${size.height}` });
  applySize();

  let tableOpen = false;
  let lastTable = 0;
  let tableTimer: ReturnType<typeof setTimeout> | undefined;
  const drawTable = () => {
    lastTable = Date.now();
    renderTable(tableRegion, hooks.table(), labels.title, locale, maxRows, ids.tableCaption);
  };
  const setTableOpen = (open: boolean) => {
    tableOpen = open;
    tableButton.setAttribute('aria-expanded', String(open));
    setText(tableButton, open ? labels.hideTable : labels.showTable);
    if (open) {
      tableRegion.removeAttribute('hidden');
      drawTable();
    } else {
      tableRegion.setAttribute('hidden', '');
      tableRegion.replaceChildren();
    }
  };

  // Every figure offers both data formats; `dataFormat` names the one `exportData` returns (the plot's native one).
  const exportCsv = () => toCsv(hooks.table());
  const exportJson = () => (hooks.json ? hooks.json() : tableJson(hooks.table()));
  const exportData = () => (dataFormat === 'json' ? exportJson() : exportCsv());
  const exportSvg = () => serializeSvg(svgEl, root, area);
  const exportPng = () => renderPng(area, svgEl, root);
  const closeMenu = exportMenu(toolbar, labels, { png: exportPng, svg: exportSvg, csv: exportCsv, json: exportJson }, fileBase);

  const listeners: Array<[EventTarget, string, EventListener]> = [];
  const on = <E extends Event>(target: EventTarget, type: string, fn: (e: E) => void) => {
    target.addEventListener(type, fn as EventListener);
    listeners.push([target, type, fn as EventListener]);
  };
  on(tableButton, 'click', () => setTableOpen(!tableOpen));
  on<KeyboardEvent>(area, 'keydown', (e) => {
    fromKeyboard = true;
    try {
      if (hooks.key?.(e)) e.preventDefault();
    } finally {
      fromKeyboard = false;
    }
  });
  on(area, 'focus', () => hooks.focus?.(true));
  on(area, 'blur', () => hooks.focus?.(false));
  on<PointerEvent>(area, 'pointermove', (e) => {
    const rect = svgEl.getBoundingClientRect();
    if (!rect.width) return;
    hooks.pointer?.({ x: ((e.clientX - rect.left) * size.width) / rect.width, y: ((e.clientY - rect.top) * size.height) / rect.height });
  });
  on(area, 'pointerleave', () => hooks.pointer?.(null));

  let observer: ResizeObserver | undefined;
  if (typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(() => {
      const next = measure();
      if (Math.abs(next.width - size.width) < 1) return;
      size = next;
      figure.size = size;
      applySize();
      hooks.layout(size);
    });
    observer.observe(area);
  }

  container.appendChild(root);

  const figure: Figure = {
    root,
    toolbar,
    area,
    svg: svgEl,
    size,
    locale,
    readout(text) {
      setText(readoutLine, text);
      if (fromKeyboard) setText(live, text);
    },
    ensureHeight(min) {
      if (size.height >= min) return;
      size = { ...size, height: Math.ceil(min) };
      figure.size = size;
      applySize();
    },
    remeasure() {
      size = measure();
      figure.size = size;
      applySize();
    },
    tableChanged() {
      if (!tableOpen) return;
      const wait = 1000 - (Date.now() - lastTable);
      if (wait <= 0) drawTable();
      else if (!tableTimer) tableTimer = setTimeout(() => {
        tableTimer = undefined;
        if (tableOpen) drawTable();
      }, wait);
    },
    exportData,
    exportSvg,
    exportPng,
    destroy() {
      observer?.disconnect();
      closeMenu();
      if (tableTimer) clearTimeout(tableTimer);
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
      root.remove();
    },
  };
  // First layout happens after the plot has attached its groups: plots call `hooks.layout(figure.size)` themselves.
  size = measure();
  figure.size = size;
  applySize();
  return figure;
}

/** The handle a plot returns: exports and teardown go through its figure; `cleanup` runs first. */
export function plotHandle<Data>(
  figure: Figure,
  dataFormat: 'csv' | 'json',
  update: (data: Data) => void,
  cleanup?: () => void,
): PlotHandle<Data> {
  return {
    element: figure.root,
    dataFormat,
    update,
    exportData: () => figure.exportData(),
    exportSvg: () => figure.exportSvg(),
    exportPng: () => figure.exportPng(),
    destroy: () => {
      cleanup?.();
      figure.destroy();
    },
  };
}
