/** Shapes and options shared by every plot. */
/** One point of a curve or a scatter. */
export interface XYPoint {
  x: number;
  y: number;
}

/** Strings shared by every plot (toolbar, table, keyboard help). All already translated. */
export interface CommonLabels {
  /** Button text that opens the data table, e.g. "Mostrar dados como tabela". */
  showTable: string;
  /** Button text that closes the data table. */
  hideTable: string;
  /** The download menu's button ("Baixar"). */
  download: string;
  /** Menu item: the plot as a PNG image. */
  exportPng: string;
  /** Menu item: the plot as an SVG image. */
  exportSvg: string;
  /** Menu item: the data as CSV. */
  exportCsv: string;
  /** Menu item: the data as JSON. */
  exportJson: string;
  /** Short help read by screen readers on the focusable plot area ("Arrow keys move the cursor"). */
  keyboardHint: string;
}

/** Title and description of one plot, plus the shared strings. */
export interface PlotLabels extends CommonLabels {
  title: string;
  description: string;
}

/** Axis titles for plots with an x and a y axis. */
export interface AxisLabels {
  x: string;
  y: string;
}

/** Options every plot accepts. */
export interface BaseOptions {
  /** BCP 47 locale used for all numbers: 'pt-BR', 'ru', 'zh-CN'. */
  locale: string;
  /** Fallback width in CSS pixels when the container cannot be measured (tests, hidden tabs). */
  width?: number;
  /** Height in CSS pixels, or a function of the measured width. Default: 0.62 × width, clamped to 220…420. */
  height?: number | ((width: number) => number);
  /** Base of downloaded file names; default is the plot kind ("loss-curves"). */
  fileName?: string;
  /** Most rows the HTML table shows; more data is sampled evenly (downloads always hold all of it). Default 200. */
  tableMaxRows?: number;
}

/** What every plot returns. */
export interface PlotHandle<Data> {
  /** Redraw with new data. Cheap: elements are reused, nothing is rebuilt. Call at most once per frame. */
  update(data: Data): void;
  /** Remove the figure and every listener and observer. */
  destroy(): void;
  /** The figure element (for the shell to place or inspect). */
  readonly element: HTMLElement;
  /** The data download as text (CSV or JSON, see `dataFormat`). */
  exportData(): string;
  readonly dataFormat: 'csv' | 'json';
  /** Standalone SVG markup with theme colours resolved. */
  exportSvg(): string;
  /** PNG of the plot, canvas layers composited under the SVG marks. Browser only. */
  exportPng(): Promise<Blob>;
}

/** Scale kind of an axis. */
export type ScaleType = 'linear' | 'log';

/** A named curve, e.g. one population member. */
export interface NamedCurve {
  id: string;
  name: string;
  points: XYPoint[];
}
