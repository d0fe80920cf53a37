/**
 * Plot primitives for Deep Practice widgets. Each plot is its own module (import only what a widget needs);
 * this index lists them all. Every plot: `plot(container, options)` → `{ update(data), destroy(), … }`.
 */
export { lineChart } from './line-chart';
export { curves } from './curves';
// Learning rate
export { lossCurves } from './loss-curves';
export { lrRangeTest } from './lr-range-test';
export { finalLoss } from './final-loss';
// Bias–variance
export { resampledFits } from './resampled-fits';
export { biasVarianceDecomposition } from './bias-variance';
export { trainVsValidation } from './train-validation';
// Gradients
export { gradientNorms } from './gradient-norms';
export { updateRatio } from './update-ratio';
export { layerHistograms, histogramStats } from './histograms';
// Model views
export { functionFit } from './function-fit';
export { decisionBoundary } from './decision-boundary';
export { networkGraph } from './network-graph';
export { lossSurface } from './loss-surface';
export { layerStack } from './layer-stack';
export type { MappedLineChart } from './wrap';
export type * from './types';
