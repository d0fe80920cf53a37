/**
 * Seeded corruptions of a classification split's labels and class balance, for the data-quality experiments
 * (chapter 4: class imbalance, label noise; the debugging lab's shuffled labels). They are applied to the
 * **training** split only: validation and test stay clean and balanced, so they measure the damage.
 *
 *   keepClassFraction(train, { classId: 5, fraction: 0.1, seed: 3 })     // 10 % of the fives remain
 *   withLabelNoise(train, { fraction: 0.3, classes: 10, seed: 3 })        // 30 % of labels changed to another class
 *   withLabelNoise(train, { fraction: 1, classes: 10, seed: 3, mode: 'shuffle' })  // labels permuted among rows
 *
 * Targets are class ids (as floats), one per row, as `DataSplit` stores them for classification.
 */
import { Random } from '../random';
import type { DataSplit } from './types';

function checkFraction(name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must lie in [0, 1], got ${value}`);
}

function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 1) throw new RangeError(`seed must be an integer >= 1, got ${seed}`);
}

function inputSize(split: DataSplit): number {
  return split.count === 0 ? 0 : split.inputs.length / split.count;
}

/** The rows `keep` (in their order) of a split. */
function selectRows(split: DataSplit, keep: number[]): DataSplit {
  const size = inputSize(split);
  const inputs = new Float32Array(keep.length * size);
  const targets = new Float32Array(keep.length);
  keep.forEach((row, k) => {
    inputs.set(split.inputs.subarray(row * size, (row + 1) * size), k * size);
    targets[k] = split.targets[row] as number;
  });
  return { inputs, targets, count: keep.length };
}

export interface KeepClassOptions {
  classId: number;
  /** Share of that class's rows that remain, rounded to the nearest row (at least one row when > 0). */
  fraction: number;
  seed: number;
}

/** Makes one class rare: keeps a seeded random `fraction` of its rows and every row of the other classes,
 * in the original order. */
export function keepClassFraction(split: DataSplit, options: KeepClassOptions): DataSplit {
  checkFraction('fraction', options.fraction);
  checkSeed(options.seed);
  const ofClass: number[] = [];
  for (let i = 0; i < split.count; i++) if (split.targets[i] === options.classId) ofClass.push(i);
  const wanted = options.fraction === 0 ? 0 : Math.max(1, Math.round(ofClass.length * options.fraction));
  const order = new Random(options.seed).permutation(ofClass.length);
  const kept = new Set<number>();
  for (let k = 0; k < wanted && k < ofClass.length; k++) kept.add(ofClass[order[k] as number] as number);
  const keep: number[] = [];
  for (let i = 0; i < split.count; i++) if (split.targets[i] !== options.classId || kept.has(i)) keep.push(i);
  return selectRows(split, keep);
}

export type LabelNoiseMode = 'flip' | 'shuffle';

export interface LabelNoiseOptions {
  /** Share of rows whose label is corrupted (rounded to the nearest row). */
  fraction: number;
  classes: number;
  seed: number;
  /** `flip` (default): each chosen row gets a different class, uniformly among the other classes-1.
   * `shuffle`: the chosen rows' labels are permuted among themselves (class counts are kept; a row may
   * draw its own label back). */
  mode?: LabelNoiseMode;
}

export interface LabelNoiseResult {
  split: DataSplit;
  /** Indices of the rows chosen for corruption, ascending. */
  chosen: Int32Array;
  /** How many rows ended with a label different from the original. */
  changed: number;
}

export function withLabelNoise(split: DataSplit, options: LabelNoiseOptions): LabelNoiseResult {
  checkFraction('fraction', options.fraction);
  checkSeed(options.seed);
  if (!Number.isInteger(options.classes) || options.classes < 2) throw new RangeError(`classes must be an integer >= 2, got ${options.classes}`);
  const random = new Random(options.seed);
  const count = Math.round(split.count * options.fraction);
  const chosen = random.permutation(split.count).slice(0, count).sort();
  const targets = split.targets.slice();
  if ((options.mode ?? 'flip') === 'flip') {
    for (const i of chosen) {
      const label = targets[i] as number;
      targets[i] = (label + 1 + random.int(options.classes - 1)) % options.classes;
    }
  } else {
    const labels = Float32Array.from(chosen, (i) => split.targets[i] as number);
    random.shuffle(labels);
    chosen.forEach((i, k) => (targets[i] = labels[k] as number));
  }
  let changed = 0;
  for (let i = 0; i < split.count; i++) if (targets[i] !== split.targets[i]) changed++;
  return { split: { inputs: split.inputs.slice(), targets, count: split.count }, chosen, changed };
}
