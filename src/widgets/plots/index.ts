/** Plot primitives for Deep Practice widgets. Import the one you need (each is its own module) or from here. */
export { lineChart } from './line-chart';
export { lossCurves } from './loss-curves';
export { gradientNorms } from './gradient-norms';
export { updateRatio } from './update-ratio';
export { functionFit } from './function-fit';
export type * from './types';
