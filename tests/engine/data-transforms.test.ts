/** Seeded dataset transforms for chapters 3 and 4: pixel permutation, class imbalance, label noise. */
import { describe, expect, it } from 'vitest';
import { loadDigits } from '@engine/datasets/digits';
import { splitData } from '@engine/datasets/split';
import type { DataSplit } from '@engine/datasets/types';
import { permuteRows, permuteSplit, pixelPermutation } from '@engine/datasets/pixel-permutation';
import { keepClassFraction, withLabelNoise } from '@engine/datasets/label-transforms';
import { buildDataset } from '@engine/datasets';
import { validateConfig } from '@engine/validate';

async function digitsTrain(): Promise<DataSplit> {
  return splitData(await loadDigits(), { train: 0.7, validation: 0.2 }, false, 1, 1).train;
}

/** A split of `perClass` rows of each of `classes` classes; row i's single feature is i. */
function toySplit(classes: number, perClass: number): DataSplit {
  const count = classes * perClass;
  return { inputs: Float32Array.from({ length: count }, (_, i) => i), targets: Float32Array.from({ length: count }, (_, i) => i % classes), count };
}

const countOf = (targets: Float32Array, c: number) => targets.filter((t) => t === c).length;

describe('pixel permutation', () => {
  it('is a seeded permutation: the same seed gives the same order, another seed another', () => {
    const a = pixelPermutation(784, 7);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 784 }, (_, i) => i));
    expect(pixelPermutation(784, 7)).toEqual(a);
    expect(pixelPermutation(784, 8)).not.toEqual(a);
    expect(Array.from(a).filter((j, i) => j === i).length).toBeLessThan(10); // not close to the identity
  });

  it('moves every digit pixel to its new place and keeps labels; the inverse order restores the data', async () => {
    const train = await digitsTrain();
    const order = pixelPermutation(784, 7);
    const permuted = permuteSplit(train, order);
    expect(permuted.count).toBe(train.count);
    expect(permuted.targets).toEqual(train.targets);
    for (const row of [0, 1, train.count - 1]) for (const j of [0, 100, 400, 783]) expect(permuted.inputs[row * 784 + j]).toBe(train.inputs[row * 784 + (order[j] as number)]);
    const inverse = new Int32Array(784);
    order.forEach((j, i) => (inverse[j] = i));
    expect(permuteSplit(permuted, inverse).inputs).toEqual(train.inputs);
    expect(permuted.inputs).not.toEqual(train.inputs);
    const rows = [Array.from(train.inputs.subarray(0, 784))];
    expect(permuteRows(rows, order)[0]).toEqual(Array.from(permuted.inputs.subarray(0, 784)));
  });

  it('dataset.permutePixels: every split (training subset, validation, test) is its unpermuted split under one permutation, labels kept', async () => {
    const config = (permutePixels?: { seed: number }) => validateConfig({
      model: { inputShape: [784], layers: [{ type: 'dense', units: 10, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.003 }, batchSize: 32, seed: 1 },
      dataset: { kind: 'digits', seed: 1, trainOn: { split: 'train', perClass: 10 }, ...(permutePixels ? { permutePixels } : {}) },
    }).dataset;
    const plain = await buildDataset(config());
    const permuted = await buildDataset(config({ seed: 7 }));
    const order = pixelPermutation(784, 7);
    for (const part of ['train', 'validation', 'test'] as const) {
      expect(permuted[part].count).toBe(plain[part].count);
      expect(permuted[part].targets).toEqual(plain[part].targets);
      expect(permuted[part].inputs).toEqual(permuteSplit(plain[part], order).inputs);
      expect(permuted[part].inputs).not.toEqual(plain[part].inputs);
    }
    expect(plain.train.count).toBe(100);
  });

  it('rejects a wrong length or a non-permutation', () => {
    const split = toySplit(2, 2);
    expect(() => permuteSplit(split, new Int32Array([0, 1]))).toThrow(RangeError);
    expect(() => permuteRows([[1, 2, 3]], new Int32Array([0, 0, 2]))).toThrow(/permutation/);
    expect(() => pixelPermutation(784, 0)).toThrow(RangeError);
  });
});

