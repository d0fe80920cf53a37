/**
 * dense-wasm's read-back: the same keys and numbers as the tfjs path's (train/kernel.ts, `Readback`), from
 * the kernel's evaluation forward pass and the values its last collecting step left behind. Losses and
 * accuracies are summed here in float64 from the kernel's float32 outputs, with the tfjs path's formulas:
 *   mse             mean_{rows,k} (a - y)²
 *   binary CE       mean_{rows,k} [max(z, 0) - z y + log(1 + e^-|z|)]        (z: the output logits)
 *   categorical CE  mean_rows -Σ_k y_k (z_k - log Σ_j e^{z_j})
 *   accuracy        thresholded outputs (binary encodings) or argmax, against the targets
 */
import { scaleRows } from '../../datasets/split';
import type { Readback } from '../../train/kernel';
import { encodeTargets } from '../../train/member-data';
import { activationLayerPlans, statLayers } from '../../train/stat-layers';
import type { DenseWasmTrainer } from './trainer';

/** Rows of the training data used for activation statistics and histograms (as on the tfjs path). */
const ACTIVATION_SAMPLE = 256;

/** Per-member loss from logits z, outputs a and targets y, each [P][rows][K]. */
export function memberLosses(loss: string, z: Float32Array, a: Float32Array, y: ArrayLike<number>, members: number, rows: number, K: number, sharedTargets: boolean): number[] {
  const out: number[] = [];
  for (let p = 0; p < members; p++) {
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const at = (p * rows + r) * K;
      const yt = (sharedTargets ? r : p * rows + r) * K;
      if (loss === 'categorical_crossentropy') {
        let top = -Infinity;
        for (let k = 0; k < K; k++) top = Math.max(top, z[at + k]!);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp(z[at + k]! - top);
        const lse = top + Math.log(sum);
        for (let k = 0; k < K; k++) total -= y[yt + k]! * (z[at + k]! - lse);
      } else
        for (let k = 0; k < K; k++) {
          const v = z[at + k]!;
          total += loss === 'binary_crossentropy' ? Math.max(v, 0) - v * y[yt + k]! + Math.log1p(Math.exp(-Math.abs(v))) : (a[at + k]! - y[yt + k]!) ** 2;
        }
    }
    out.push(total / (loss === 'categorical_crossentropy' ? rows : rows * K));
  }
  return out;
}

function memberAccuracy(threshold: number | null, a: Float32Array, y: ArrayLike<number>, members: number, rows: number, K: number, sharedTargets: boolean): number[] {
  const out: number[] = [];
  for (let p = 0; p < members; p++) {
    let right = 0;
    for (let r = 0; r < rows; r++) {
      const at = (p * rows + r) * K;
      const yt = (sharedTargets ? r : p * rows + r) * K;
      if (threshold !== null) {
        for (let k = 0; k < K; k++) if (a[at + k]! > threshold === y[yt + k]! > threshold) right += 1 / K;
      } else {
        let best = 0;
        let truth = 0;
        for (let k = 1; k < K; k++) {
          if (a[at + k]! > a[at + best]!) best = k;
          if (y[yt + k]! > y[yt + truth]!) truth = k;
        }
        if (best === truth) right++;
      }
    }
    out.push(right / rows);
  }
  return out;
}

/** Per member, the predicted class id of each row: thresholded one-output classifiers, else the argmax. */
function memberClasses(threshold: number | null, a: Float32Array, members: number, rows: number, K: number): number[][] {
  return Array.from({ length: members }, (_, p) =>
    Array.from({ length: rows }, (_, r) => {
      const at = (p * rows + r) * K;
      if (threshold !== null) return a[at]! > threshold ? 1 : 0;
      let best = 0;
      for (let k = 1; k < K; k++) if (a[at + k]! > a[at + best]!) best = k;
      return best;
    }),
  );
}

const column = (values: number[]): number[][] => values.map((v) => [v]);

/** Rows [P][width] from a flat member-major array. */
function rowsOf(values: ArrayLike<number>, members: number): number[][] {
  const width = values.length / members;
  return Array.from({ length: members }, (_, p) => Array.from(Array.prototype.slice.call(values, p * width, (p + 1) * width) as number[]));
}

/** Per member, per stat layer: the largest column norm of the layer's [in, out] kernel, from the weights as they
 * are now (after the last step's max-norm projection). */
function largestUnitNorms(t: DenseWasmTrainer, members: number): number[][] {
  const params = t.paramValues();
  const kernels = t.plans.filter((plan) => plan.params.length > 0).map((plan) => plan.params.find((param) => param.role === 'kernel'));
  return Array.from({ length: members }, (_, p) => kernels.map((kernel) => {
    const values = kernel && kernel.shape.length === 2 ? params.get(kernel.name) : undefined;
    if (!kernel || !values) return 0;
    const [inputs, units] = kernel.shape as [number, number];
    const offset = p * inputs * units;
    let largest = 0;
    for (let j = 0; j < units; j++) {
      let sum = 0;
      for (let i = 0; i < inputs; i++) sum += values[offset + i * units + j]! ** 2;
      largest = Math.max(largest, Math.sqrt(sum));
    }
    return largest;
  }));
}

