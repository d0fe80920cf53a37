/** Builds a seeded dataset from its config: generate, split 70/20/10, scale. */
import type { DatasetConfig } from '../config';
import type { ResolvedConfig } from '../resolved';
import { generateShape, grid2D } from './classification2d';
import { loadDigits } from './digits';
import { FUNCTIONS_1D, generateFunction1D, grid1D } from './functions1d';
import { digitSubset } from './digit-subset';
import { permuteRows, pixelPermutation } from './pixel-permutation';
import { generateProgram } from './programs';
import { datasetShape } from './shape';
import { splitData } from './split';
import { applySplitTransforms } from './split-transforms';
import { SURFACES, generateSurface } from './surfaces';
import type { Dataset, RawData } from './types';
import type { FaultKey } from '../faults';
import { applyDatasetFaults } from './fault-hooks';
import { applyTrainTransforms } from './train-transforms';

export type { Dataset, DataSplit } from './types';
export { FUNCTIONS_1D } from './functions1d';
export { SURFACES } from './surfaces';

type ResolvedDataset = ResolvedConfig['dataset'];

const DIGIT_PIXELS = 28 * 28;

const DEFAULT_COUNT: Record<DatasetConfig['kind'], number> = { function1d: 100, classification2d: 250, surface: 200, digits: 1000, inline: 0, program: 300 };

/** Raw points of a generated dataset for a given data seed (a member's fresh sample uses its own seed). */
export async function generateRaw(d: ResolvedDataset, seed: number): Promise<RawData> {
  const count = d.count ?? DEFAULT_COUNT[d.kind];
  switch (d.kind) {
    case 'function1d':
      return generateFunction1D(d.fn, count, d.domain ?? [-3, 3], d.noise ?? 0, seed);
    case 'classification2d':
      return generateShape(d.shape, { count, classes: datasetShape(d).classes ?? 2, noise: d.noise ?? 0.1, labelNoise: d.labelNoise ?? 0, imbalance: d.imbalance ?? 0.5, seed });
    case 'surface':
      return generateSurface(d.fn, count, d.noise ?? 0, seed);
    case 'digits': {
      const all = await loadDigits();
      const inputs = all.inputs.slice(0, count);
      // One fixed permutation of the 784 pixels for every row, before the split: every split is permuted alike.
      const permuted = d.permutePixels ? permuteRows(inputs, pixelPermutation(DIGIT_PIXELS, d.permutePixels.seed)) : inputs;
      return { inputs: permuted, targets: (all.targets as number[]).slice(0, count) };
    }
    case 'inline':
      return { inputs: d.inputs, targets: d.targets };
    case 'program':
      return generateProgram(d.program, count, seed);
  }
}

/** Default probe points: a 1-D grid over the extrapolation domain (default 100 points) or a 2-D grid over the
 * data's extent (default 40 × 40); none for digits and inline data. */
export function probeGrid(d: ResolvedDataset, resolution?: number): number[][] {
  if (d.kind === 'function1d') {
    const [low, high] = d.extrapolationDomain ?? [-6, 6];
    return grid1D(low, high, resolution ?? 100);
  }
  if (d.kind === 'classification2d' || d.kind === 'surface') return grid2D(d.kind === 'surface' ? 1 : 1.2, resolution ?? 40);
  return [];
}

function trueFunction(d: ResolvedDataset): Dataset['trueFunction'] {
  if (d.kind === 'function1d') {
    const h = FUNCTIONS_1D[d.fn];
    return (x) => h(x[0] as number);
  }
  if (d.kind === 'surface') {
    const h = SURFACES[d.fn];
    return (x) => h(x[0] as number, x[1] as number);
  }
  return null;
}

/** Builds the dataset; `seed` overrides the data seed (fresh samples per population member); `faults` are the
 * debugging lab's data hooks (`fault-hooks.ts`). */
export async function buildDataset(d: ResolvedDataset, seed = d.seed, faults: readonly FaultKey[] = []): Promise<Dataset> {
  const shape = datasetShape(d);
  const raw = await generateRaw(d, seed);
  const whole = splitData(raw, d.split, d.scaleInputs, seed, shape.targetSize);
  const subset = d.kind === 'digits' ? digitSubset(whole, d, seed) : whole;
  const split = d.kind === 'digits' && d.transforms ? applySplitTransforms(subset, d.transforms) : subset;
  const transformed = d.kind === 'digits' && d.trainTransforms ? { ...split, train: applyTrainTransforms(split.train, d.trainTransforms, seed, shape.classes ?? 0) } : split;
  const faulty = faults.length > 0 ? applyDatasetFaults(transformed, faults, shape.classes, seed) : transformed;
  const noise = d.kind === 'function1d' || d.kind === 'surface' ? (d.noise ?? 0) : 0;
  const inputShape = d.kind === 'digits' && d.layout === 'image' ? [28, 28, 1] : [shape.inputSize];
  return {
    inputShape,
    inputSize: shape.inputSize,
    targetSize: shape.targetSize,
    classes: shape.classes,
    ...faulty,
    trueFunction: trueFunction(d),
    noiseVariance: noise * noise,
    probeGrid: probeGrid(d),
  };
}