describe('class imbalance', () => {
  it('keeps the requested share of one class, chosen by the seed, and every row of the others in order', () => {
    const split = toySplit(10, 40);
    const out = keepClassFraction(split, { classId: 5, fraction: 0.1, seed: 3 });
    expect(countOf(out.targets, 5)).toBe(4);
    for (let c = 0; c < 10; c++) if (c !== 5) expect(countOf(out.targets, c)).toBe(40);
    expect(out.count).toBe(364);
    const rows = Array.from(out.inputs);
    expect(rows).toEqual([...rows].sort((a, b) => a - b)); // original order kept
    out.inputs.forEach((row, k) => expect(out.targets[k]).toBe(row % 10)); // inputs travel with their labels
    const again = keepClassFraction(split, { classId: 5, fraction: 0.1, seed: 3 });
    expect(again.inputs).toEqual(out.inputs);
    const other = keepClassFraction(split, { classId: 5, fraction: 0.1, seed: 4 });
    expect(other.inputs).not.toEqual(out.inputs);
  });

  it('keeps at least one row of a small positive fraction, none at 0, all at 1, on real digits too', async () => {
    const train = await digitsTrain();
    const fives = countOf(train.targets, 5);
    expect(countOf(keepClassFraction(train, { classId: 5, fraction: 0.001, seed: 1 }).targets, 5)).toBe(1);
    expect(countOf(keepClassFraction(train, { classId: 5, fraction: 0, seed: 1 }).targets, 5)).toBe(0);
    const all = keepClassFraction(train, { classId: 5, fraction: 1, seed: 1 });
    expect(all.inputs).toEqual(train.inputs);
    const some = keepClassFraction(train, { classId: 5, fraction: 0.3, seed: 1 });
    expect(countOf(some.targets, 5)).toBe(Math.round(fives * 0.3));
    expect(some.inputs.length).toBe(some.count * 784);
    expect(() => keepClassFraction(train, { classId: 5, fraction: 1.5, seed: 1 })).toThrow(RangeError);
  });
});

describe('label noise', () => {
  it('flip: exactly the chosen rows change, each to a different class, spread over the other classes', () => {
    const split = toySplit(10, 100);
    const { split: noisy, chosen, changed } = withLabelNoise(split, { fraction: 0.3, classes: 10, seed: 5 });
    expect(chosen.length).toBe(300);
    expect(changed).toBe(300);
    const chosenSet = new Set(chosen);
    const wrongAs = new Array<number>(10).fill(0);
    for (let i = 0; i < split.count; i++) {
      if (chosenSet.has(i)) {
        expect(noisy.targets[i]).not.toBe(split.targets[i]);
        const wrong = noisy.targets[i] as number;
        wrongAs[wrong] = (wrongAs[wrong] as number) + 1;
      } else expect(noisy.targets[i]).toBe(split.targets[i]);
    }
    expect(Math.min(...wrongAs)).toBeGreaterThan(10); // every class receives some wrong labels
    expect(noisy.inputs).toEqual(split.inputs);
    expect(split.targets[0]).toBe(0); // the input split is not modified
  });

  it('shuffle: the labels are permuted, class counts kept, most rows changed at fraction 1', () => {
    const split = toySplit(10, 50);
    const { split: shuffled, changed } = withLabelNoise(split, { fraction: 1, classes: 10, seed: 2, mode: 'shuffle' });
    for (let c = 0; c < 10; c++) expect(countOf(shuffled.targets, c)).toBe(50);
    expect(changed).toBeGreaterThan(400); // about 90 % of rows draw another class
    expect(withLabelNoise(split, { fraction: 1, classes: 10, seed: 2, mode: 'shuffle' }).split.targets).toEqual(shuffled.targets);
  });

  it('fraction 0 changes nothing; bad options are rejected', () => {
    const split = toySplit(3, 5);
    expect(withLabelNoise(split, { fraction: 0, classes: 3, seed: 1 }).split.targets).toEqual(split.targets);
    expect(() => withLabelNoise(split, { fraction: -0.1, classes: 3, seed: 1 })).toThrow(RangeError);
    expect(() => withLabelNoise(split, { fraction: 0.5, classes: 1, seed: 1 })).toThrow(RangeError);
    expect(() => withLabelNoise(split, { fraction: 0.5, classes: 3, seed: 0.5 })).toThrow(RangeError);
  });
});