export function denseWasmReadBack(t: DenseWasmTrainer, probeRows: number[][] | null, params: readonly string[] = []): Readback {
  const telemetry = t.config.telemetry;
  const P = t.members;
  const K = t.data.targetWidth;
  const loss = t.config.training.loss;
  const kernel = t.kernel;
  const out: Readback = new Map();
  const window = t.takeWindow();
  const caught = t.takeCaught();
  // A member the kernel froze for a non-finite update (its weights restored to their last finite values) reads
  // finiteParams 0 and a NaN loss, so progress() reports it diverged and neutralizes it.
  out.set('finiteParams', column(caught.map((c) => (c ? 0 : 1))));
  out.set('batchFingerprint', t.fingerprints());
  if (window || caught.some(Boolean)) out.set('windowLoss', column(Array.from({ length: P }, (_, p) => (caught[p] ? NaN : (window?.[p] ?? NaN)))));
  const evaluateSplit = (inputs: Float32Array, targets: ArrayLike<number>, rows: number, perMember: boolean, prefix: string) => {
    const { a, z } = kernel.evaluateOutputs(inputs, rows, perMember);
    out.set(`${prefix}Loss`, column(memberLosses(loss, z, a, targets, P, rows, K, !perMember)));
    if (t.data.encoding) out.set(`${prefix}Accuracy`, column(memberAccuracy(t.data.encoding.threshold ?? null, a, targets, P, rows, K, !perMember)));
    if (t.data.encoding && telemetry.confusion && prefix === 'validation') out.set('validationClasses', memberClasses(t.data.encoding.threshold ?? null, a, P, rows, K));
  };
  if (telemetry.validation) {
    if (telemetry.trainMetrics) evaluateSplit(t.data.inputs, t.data.targets, t.data.count, true, 'train');
    const split = t.data.base.validation;
    if (split.count > 0) evaluateSplit(split.inputs, encodeTargets(split, t.data.encoding, K), split.count, false, 'validation');
  }
  if (t.pendingStats) {
    out.set('layerStats', rowsOf(t.pendingStats, P));
    t.pendingStats = null;
  }
  if (telemetry.layerStats) out.set('unitNorms', largestUnitNorms(t, P));
  if (telemetry.activationStats || telemetry.histogramBins > 0) {
    const sample = Math.min(ACTIVATION_SAMPLE, t.data.count);
    const width = t.data.base.inputSize;
    const inputs = new Float32Array(P * sample * width);
    for (let p = 0; p < P; p++) inputs.set(t.data.inputs.subarray(p * t.data.count * width, (p * t.data.count + sample) * width), p * sample * width);
    const layers = activationLayerPlans(t.plans);
    const outputs = layers.map((plan) => kernel.evaluate(inputs, sample, true, t.kernelLayer(plan.index)));
    if (telemetry.activationStats)
      out.set('activationStats', Array.from({ length: P }, (_, p) =>
        outputs.flatMap((values, i) => {
          const units = values.length / (P * sample);
          const block = values.subarray(p * sample * units, (p + 1) * sample * units);
          const mean = block.reduce((s, v) => s + v, 0) / block.length;
          const variance = block.reduce((s, v) => s + (v - mean) ** 2, 0) / block.length;
          const activation = (layers[i]!.spec as { activation?: string }).activation ?? 'linear';
          let dead = 0;
          if (activation === 'relu' || activation === 'leaky_relu')
            for (let j = 0; j < units; j++) {
              let top = -Infinity;
              for (let r = 0; r < sample; r++) top = Math.max(top, block[r * units + j]!);
              if (top <= 0) dead += 1 / units;
            }
          return [mean, Math.sqrt(variance), dead];
        }),
      ));
    if (telemetry.histogramBins > 0) outputs.forEach((values, i) => out.set(`activation/${i}`, rowsOf(values, P)));
    if (telemetry.histogramBins > 0 && telemetry.preActivationHistograms)
      layers.forEach((plan, i) => out.set(`preActivation/${i}`, rowsOf(kernel.evaluate(inputs, sample, true, t.kernelLayer(plan.index), true), P)));
  }
  if (telemetry.histogramBins > 0) {
    const params = t.paramValues();
    for (const name of statLayers(t.plans).params.flat()) out.set(`weight/${name}`, rowsOf(params.get(name)!, P));
    for (const [name, g] of t.lastGradients ?? []) out.set(`gradient/${name}`, rowsOf(g, P));
  }
  if (params.length > 0) {
    const values = t.paramValues();
    for (const name of params) out.set(`param/${name}`, rowsOf(values.get(name)!, P));
  }
  if (probeRows) {
    const scaled = Float32Array.from(scaleRows(probeRows, t.data.base.scaler).flat());
    out.set('probe', rowsOf(kernel.evaluate(scaled, probeRows.length, false), P));
  }
  return out;
}
