/**
 * dense-wasm's telemetry against the tfjs path's on tfjs-cpu: the same config, seed and steps, then one progress
 * event from each. The raw read-back must carry the same keys with the same numbers (weights, the last step's
 * gradients and activations behind the histograms, activation statistics, probe predictions, layer statistics,
 * losses and accuracies) within float32 tolerance, and so must the event built from it (histogram edges and
 * counts, dead-unit fractions). Five members: the last group of four lanes is padded.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '@engine/config';
import type { ProgressEvent } from '@engine/telemetry';
import type { PopulationKernel, Readback } from '@engine/train/kernel';
import { progress } from '@engine/train/progress';
import { kernelOn } from '../paths';

const config: RunConfig = {
  model: {
    inputShape: [2],
    layers: [
      { type: 'dense', units: 8, activation: 'relu' },
      { type: 'dense', units: 6, activation: 'tanh', dropout: 0.2 },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
  },
  training: { loss: 'binary_crossentropy', optimizer: { name: 'momentum', learningRate: 0.05 }, regularization: { l2: 0.001 }, batchSize: 16, seed: 11 },
  dataset: { kind: 'classification2d', shape: 'moons', count: 160 },
  population: { size: 5, members: [0.02, 0.05, 0.1, 0.2, 0.3].map((learningRate, i) => ({ learningRate, seed: i + 1 })) },
  telemetry: { every: 40, layerStats: true, activationStats: true, histogramBins: 12, probe: { resolution: 7 }, validation: true, trainMetrics: true },
};
const STEPS = 40;

/** Trains on one path and returns the read-back the progress event was built from, and the event. */
async function telemetryOn(path: 'tfjs-cpu' | 'dense-wasm', run = config, steps = STEPS): Promise<{ got: Readback; event: ProgressEvent }> {
  const kernel: PopulationKernel = await kernelOn(path, run);
  const readBack = kernel.readBack.bind(kernel);
  let got: Readback | null = null;
  kernel.readBack = async (rows) => (got = await readBack(rows));
  kernel.runSteps(steps, true);
  const { event, diverged } = await progress(kernel, 'cpu', 0);
  kernel.dispose();
  expect(diverged).toEqual([]);
  return { got: got!, event };
}

/** |a - b| ≤ tolerance · (1 + |b|), element by element, with a message naming the place. */
function close(a: number[], b: number[], tolerance: number, where: string): void {
  expect(a.length, where).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!), `${where}[${i}]: ${v} vs ${b[i]}`).toBeLessThanOrEqual(tolerance * (1 + Math.abs(b[i]!))));
}

describe('dense-wasm telemetry vs tfjs-cpu, same seed and steps', () => {
  it('read-back and progress event agree: histograms, activation stats, probe predictions, layer stats', async () => {
    const tfjs = await telemetryOn('tfjs-cpu');
    const wasm = await telemetryOn('dense-wasm');

    const keys = [...tfjs.got.keys()].sort();
    expect([...wasm.got.keys()].sort()).toEqual(keys);
    for (const key of ['layerStats', 'activationStats', 'probe', 'activation/0', 'activation/1', 'activation/2', 'weight/dense_0/kernel', 'gradient/dense_2/bias', 'trainAccuracy'])
      expect(keys, key).toContain(key);
    // Measured: every key within 2e-6 (relative) after 40 steps. Layer statistics divide by small norms
    // (‖Δθ‖/‖θ‖) and gradients are differences of near-equal terms, so they get more room.
    const tolerance = (key: string) => (key === 'layerStats' || key.startsWith('gradient/') ? 1e-4 : 2e-5);
    for (const key of keys) tfjs.got.get(key)!.forEach((row, p) => close(wasm.got.get(key)![p]!, row, tolerance(key), `${key} member ${p}`));

    const a = wasm.event;
    const b = tfjs.event;
    expect(a.step).toBe(STEPS);
    a.members.forEach((m, p) => close([m.trainLoss, m.validationLoss!, m.trainAccuracy!, m.validationAccuracy!], [b.members[p]!.trainLoss, b.members[p]!.validationLoss!, b.members[p]!.trainAccuracy!, b.members[p]!.validationAccuracy!], 2e-5, `member ${p}`));
    const stats = b.activationStats!;
    expect(stats.deadFraction.flat().some((d) => d > 0)).toBe(true); // the ReLU layer has dead units to count
    for (const field of ['mean', 'standardDeviation', 'deadFraction'] as const) a.activationStats![field].forEach((row, p) => close(row, stats[field][p]!, 2e-5, `activationStats.${field} member ${p}`));
    a.probe!.predictions.forEach((rows, p) => close(rows.flat(), b.probe!.predictions[p]!.flat(), 2e-5, `probe member ${p}`));
    expect(a.probe!.inputs).toEqual(b.probe!.inputs);
    expect(a.probe!.inputs.length).toBe(49);

    // Histograms: the same edges; a count may differ only where a value sits within float32 noise of an edge,
    // so at most one value per histogram changes bin (it moves between two neighbouring bins).
    const histograms = (e: ProgressEvent) => [e.histograms!.weights, e.histograms!.gradients, e.histograms!.activations].flat(2);
    const mine = histograms(a);
    const theirs = histograms(b);
    expect(mine.length).toBe(theirs.length);
    expect(mine.length).toBe(5 * (3 + 3 + 3));
    mine.forEach((h, i) => {
      const o = theirs[i]!;
      expect(h.counts.length).toBe(12);
      expect(h.counts.reduce((s, c) => s + c, 0), `histogram ${i}`).toBe(o.counts.reduce((s, c) => s + c, 0));
      close(h.edges, o.edges, 1e-4, `histogram ${i} edges`);
      expect(h.counts.reduce((s, c, j) => s + Math.abs(c - o.counts[j]!), 0), `histogram ${i} counts`).toBeLessThanOrEqual(2);
    });
  });
});

