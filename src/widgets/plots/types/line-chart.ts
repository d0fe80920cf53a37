/** The generic line chart: series, guides, bands, readouts, axes. */
import type { AxisLabels, BaseOptions, NamedCurve, PlotHandle, PlotLabels, ScaleType, XYPoint } from './common';

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
  /** Marker radius in px for dots; default 3.5. */
  symbolSize?: number;
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
  /** Tick values to draw instead of the scale's own (those inside the domain), e.g. the sizes a sweep measured. */
  ticks?: number[];
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

/** A simple chart of named curves (activation functions and derivatives, width sweeps, …). */
export interface CurvesOptions extends BaseOptions {
  labels: LineChartLabels;
  data: { curves: NamedCurve[]; guides?: Guide[] };
  x?: AxisOptions;
  y?: AxisOptions;
  kind?: string;
}
