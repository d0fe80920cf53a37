/** Model views: 1-D function fit, decision boundary, network graph, loss surface, layer stack. */
import type { AxisLabels, BaseOptions, NamedCurve, PlotLabels, XYPoint } from './common';
import type { LineChartLabels, Readout } from './line-chart';

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

/** One box of a layer stack (the model graph): everything visible arrives written, except the count. */
export interface LayerBox {
  id: string;
  /** First line: the layer and its activation ("Oculta 1 · ReLU"). */
  name: string;
  /** Second line: the shapes ("[lote, 784] → [lote, 32]"). */
  shape: string;
  /** How the count is made ("784 · 32 + 32"), shown before it; optional. */
  formula?: string;
  /** Parameters of the layer; null for a box that has none to count (the input). */
  parameters: number | null;
  /** Short tags drawn as badges under the text ("dropout 0,5", "max-norm 5", "frozen"). */
  badges: string[];
  /** Drawn greyed and dashed; the badges must say it in words too. */
  frozen?: boolean;
}

export interface LayerStackData {
  layers: LayerBox[];
  total: number;
  /** Trainable parameters, shown next to the total when some are frozen. */
  trainable?: number;
}

export interface LayerStackLabels extends PlotLabels {
  /** Table column titles. */
  layer: string;
  shape: string;
  parameters: string;
  notes: string;
  /** Under the stack ("total: 25 450"). */
  total: string;
  trainable: string;
}

export interface LayerStackOptions extends BaseOptions {
  labels: LayerStackLabels;
  data: LayerStackData;
}