/** Conv and pool layers: a convnet on digit images, two conv layers with a pool between, L2 on every kernel. */
const convnet: RunConfig = {
  model: {
    inputShape: [28, 28, 1],
    initializer: { name: 'he_normal' },
    layers: [
      { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu', name: 'conv' },
      { type: 'pool2d', pool: 'max', size: 2 },
      { type: 'conv2d', filters: 3, kernelSize: 3, padding: 'valid', activation: 'tanh' },
      { type: 'pool2d', pool: 'avg', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax', name: 'output' },
    ],
  },
  training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.05 }, regularization: { l2: 0.001 }, batchSize: 8, seed: 3 },
  dataset: { kind: 'digits', layout: 'image', count: 40 },
  population: { size: 5, members: [0.02, 0.05, 0.1, 0.03, 0.07].map((learningRate, i) => ({ learningRate, seed: i + 1 })) },
  telemetry: { every: 20, layerStats: true, activationStats: true, histogramBins: 12, validation: true, trainMetrics: true },
};

describe('dense-wasm telemetry vs tfjs-cpu on conv and pool layers', () => {
  it('the same keys and numbers: per-layer norms of the conv layers, their activations and histograms, losses and accuracies', async () => {
    const tfjs = await telemetryOn('tfjs-cpu', convnet, 12);
    const wasm = await telemetryOn('dense-wasm', convnet, 12);
    const keys = [...tfjs.got.keys()].sort();
    expect([...wasm.got.keys()].sort()).toEqual(keys);
    for (const key of ['layerStats', 'unitNorms', 'activationStats', 'activation/0', 'activation/1', 'activation/2', 'weight/conv/kernel', 'gradient/conv2d_2/bias', 'trainAccuracy', 'validationLoss'])
      expect(keys, key).toContain(key);
    expect(wasm.got.get('layerStats')![0]!.length).toBe(9); // three layers with parameters, pool layers have none
    const tolerance = (key: string) => (key === 'layerStats' || key.startsWith('gradient/') ? 1e-4 : 2e-5);
    for (const key of keys) tfjs.got.get(key)!.forEach((row, p) => close(wasm.got.get(key)![p]!, row, tolerance(key), `${key} member ${p}`));
    const stats = tfjs.event.activationStats!;
    for (const field of ['mean', 'standardDeviation', 'deadFraction'] as const) wasm.event.activationStats![field].forEach((row, p) => close(row, stats[field][p]!, 2e-5, `activationStats.${field} member ${p}`));
    wasm.event.members.forEach((m, p) => close([m.trainLoss, m.validationLoss!, m.trainAccuracy!, m.validationAccuracy!], [tfjs.event.members[p]!.trainLoss, tfjs.event.members[p]!.validationLoss!, tfjs.event.members[p]!.trainAccuracy!, tfjs.event.members[p]!.validationAccuracy!], 2e-5, `member ${p}`));
  });
});
