/** Bias–variance: resampled fits, error decomposition, training against validation error. */
import type { BaseOptions, ScaleType, XYPoint } from './common';
import type { LineChartLabels } from './line-chart';

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
