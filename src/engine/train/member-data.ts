/**
 * Training data per member, as one [P·N, inputs] tensor (and targets), plus the shared validation split.
 * Members see the shared training split, a bootstrap resample of it, or a fresh noisy sample drawn with
 * their own seed; all have N rows, so one gather per epoch lays out every member's shuffled epoch.
 */
import * as tf from '../tf';
import { buildDataset, type Dataset, type DataSplit } from '../datasets';
import { Random, deriveSeed } from '../random';
import type { ResolvedConfig } from '../resolved';
import { classEncoding, type TargetEncoding } from '../model/encoding';
import { SALT_BOOTSTRAP, SALT_FRESH } from './salts';


export interface MemberData {
  base: Dataset;
  /** Rows per member. */
  count: number;
  inputs: Float32Array; // [P·N × inputSize]
  targets: Float32Array; // [P·N × targetWidth], encoded for the loss
  targetWidth: number;
  encoding: TargetEncoding | null;
}

/** Encodes a split's targets for the loss: regression rows as they are, class ids per `classEncoding`. */
export function encodeTargets(split: DataSplit, encoding: TargetEncoding | null, width: number): Float32Array {
  if (!encoding) return split.targets.slice();
  const out = new Float32Array(split.count * width);
  for (let i = 0; i < split.count; i++) encoding.encode(split.targets[i] as number, out, i * width);
  return out;
}

export async function buildMemberData(config: ResolvedConfig, outputs: number): Promise<MemberData> {
  const base = await buildDataset(config.dataset, config.dataset.seed, config.faults);
  const encoding = base.classes === null ? null : classEncoding(config.training.loss, outputs);
  const width = encoding ? encoding.width : base.targetSize;
  const splits: DataSplit[] = [];
  for (const member of config.members) {
    switch (config.dataSubset.type) {
      case 'shared':
        splits.push(base.train);
        break;
      case 'bootstrap': {
        // Resample N rows with replacement: each row has probability 1 - (1 - 1/N)^N ≈ 63% to appear.
        const random = new Random(deriveSeed(member.seed, SALT_BOOTSTRAP));
        const n = base.train.count;
        const inputs = new Float32Array(base.train.inputs.length);
        const targets = new Float32Array(base.train.targets.length);
        const inSize = base.inputSize;
        const tSize = base.train.targets.length / n;
        for (let i = 0; i < n; i++) {
          const j = random.int(n);
          inputs.set(base.train.inputs.subarray(j * inSize, (j + 1) * inSize), i * inSize);
          targets.set(base.train.targets.subarray(j * tSize, (j + 1) * tSize), i * tSize);
        }
        splits.push({ inputs, targets, count: n });
        break;
      }
      case 'fresh':
        splits.push((await buildDataset(config.dataset, deriveSeed(config.dataset.seed, SALT_FRESH, member.seed), config.faults)).train);
        break;
    }
  }
  const count = base.train.count;
  const inputs = new Float32Array(splits.length * count * base.inputSize);
  const targets = new Float32Array(splits.length * count * width);
  splits.forEach((split, p) => {
    inputs.set(split.inputs, p * count * base.inputSize);
    targets.set(encodeTargets(split, encoding, width), p * count * width);
  });
  return { base, count, inputs, targets, targetWidth: width, encoding };
}

/** A [rows, ...] tensor repeated for every member: [P, rows, ...]. */
export function tileMembers(values: Float32Array, members: number, rowShape: number[]): tf.Tensor {
  return tf.tidy(() => {
    const one = tf.tensor(values, [1, values.length / rowShape.reduce((a, b) => a * b, 1), ...rowShape]);
    return tf.tile(one, [members, 1, ...rowShape.map(() => 1)]);
  });
}
