/**
 * Shape inference: the shape of one example after each layer, and the parameters each layer owns.
 * Used by validation (to reject impossible architectures before anything is built) and by the model.
 */
import type { LayerSpec } from '../config';

export interface ParamSpec {
  /** `<layer>/kernel`, `<layer>/bias`, `<layer>/gamma`, `<layer>/beta`. */
  name: string;
  /** Shape for one member (the population axis P is prepended in tensors). */
  shape: number[];
  /** Weights count towards L1/L2 and max-norm; biases and norm parameters do not. */
  role: 'kernel' | 'bias' | 'gamma' | 'beta';
  fanIn: number;
  fanOut: number;
}

export interface LayerPlan {
  index: number;
  name: string;
  spec: LayerSpec;
  inputShape: number[];
  outputShape: number[];
  params: ParamSpec[];
}

/** Output size of a strided window: 'same' keeps ceil(n / stride), 'valid' ceil((n - k + 1) / stride). */
function convLength(n: number, kernel: number, stride: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(n / stride) : Math.ceil((n - kernel + 1) / stride);
}

export function layerName(spec: LayerSpec, index: number): string {
  return spec.name ?? `${spec.type}_${index}`;
}

/** Returns the plan, or a string naming the problem (validation turns it into an issue). */
export function planLayer(spec: LayerSpec, index: number, inputShape: number[]): LayerPlan | string {
  const name = layerName(spec, index);
  const params: ParamSpec[] = [];
  let outputShape: number[];
  const size = inputShape.reduce((a, b) => a * b, 1);
  switch (spec.type) {
    case 'dense': {
      // A rank-2 input [positions, features] gets the same layer at every position (Keras's Dense on the last
      // axis): one small function shared by all positions, as a 1-wide convolution would be, but dense.
      if (inputShape.length > 2) return `dense layer needs a flat input or [positions, features], got shape [${inputShape}]: add a flatten layer`;
      const fanIn = inputShape[inputShape.length - 1] as number;
      params.push({ name: `${name}/kernel`, shape: [fanIn, spec.units], role: 'kernel', fanIn, fanOut: spec.units });
      if (spec.useBias !== false) params.push({ name: `${name}/bias`, shape: [1, spec.units], role: 'bias', fanIn, fanOut: spec.units });
      if (spec.normalization === 'batch' || spec.normalization === 'layer') {
        params.push({ name: `${name}/gamma`, shape: [1, spec.units], role: 'gamma', fanIn, fanOut: spec.units });
        params.push({ name: `${name}/beta`, shape: [1, spec.units], role: 'beta', fanIn, fanOut: spec.units });
      }
      if (spec.residual && fanIn !== spec.units) return `residual dense layer needs input width ${fanIn} == units ${spec.units}`;
      outputShape = [...inputShape.slice(0, -1), spec.units];
      break;
    }
    case 'conv1d':
    case 'conv2d': {
      const spatial = spec.type === 'conv1d' ? 1 : 2;
      if (inputShape.length !== spatial + 1) return `${spec.type} needs inputs of rank ${spatial + 1}, got [${inputShape}]`;
      const channels = inputShape[spatial] as number;
      const k = spec.kernelSize;
      const stride = spec.stride ?? 1;
      const padding = spec.padding ?? 'same';
      const kernelShape = spatial === 1 ? [k, channels, spec.filters] : [k, k, channels, spec.filters];
      const receptive = spatial === 1 ? k : k * k;
      params.push({ name: `${name}/kernel`, shape: kernelShape, role: 'kernel', fanIn: receptive * channels, fanOut: receptive * spec.filters });
      if (spec.useBias !== false) params.push({ name: `${name}/bias`, shape: [spec.filters], role: 'bias', fanIn: receptive * channels, fanOut: spec.filters });
      const dims = inputShape.slice(0, spatial).map((n) => convLength(n, k, stride, padding));
      if (dims.some((d) => d < 1)) return `${spec.type} kernel ${k} is larger than its input [${inputShape}]`;
      outputShape = [...dims, spec.filters];
      break;
    }
    case 'pool1d':
    case 'pool2d': {
      const spatial = spec.type === 'pool1d' ? 1 : 2;
      if (inputShape.length !== spatial + 1) return `${spec.type} needs inputs of rank ${spatial + 1}, got [${inputShape}]`;
      const dims = inputShape.slice(0, spatial).map((n) => Math.floor(n / spec.size));
      if (dims.some((d) => d < 1)) return `${spec.type} size ${spec.size} is larger than its input [${inputShape}]`;
      outputShape = [...dims, inputShape[spatial] as number];
      break;
    }
    case 'flatten':
      outputShape = [size];
      break;
  }
  return { index, name, spec, inputShape, outputShape, params };
}

export function planModel(inputShape: number[], layers: LayerSpec[]): LayerPlan[] | { index: number; problem: string } {
  const plans: LayerPlan[] = [];
  let shape = inputShape;
  for (let i = 0; i < layers.length; i++) {
    const plan = planLayer(layers[i] as LayerSpec, i, shape);
    if (typeof plan === 'string') return { index: i, problem: plan };
    plans.push(plan);
    shape = plan.outputShape;
  }
  if (shape.length !== 1) return { index: layers.length - 1, problem: `the output must be flat, got shape [${shape}]: add a flatten layer and a dense layer` };
  return plans;
}
