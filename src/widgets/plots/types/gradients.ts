/** Gradients: per-layer norms, update/weight ratios, histograms. */
import type { BaseOptions, NamedCurve, PlotLabels } from './common';
import type { LineChartLabels } from './line-chart';

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
