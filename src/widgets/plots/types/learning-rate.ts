/** Learning rate: loss curves, LR range test, final loss against rate. */
import type { BaseOptions, NamedCurve, ScaleType, XYPoint } from './common';
import type { LineChartLabels } from './line-chart';

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
