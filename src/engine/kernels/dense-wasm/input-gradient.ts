/**
 * ∂loss_i/∂x_i for dense-wasm populations, in float64 JS from the kernel's weights (a question asked once in
 * a while, for adversarial examples: not worth kernel code). Per member and row, evaluation mode:
 *   forward   z_l = h_{l-1} W_l + b_l,  a_l = act(z_l),  h_l = a_l [+ h_{l-1} on a residual layer]
 *             (softmax on the output layer when chosen)
 *   output    δ_L = ∂loss/∂z_L:  softmax - y (categorical CE),  (σ(z) - y)/K (binary CE),
 *             2 (a - y)/K ⊙ act'(a) (mse; through the Jacobian on softmax)  — the per-row losses are the
 *             tfjs path's `exampleLoss`
 *   backward  ∂/∂h_{l-1} = δ_l W_lᵀ [+ ∂/∂h_l, residual],  δ_{l-1} = ∂/∂h_{l-1} ⊙ act'(a_{l-1});  ∂loss/∂x = ∂/∂h_0
 * Inputs are unscaled: x' = (x - mean)/std feeds the net, so ∂loss/∂x = ∂loss/∂x' / std. Conv and pool layers
 * (before the dense ones) go forward first and back last: input-gradient-spatial.ts.
 */
import type { LayerPlan } from '../../model/shapes';
import { act, frontBackward, frontForward, slope, spatialFront } from './input-gradient-spatial';

export interface InputGradientArgs {
  plans: LayerPlan[];
  params: Map<string, Float32Array>;
  members: number;
  loss: string;
  /** Scaled rows [rows][in] and encoded targets [rows][K]. */
  rows: number[][];
  targets: Float32Array;
  std: number[];
}

export function denseInputGradient(a: InputGradientArgs): { gradients: number[][][]; losses: number[][] } {
  // The dense layers (flatten moves nothing); a layer at S positions applies its [fanIn, fanOut] kernel to each
  // of the S slices of its input, and its output is the S slices side by side.
  const layers = a.plans.filter((plan) => plan.spec.type === 'dense');
  const positions = layers.map((plan) => (plan.inputShape.length === 2 ? plan.inputShape[0]! : 1));
  const fanIn = layers.map((plan) => plan.inputShape[plan.inputShape.length - 1]!);
  const fanOut = layers.map((plan) => plan.outputShape[plan.outputShape.length - 1]!);
  const acts = layers.map((p) => (p.spec as { activation?: string }).activation ?? 'linear');
  const residual = layers.map((p) => (p.spec as { residual?: boolean }).residual === true);
  const L = layers.length;
  const K = fanOut[L - 1]!;
  const front = spatialFront(a.plans); // conv and pool layers before the dense ones
  const gradients: number[][][] = [];
  const losses: number[][] = [];
  for (let p = 0; p < a.members; p++) {
    const W = layers.map((plan, l) => a.params.get(`${plan.name}/kernel`)!.subarray(p * fanIn[l]! * fanOut[l]!));
    const B = layers.map((plan, l) => a.params.get(`${plan.name}/bias`)?.subarray(p * fanOut[l]!) ?? null);
    const memberGradients: number[][] = [];
    const memberLosses: number[] = [];
    a.rows.forEach((x, row) => {
      const spatial = front.length > 0 ? frontForward(front, a.params, p, x) : null;
      const h: number[][] = [spatial ? Array.from(spatial[spatial.length - 1]!) : x];
      const activated: number[][] = [];
      let z: number[] = [];
      for (let l = 0; l < L; l++) {
        const nIn = fanIn[l]!;
        const nOut = fanOut[l]!;
        z = Array.from({ length: positions[l]! * nOut }, (_, e) => {
          const at = Math.floor(e / nOut) * nIn;
          const j = e % nOut;
          let s = B[l] ? B[l]![j]! : 0;
          for (let i = 0; i < nIn; i++) s += h[l]![at + i]! * W[l]![i * nOut + j]!;
          return s;
        });
        if (acts[l] === 'softmax') {
          const top = Math.max(...z);
          const e = z.map((v) => Math.exp(v - top));
          const sum = e.reduce((s, v) => s + v, 0);
          activated.push(e.map((v) => v / sum));
        } else activated.push(z.map((v) => act(acts[l]!, v)));
        h.push(residual[l] ? activated[l]!.map((v, i) => v + h[l]![i]!) : activated[l]!);
      }
      const out = h[L]!;
      const y = a.targets.subarray(row * K, (row + 1) * K);
      let delta: number[];
      let rowLoss = 0;
      if (a.loss === 'categorical_crossentropy') {
        const top = Math.max(...z);
        const lse = top + Math.log(z.reduce((s, v) => s + Math.exp(v - top), 0));
        z.forEach((v, k) => (rowLoss -= y[k]! * (v - lse)));
        delta = out.map((v, k) => v - y[k]!);
      } else if (a.loss === 'binary_crossentropy') {
        z.forEach((v, k) => (rowLoss += (Math.max(v, 0) - v * y[k]! + Math.log1p(Math.exp(-Math.abs(v)))) / K));
        delta = out.map((v, k) => (v - y[k]!) / K);
      } else {
        out.forEach((v, k) => (rowLoss += (v - y[k]!) ** 2 / K));
        const g = out.map((v, k) => (2 * (v - y[k]!)) / K);
        // On a softmax output the error goes through its Jacobian: δ_k = a_k (g_k - Σ_j a_j g_j).
        const dot = acts[L - 1] === 'softmax' ? out.reduce((s, v, k) => s + v * g[k]!, 0) : 0;
        delta = acts[L - 1] === 'softmax' ? out.map((v, k) => v * (g[k]! - dot)) : g.map((v, k) => v * slope(acts[L - 1]!, out[k]!));
      }
      let above: number[] = []; // ∂/∂h_l of the layer being processed (its skip path's error when residual)
      for (let l = L - 1; l >= 0; l--) {
        const nIn = fanIn[l]!;
        const nOut = fanOut[l]!;
        const dh = Array.from({ length: positions[l]! * nIn }, (_, e) => {
          const at = Math.floor(e / nIn) * nOut;
          const i = e % nIn;
          let s = 0;
          for (let j = 0; j < nOut; j++) s += delta[at + j]! * W[l]![i * nOut + j]!;
          return residual[l] ? s + above[e]! : s;
        });
        above = dh;
        delta = l > 0 ? dh.map((v, i) => v * slope(acts[l - 1]!, activated[l - 1]![i]!)) : dh;
      }
      const dx = spatial ? frontBackward(front, a.params, p, spatial, delta) : delta;
      memberGradients.push(dx.map((v, i) => v / (a.std[i] ?? 1)));
      memberLosses.push(rowLoss);
    });
    gradients.push(memberGradients);
    losses.push(memberLosses);
  }
  return { gradients, losses };
}
