/**
 * Plain data shapes and options for the plot primitives.
 *
 * The plots know nothing of the engine: the widget shell maps telemetry events onto these shapes.
 * Every user-visible string arrives already translated through a `labels` object; every number is
 * formatted with `Intl.NumberFormat(locale)`.
 */

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
  /** Button text for the PNG download. */
  exportPng: string;
  /** Button text for the SVG download. */
  exportSvg: string;
  /** Button text for the data download (CSV or JSON, depending on the plot). */
  exportData: string;
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

/** A curve (or a cloud, with `mark: 'dot'`) in a line chart. */
export interface LineSeries {
  /** Stable key: elements are reused across updates by id. */
  id: string;
  /** Legend and table name (translated). */
  name: string;
  points: XYPoint[];
  /** 'line' (default), 'dot' for scatter, 'area' for a band between `lower` and `points`. */
  mark?: 'line' | 'dot' | 'area';
  /** For `mark: 'area'`: the lower edge, same x values as `points`. Default y = 0. */
  lower?: XYPoint[];
  /** Palette slot 0…7 (default: the series' position). */
  color?: number;
  /** Dash pattern slot 0…3 (default: position). Ignored for dots. */
  dash?: number;
  /** Marker symbol slot 0…6 (default: position). */
  symbol?: number;
  /** Stroke width in px; default 2. */
  width?: number;
  /** Opacity 0…1; default 1. */
  opacity?: number;
  /** Hide from the legend (e.g. one of many resampled fits). Default false. */
  hideInLegend?: boolean;
  /** Leave out of the table and the data download. Default false. */
  hideInTable?: boolean;
  /** The run diverged (loss became NaN/∞ or exploded): a marker is drawn at `divergedAt` or its last finite point. */
  diverged?: boolean;
  /** x where the run diverged; default: the last point with a finite y. */
  divergedAt?: number;
  /** Draw symbols on the line (sparse, ~8 per curve). Default true for lines. */
  showSymbols?: boolean;
  /** Values the readout announces instead of y, index by index (e.g. a stacked band's own size). */
  readoutValues?: number[];
}

/** A reference line across the plot, e.g. the 1e-3 update/weight ratio or a suggested learning rate. */
export interface Guide {
  axis: 'x' | 'y';
  value: number;
  /** Short translated label drawn next to the line. */
  label?: string;
}

/** A shaded range across the plot, e.g. the training domain. */
export interface Band {
  axis: 'x' | 'y';
  from: number;
  to: number;
  label?: string;
}

/** A named value shown as text in the plot corner (e.g. learned w and b). */
export interface Readout {
  label: string;
  value: number;
}

/** Everything a line chart draws. */
export interface LineChartData {
  series: LineSeries[];
  guides?: Guide[];
  bands?: Band[];
  readouts?: Readout[];
}

/** Axis configuration of a line chart. */
export interface AxisOptions {
  type?: ScaleType;
  /** Fixed domain; by default it is fitted to the data. */
  domain?: [number, number];
  /** Always include this value in the fitted domain (e.g. 0). */
  include?: number;
  /**
   * Round the fitted domain out to nice ticks. Default: true for y and for log x; false for linear x (a function
   * drawn on [-5, 5] ends there). Curves that stream over steps turn it on: the domain then grows in steps
   * instead of every frame, and unchanged paths are extended rather than redrawn.
   */
  nice?: boolean;
}

/** Labels of a line chart: plot labels, axis titles, and the optional built-in controls. */
export interface LineChartLabels extends PlotLabels, AxisLabels {
  /** Checkbox text that switches the y axis to a log scale; the checkbox appears when given. */
  logY?: string;
  /** Slider text for smoothing; the slider appears when given. */
  smoothing?: string;
  /** Label of the divergence marker in the readout and legend (e.g. "diverged"). */
  diverged?: string;
}

