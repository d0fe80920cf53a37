/** In-memory datasets: flat Float32Arrays, row-major, ready to become tensors. */

export interface DataSplit {
  /** [count × inputSize] */
  inputs: Float32Array;
  /** Regression: [count × targetSize] targets. Classification: [count] class ids (as floats). */
  targets: Float32Array;
  count: number;
}

export interface Dataset {
  inputShape: number[];
  inputSize: number;
  targetSize: number;
  classes: number | null;
  train: DataSplit;
  validation: DataSplit;
  test: DataSplit;
  /** Noise-free target h(x) for regression generators (bias–variance needs it); inputs already unscaled. */
  trueFunction: ((input: number[]) => number) | null;
  /** Variance σ² of the target noise (regression generators). */
  noiseVariance: number;
  /** Default probe inputs (a 1-D grid over the extrapolation domain, a 2-D grid over the data), unscaled. */
  probeGrid: number[][];
  /** Standardization applied to inputs (identity when scaling is off): x' = (x - mean) / std. */
  scaler: { mean: number[]; std: number[] };
}

/** A generator's raw output before the split. */
export interface RawData {
  inputs: number[][];
  /** Regression rows or class ids. */
  targets: number[][] | number[];
}
