/**
 * The data part of a run's config (`RunConfig.dataset`): which dataset, how many points, how it is split.
 * Plain JSON like the rest of the config (see `config.ts`); `validateConfig` checks it field by field.
 */
import type { SplitTransform } from './datasets/split-transforms';
import type { TrainTransform } from './datasets/train-transforms';

export type { SplitTransform, TrainTransform };
/** 1-D target functions of source 001 (a line, a smooth curve, a function with flat plateaus), declared once:
 * the formulas (`datasets/functions1d.ts`, a `Record` over these names), validation and the i18n keys read it. */
export const FUNCTION_1D_NAMES = ['line', 'sine', 'plateaus'] as const;
export type Function1DName = (typeof FUNCTION_1D_NAMES)[number];
/** Programs with one missing function (`datasets/programs.ts`, the `PROGRAMS` registry over these names). */
export const PROGRAM_NAMES = ['square-area'] as const;
export type ProgramName = (typeof PROGRAM_NAMES)[number];
export type Classification2DName = 'spiral' | 'circles' | 'xor' | 'gaussians' | 'moons';
export type SurfaceName = 'plane' | 'bowl' | 'saddle' | 'ripple';

export interface SplitConfig {
  /** Fractions; must sum to 1. Default 0.7 / 0.2 / 0.1. */
  train: number;
  validation: number;
  test: number;
}

interface DatasetCommon {
  /** Data seed (independent of the training seed). Integer >= 1. Default 1. */
  seed?: number;
  /** Number of points generated (before the split). */
  count?: number;
  split?: SplitConfig;
  /** Standardize inputs to zero mean / unit variance using training-split statistics. Default false. */
  scaleInputs?: boolean;
}

export interface Function1DDataset extends DatasetCommon {
  kind: 'function1d';
  fn: Function1DName;
  /** Gaussian noise standard deviation added to targets. Default 0. */
  noise?: number;
  /** Training domain. Default [-3, 3]. */
  domain?: [number, number];
  /** Wider domain used for the probe grid, to show extrapolation. Default [-6, 6]. */
  extrapolationDomain?: [number, number];
}

export interface Classification2DDataset extends DatasetCommon {
  kind: 'classification2d';
  shape: Classification2DName;
  /** Number of classes (spiral arms, gaussian blobs, circles rings). xor and moons are always 2. Default 2. */
  classes?: number;
  /** Input noise (same units as the coordinates, which lie roughly in [-1, 1]). Default 0.1. */
  noise?: number;
  /** Fraction of labels flipped to a different random class. Default 0. */
  labelNoise?: number;
  /** Fraction of points in class 0 for 2 classes (0.5 = balanced). Default 0.5. */
  imbalance?: number;
}

export interface SurfaceDataset extends DatasetCommon {
  kind: 'surface';
  fn: SurfaceName;
  noise?: number;
}

export interface DigitsDataset extends DatasetCommon {
  kind: 'digits';
  /** Image shape: flat 784 vector for MLPs, or [28, 28, 1] for conv2d. Default 'flat'. */
  layout?: 'flat' | 'image';
  /** Train on part of the split instead of the whole training split (`datasets/digit-subset.ts`): the rows of
   * `split` ('train', default, or 'test': digits held out of the training split), the first `perClass` of
   * each digit (a balanced subset; default all). Validation stays the whole validation split. */
  trainOn?: { split: 'train' | 'test'; perClass?: number };
  /** Scramble every image by one fixed permutation of its 784 pixels, drawn from `seed` (`datasets/pixel-permutation.ts`),
   * applied to the rows before the split, so training, validation and test digits are permuted alike. Default: none. */
  permutePixels?: { seed: number };
  /** What a row is labeled: the digit (default, 10 classes) or its parity (digit mod 2: even 0, odd 1). */
  labels?: 'digit' | 'parity';
  /** Classes the output layer is sized to; more than the labels use means outputs that never get a label.
   * Default: 10 for digits, 2 for parity. */
  classes?: number;
  /** Offline augmentation of the training rows (after `trainOn`, before the shuffle): the chosen rows followed by
   * `copies` transformed copies of each (`datasets/augment.ts`, `augmentRows` with this seed), as the claims
   * harness builds them. Validation and test rows are never augmented. */
  augment?: DigitsAugmentation;
  /** Transforms of every split alike (training, validation, test), in order, after `trainOn`, `augment` and
   * `labels` (`datasets/split-transforms.ts`): `{ type: 'classes', keep: [5, 6, 7, 8, 9] }` keeps those classes'
   * rows, relabelled 0…k−1 in that order; `classes` then defaults to k. Default: none. */
  transforms?: SplitTransform[];
  /** Seeded transforms of the training split only, in order, after `trainOn`, `augment`, `labels` and `transforms`
   * (`datasets/train-transforms.ts`: `keep-class-fraction`, `label-noise`). Default: none. */
  trainTransforms?: TrainTransform[];
}

export interface DigitsAugmentation {
  /** Applied in order to every copy (none: identical copies, so a control arm trains on as many rows). */
  transforms: { name: 'shift' | 'rotate' | 'noise' | 'hflip'; amount?: number }[];
  /** Transformed copies per row (0–20). */
  copies: number;
  /** Seed of the transforms' randomness (independent of the data and training seeds). Default 1. */
  seed?: number;
}

/** Pre-made data (e.g. a widget's hand-drawn points). Labels are class ids for classification losses. */
export interface InlineDataset extends DatasetCommon {
  kind: 'inline';
  inputs: number[][];
  /** Regression targets ([N][outputs]) or class ids ([N]). */
  targets: number[][] | number[];
  classes?: number;
}

/** Whole calls of a program whose one function is missing (`datasets/programs.ts`): inputs are the call's
 * arguments (the model's input shape is [arguments, 1]), the target is the program's output. */
export interface ProgramDataset extends DatasetCommon {
  kind: 'program';
  program: ProgramName;
}

export type DatasetConfig = Function1DDataset | Classification2DDataset | SurfaceDataset | DigitsDataset | InlineDataset | ProgramDataset;