export interface LineChartOptions extends BaseOptions {
  labels: LineChartLabels;
  data: LineChartData;
  x?: AxisOptions;
  y?: AxisOptions;
  /**
   * Exponential-moving-average weight in [0, 0.999] applied to line series (TensorBoard style, debiased).
   * The raw curve stays drawn faintly underneath. Default 0.
   */
  smoothing?: number;
  /**
   * Clip the fitted y domain at `yCapFactor` × the largest first value of any series, so that one exploding run
   * does not flatten the others. Points above are clipped and the divergence marker sits on the top edge.
   */
  yCapFactor?: number;
  /** Kind name used for the CSS modifier and file names. */
  kind?: string;
  /** Table (and CSV) of the data, when one row per distinct x and one column per series does not fit. */
  table?: () => { columns: string[]; rows: Array<Array<number | string | null>> };
}

/** The line chart handle adds live settings. */
export interface LineChartHandle extends PlotHandle<LineChartData> {
  setLogY(on: boolean): void;
  setSmoothing(weight: number): void;
}

/** A named curve, e.g. one population member. */
export interface NamedCurve {
  id: string;
  name: string;
  points: XYPoint[];
}

/* ---------- Learning rate ---------- */

/** One training run in a loss-curves chart: x is the step (or epoch), y the loss. */
export interface LossRun extends NamedCurve {
  /** The run blew up (NaN/∞ or exploding loss). */
  diverged?: boolean;
  /** Step where it blew up; default: after its last finite loss. */
  divergedAt?: number;
}

export interface LossCurvesData {
  runs: LossRun[];
}

export interface LossCurvesOptions extends BaseOptions {
  labels: LineChartLabels;
  data: LossCurvesData;
  /** Start on a log y axis. Default false. */
  logY?: boolean;
  /** EMA smoothing weight 0…0.999. Default 0. */
  smoothing?: number;
  /** Clip y at this multiple of the largest initial loss. Default 3; 0 disables. */
  yCapFactor?: number;
}

export interface LrRangeTestData {
  /** x = learning rate (log axis), y = loss at that step. */
  points: XYPoint[];
  /** The suggested learning rate, marked with a guide line. */
  suggested?: number;
}

export interface LrRangeTestLabels extends LineChartLabels {
  /** Legend name of the loss curve. */
  loss: string;
  /** Label of the suggested-rate guide ("suggested"); its value is appended, formatted for the locale. */
  suggested: string;
}

export interface LrRangeTestOptions extends BaseOptions {
  labels: LrRangeTestLabels;
  data: LrRangeTestData;
  /** Smoothing of the drawn curve (the range test is noisy). Default 0.6. */
  smoothing?: number;
}

export interface FinalLossRun {
  /** Learning rate (or any swept value on a log axis). */
  x: number;
  /** Final loss; NaN or ∞ for a run that diverged. */
  loss: number;
  diverged?: boolean;
}

export interface FinalLossData {
  runs: FinalLossRun[];
}

export interface FinalLossLabels extends LineChartLabels {
  /** Legend name of the curve ("final loss"). */
  loss: string;
}

export interface FinalLossOptions extends BaseOptions {
  labels: FinalLossLabels;
  data: FinalLossData;
  /** x axis scale; default 'log' (learning rates). Use 'linear' or 'log' for widths. */
  xType?: ScaleType;
  logY?: boolean;
}

/* ---------- Bias–variance ---------- */

export interface ResampledFitsData {
  /** One fitted curve per resampled training set. */
  fits: XYPoint[][];
  /** Pointwise mean of the fits. */
  mean: XYPoint[];
  /** The true function. */
  truth: XYPoint[];
  /** Optionally, one training set, drawn as dots. */
  training?: XYPoint[];
}

export interface ResampledFitsLabels extends LineChartLabels {
  /** Name for one resampled fit; the table numbers them ("fit 1", "fit 2", …). */
  fit: string;
  mean: string;
  truth: string;
  training?: string;
}

