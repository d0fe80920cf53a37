/**
 * Digits experiments for the claims of chapters 1 (practical-tricks) and 5 (seven-tips), run on the engine in
 * Node. One fixed split of the 1,000 shipped digits (data seed 1, 70/20/10: the split the pretrained digits MLP
 * was trained on): 700 training digits, 200 validation digits, 100 "new" digits the pretrained net never saw.
 * Every run trains one population whose members are the claim's seeds (or seeds × variants), so five seeds cost
 * one batched program.
 */
import { activate } from '@engine/backends';
import type { DenseLayerSpec, MemberOverrides, OptimizerConfig, RunConfig } from '@engine/config';
import { loadDigits } from '@engine/datasets/digits';
import { firstPerClassRows } from '@engine/datasets/digit-subset';
import { splitData } from '@engine/datasets/split';
import type { DataSplit } from '@engine/datasets/types';
import { TrainingSession } from '@engine/train/session';

export const CLAIM_SEEDS = [1, 2, 3, 4, 5] as const;

export interface Rows {
  inputs: number[][];
  labels: number[];
}

export interface DigitSplits {
  train: Rows;
  validation: Rows;
  /** The 100 digits of the test split: never seen by the pretrained net; used as "your 100 new labels". */
  fresh: Rows;
}

function rows(split: DataSplit): Rows {
  const size = split.inputs.length / split.count;
  const inputs: number[][] = [];
  for (let i = 0; i < split.count; i++) inputs.push(Array.from(split.inputs.subarray(i * size, (i + 1) * size)));
  return { inputs, labels: Array.from(split.targets, (v) => Math.round(v)) };
}

let splits: Promise<DigitSplits> | null = null;

export function digitSplits(): Promise<DigitSplits> {
  splits ??= loadDigits().then((raw) => {
    const s = splitData(raw, { train: 0.7, validation: 0.2 }, false, 1, 1);
    return { train: rows(s.train), validation: rows(s.validation), fresh: rows(s.test) };
  });
  return splits;
}

let ready: Promise<boolean> | null = null;

export async function useWasm(): Promise<void> {
  ready ??= activate((process.env.CLAIMS_BACKEND as 'cpu') ?? 'wasm');
  if (!(await ready)) throw new Error('wasm backend did not initialize');
}

export interface DigitsRun {
  layers: DenseLayerSpec[];
  optimizer: OptimizerConfig;
  data: Rows;
  members: MemberOverrides[];
  batchSize?: number;
  classes?: number;
  inputDropout?: number;
  initializer?: RunConfig['model']['initializer'];
  l2?: number;
  layerStats?: boolean;
}

export function digitsConfig(run: DigitsRun): RunConfig {
  return {
    model: { inputShape: [784], layers: run.layers, initializer: run.initializer ?? { name: 'he_normal' }, inputDropout: run.inputDropout ?? 0 },
    training: {
      loss: 'categorical_crossentropy',
      optimizer: run.optimizer,
      batchSize: run.batchSize ?? 32,
      seed: 1,
      regularization: run.l2 ? { l2: run.l2 } : undefined,
    },
    dataset: { kind: 'inline', inputs: run.data.inputs, targets: run.data.labels, classes: run.classes ?? 10, split: { train: 1, validation: 0, test: 0 } },
    population: { size: run.members.length, members: run.members },
    telemetry: { every: 1000, validation: false, layerStats: run.layerStats ?? false },
  };
}

export async function createSession(run: DigitsRun): Promise<TrainingSession> {
  await useWasm();
  return TrainingSession.create(digitsConfig(run));
}

/** Fraction of rows whose arg-max output is the label, per member (NaN outputs count as wrong). */
export async function accuracies(session: TrainingSession, data: Rows): Promise<number[]> {
  const outputs = await session.predict(data.inputs);
  return outputs.map((member) => {
    let correct = 0;
    member.forEach((out, i) => {
      let best = 0;
      for (let k = 1; k < out.length; k++) if ((out[k] as number) > (out[best] as number)) best = k;
      if (Number.isFinite(out[best]) && best === data.labels[i]) correct++;
    });
    return correct / data.labels.length;
  });
}

/** The first `perClass` digits of each class from `data`, in their order (a balanced labeled subset): the rule the
 * engine's digits dataset applies for `trainOn.perClass` (datasets/digit-subset.ts). */
export function firstPerClass(data: Rows, perClass: number): Rows {
  const keep = firstPerClassRows(data.labels, perClass);
  return { inputs: keep.map((i) => data.inputs[i]!), labels: keep.map((i) => data.labels[i]!) };
}

export function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** "3/5 seeds (1, 2, 5)" for failure messages and the outline. */
export function tally(held: boolean[], seeds: readonly number[] = CLAIM_SEEDS): string {
  const ok = seeds.filter((_, i) => held[i]);
  return `${ok.length}/${seeds.length} seeds (${ok.join(', ')})`;
}

export const seedMembers = (extra: MemberOverrides = {}): MemberOverrides[] => CLAIM_SEEDS.map((seed) => ({ seed, ...extra }));

/**
 * Copies the shipped pretrained digits MLP (784-32-10, layers `hidden` and `output`) into every member of a
 * session whose parameters share its names and shapes; a parameter of another shape (a new head) keeps its
 * seeded random start. Returns the names copied.
 */
export async function copyPretrained(session: TrainingSession): Promise<string[]> {
  const { loadPretrained, matchingParameters } = await import('@engine/pretrained');
  const copied: string[] = [];
  const values = new Map<string, Float32Array>();
  for (const [name, tensor] of matchingParameters(await loadPretrained('digits-mlp'), session.paramShapes())) {
    const tiled = new Float32Array(tensor.data.length * session.members);
    for (let p = 0; p < session.members; p++) tiled.set(tensor.data, p * tensor.data.length);
    values.set(name, tiled);
    copied.push(name);
  }
  session.writeParams(values);
  return copied;
}

/** Mean cross-entropy −ln p(label) per member (evaluation mode), the validation loss the widgets plot. */
export async function crossEntropies(session: TrainingSession, data: Rows): Promise<number[]> {
  const outputs = await session.predict(data.inputs);
  return outputs.map((member) => mean(member.map((out, i) => -Math.log(Math.max(out[data.labels[i]!] as number, 1e-7)))));
}
