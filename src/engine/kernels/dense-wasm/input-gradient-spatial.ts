/**
 * The conv and pool layers in front of a dense-wasm network's dense layers, for ∂loss/∂x (input-gradient.ts):
 * one member's forward pass on one row, and the way back from ∂loss/∂(the dense layers' input) to ∂loss/∂x, in
 * the tfjs path's loops (`model/conv-loops.ts`, one member and one image at a time; float64 sums, float32 values).
 *   conv   y = act(x ∗ w + b)  →  δ = ∂/∂y ⊙ act'(y),  ∂/∂x = convInputGradient(δ)
 *   pool   y = max / mean of each window  →  ∂/∂x = poolGradient(x, ∂/∂y)
 */
import { LEAKY_RELU_ALPHA } from '../../model/activations';
import { convForward, convInputGradient, poolForward, poolGradient, type ConvGeometry, type PoolGeometry } from '../../model/conv-loops';
import type { LayerPlan } from '../../model/shapes';
import { spatialOf, type SpatialLayer } from './spatial';

interface Front {
  plan: LayerPlan;
  g: SpatialLayer;
  activation: string;
}

const convGeometry = (g: SpatialLayer): ConvGeometry => ({
  members: 1, batch: 1, height: g.height, width: g.width, channels: g.channels, kernelHeight: g.kernelHeight, kernelWidth: g.kernelWidth,
  filters: g.filters, strideHeight: g.strideHeight, strideWidth: g.strideWidth, padTop: g.padTop, padLeft: g.padLeft, outHeight: g.outHeight, outWidth: g.outWidth,
});
const poolGeometry = (g: SpatialLayer): PoolGeometry => ({
  images: 1, height: g.height, width: g.width, channels: g.channels, poolHeight: g.kernelHeight, poolWidth: g.kernelWidth, outHeight: g.outHeight, outWidth: g.outWidth,
});

/** act(z) and act'(z) from a = act(z), in float64 (dense and conv layers alike). */
export function act(name: string, z: number): number {
  if (name === 'tanh') return Math.tanh(z);
  if (name === 'sigmoid') return 1 / (1 + Math.exp(-z));
  if (name === 'relu') return z > 0 ? z : 0;
  if (name === 'leaky_relu') return z > 0 ? z : LEAKY_RELU_ALPHA * z;
  return z;
}

export function slope(name: string, a: number): number {
  if (name === 'tanh') return 1 - a * a;
  if (name === 'sigmoid') return a * (1 - a);
  if (name === 'relu') return a > 0 ? 1 : 0;
  if (name === 'leaky_relu') return a > 0 ? 1 : LEAKY_RELU_ALPHA;
  return 1;
}

/** The spatial layers in order (they all come before the dense layers on dense-wasm). */
export function spatialFront(plans: LayerPlan[]): Front[] {
  return plans.flatMap((plan) => {
    const g = spatialOf(plan);
    return g ? [{ plan, g, activation: g.type === 'conv' ? ((plan.spec as { activation?: string }).activation ?? 'relu') : 'linear' }] : [];
  });
}

/** Member p's parameters of a conv layer: filter [KH·KW·C·F] and bias [F] (or null). */
function convParams(front: Front, params: Map<string, Float32Array>, p: number): { w: Float32Array; b: Float32Array | null } {
  const { g, plan } = front;
  const size = g.kernelHeight * g.kernelWidth * g.channels * g.filters;
  const bias = params.get(`${plan.name}/bias`);
  return { w: params.get(`${plan.name}/kernel`)!.subarray(p * size, (p + 1) * size), b: bias ? bias.subarray(p * g.filters, (p + 1) * g.filters) : null };
}

/** Forward through the front for member p: the input of each spatial layer, then the last one's output. */
export function frontForward(front: Front[], params: Map<string, Float32Array>, p: number, x: number[]): Float32Array[] {
  const values: Float32Array[] = [Float32Array.from(x)];
  for (const layer of front) {
    const { g } = layer;
    const input = values[values.length - 1]!;
    const out = new Float32Array(g.outHeight * g.outWidth * g.filters);
    if (g.type === 'conv') {
      const { w, b } = convParams(layer, params, p);
      convForward(convGeometry(g), input, w, b, layer.activation === 'relu', out);
      if (layer.activation !== 'relu') out.forEach((z, i) => (out[i] = act(layer.activation, z)));
    } else poolForward(poolGeometry(g), g.type, input, out);
    values.push(out);
  }
  return values;
}

/** ∂loss/∂x from ∂loss/∂(the front's output), with the forward values of `frontForward`. */
export function frontBackward(front: Front[], params: Map<string, Float32Array>, p: number, values: Float32Array[], above: number[]): number[] {
  let d = Float32Array.from(above);
  for (let s = front.length - 1; s >= 0; s--) {
    const layer = front[s]!;
    const { g } = layer;
    const input = values[s]!;
    const dx = new Float32Array(input.length);
    if (g.type === 'conv') {
      const y = values[s + 1]!;
      const delta = d.map((v, i) => v * slope(layer.activation, y[i]!));
      convInputGradient(convGeometry(g), convParams(layer, params, p).w, delta, null, dx);
    } else poolGradient(poolGeometry(g), g.type, input, d, dx);
    d = dx;
  }
  return Array.from(d);
}