export interface ResampledFitsOptions extends BaseOptions {
  labels: ResampledFitsLabels;
  data: ResampledFitsData;
}

/** Expected-error decomposition at one complexity (or epoch): total ≈ bias² + variance + noise. */
export interface DecompositionRow {
  x: number;
  bias2: number;
  variance: number;
  noise: number;
  /** bias² + variance + noise; computed when absent. */
  total?: number;
  /** Expected test error measured directly on fresh data, to compare with the sum. */
  measured?: number;
}

export interface DecompositionData {
  rows: DecompositionRow[];
}

export interface DecompositionLabels extends LineChartLabels {
  bias2: string;
  variance: string;
  noise: string;
  total: string;
  measured?: string;
}

export interface DecompositionOptions extends BaseOptions {
  labels: DecompositionLabels;
  data: DecompositionData;
  /** 'stacked' areas (noise, bias², variance) under the total, or separate 'lines'. Default 'lines'. */
  mode?: 'lines' | 'stacked';
  xType?: ScaleType;
  logY?: boolean;
}

export interface TrainValidationData {
  /** x = capacity or epoch, y = error. */
  train: XYPoint[];
  validation: XYPoint[];
  /** x of the best validation error (early stopping / best capacity), marked with a guide. */
  best?: number;
}

export interface TrainValidationLabels extends LineChartLabels {
  train: string;
  validation: string;
  best?: string;
}

export interface TrainValidationOptions extends BaseOptions {
  labels: TrainValidationLabels;
  data: TrainValidationData;
  xType?: ScaleType;
  logY?: boolean;
}

/* ---------- Gradients ---------- */

/** One line per layer: x = step, y = gradient norm (or update/weight ratio). */
export interface LayerSeriesData {
  layers: NamedCurve[];
}

export interface GradientNormsOptions extends BaseOptions {
  labels: LineChartLabels;
  data: LayerSeriesData;
  /** Default true: vanishing and exploding gradients span decades. */
  logY?: boolean;
  smoothing?: number;
}

export interface UpdateRatioLabels extends LineChartLabels {
  /** Label of the guide line (e.g. "≈ 10⁻³, healthy"). */
  guide: string;
}

export interface UpdateRatioOptions extends BaseOptions {
  labels: UpdateRatioLabels;
  data: LayerSeriesData;
  /** Where the guide line sits. Default 1e-3. */
  guideValue?: number;
  smoothing?: number;
}

/* ---------- Model views ---------- */

export interface FunctionFitData {
  /** Network output on a grid; several for a population (e.g. SGD vs momentum). */
  predictions: NamedCurve[];
  /** The target function. */
  target?: XYPoint[];
  /** Training points. */
  training?: XYPoint[];
  /** Per-hidden-unit contributions w′ᵢ·σ(wᵢx + bᵢ), drawn thin under the sum. */
  units?: NamedCurve[];
  /** Training domain [a, b], shaded (extrapolation shows outside it). */
  domain?: [number, number];
  /** Values shown in the corner, e.g. learned w and b. */
  readouts?: Readout[];
}

export interface FunctionFitLabels extends LineChartLabels {
  target?: string;
  training?: string;
  /** Legend entry for the per-unit contributions. */
  units?: string;
  /** Label of the shaded training domain. */
  domain?: string;
}

export interface FunctionFitOptions extends BaseOptions {
  labels: FunctionFitLabels;
  data: FunctionFitData;
  /** Fixed y domain keeps the view still while the network trains. */
  yDomain?: [number, number];
}

/** A simple chart of named curves (activation functions and derivatives, width sweeps, …). */
export interface CurvesOptions extends BaseOptions {
  labels: LineChartLabels;
  data: { curves: NamedCurve[]; guides?: Guide[] };
  x?: AxisOptions;
  y?: AxisOptions;
  kind?: string;
}

/** Values on a regular 2-D grid: `values[j * nx + i]` is at x = x[0] + i·(x[1]−x[0])/(nx−1), y likewise (row 0 at y[0]). */
export interface Grid2D {
  x: [number, number];
  y: [number, number];
  nx: number;
  ny: number;
  values: ArrayLike<number>;
}

/** A data point with a class index (0, 1, …). */
export interface LabeledPoint {
  x: number;
  y: number;
  label: number;
}

export interface DecisionBoundaryData {
  /** Model output P(class 1) in [0, 1] on a grid. */
  grid: Grid2D;
  points: LabeledPoint[];
}

export interface DecisionBoundaryLabels extends PlotLabels, AxisLabels {
  /** Class names, by class index. */
  classes: string[];
  /** Name of the model output in readouts and the table ("P(class 1)"). */
  probability: string;
  /** Column title for the class in the table. */
  classColumn: string;
}

export interface DecisionBoundaryOptions extends BaseOptions {
  labels: DecisionBoundaryLabels;
  data: DecisionBoundaryData;
}

export interface NetworkGraphData {
  /** Units per layer, input first: [2, 4, 4, 1]. */
  layers: number[];
  /** weights[l][i][j]: from unit i of layer l to unit j of layer l+1. */
  weights: number[][][];
  /** biases[l][j]: bias of unit j of layer l+1. */
  biases?: number[][];
}

export interface NetworkGraphLabels extends PlotLabels {
  /** One name per layer ("input", "hidden 1", …, "output"); units are numbered after it. */
  layerNames: string[];
  weight: string;
  bias?: string;
  /** Table column titles. */
  from: string;
  to: string;
}

export interface NetworkGraphOptions extends BaseOptions {
  labels: NetworkGraphLabels;
  data: NetworkGraphData;
}

/** A trajectory point; `value` is the loss there (sampled from the surface when absent). */
export interface TrajectoryPoint extends XYPoint {
  value?: number;
}

export interface Trajectory {
  id: string;
  /** Optimizer name, e.g. "SGD", "momentum", "Adam". */
  name: string;
  points: TrajectoryPoint[];
}

export interface LossSurfaceData {
  surface: Grid2D;
  trajectories: Trajectory[];
  /** The minimum, marked with a star. */
  minimum?: XYPoint;
}

export interface LossSurfaceLabels extends PlotLabels, AxisLabels {
  /** Name of the surface value ("loss"). */
  value: string;
  /** Name of the step index ("step"). */
  step: string;
  /** Table column for the optimizer. */
  optimizer: string;
  minimum?: string;
}

export interface LossSurfaceOptions extends BaseOptions {
  labels: LossSurfaceLabels;
  data: LossSurfaceData;
  /** 'side-by-side' panels (one per optimizer) or all trajectories 'overlay'ed. Default 'side-by-side'. */
  layout?: 'side-by-side' | 'overlay';
  /** Number of contour levels. Default 14. */
  levels?: number;
  /** Log-spaced levels (default true when all values are positive): shows the valley floor. */
  logLevels?: boolean;
}

/** Histogram of one layer at one step: `counts[k]` values fell in [edges[k], edges[k+1]). */
export interface HistogramSnapshot {
  step: number;
  edges: number[];
  counts: number[];
}

export interface LayerHistograms {
  id: string;
  name: string;
  snapshots: HistogramSnapshot[];
}

export interface HistogramsData {
  layers: LayerHistograms[];
}

export interface HistogramsLabels extends PlotLabels {
  /** Axis title: what is histogrammed ("weight", "gradient", "activation"). */
  x: string;
  step: string;
  mean: string;
  std: string;
  /** Table column for the layer. */
  layer: string;
}

export interface HistogramsOptions extends BaseOptions {
  labels: HistogramsLabels;
  data: HistogramsData;
  /** How many recent snapshots each panel stacks (ridgeline). Default 8. */
  depth?: number;
  /** One x range for all panels (compare scales across layers) instead of one per layer. Default false. */
  sharedX?: boolean;
}
