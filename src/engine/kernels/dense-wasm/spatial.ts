/**
 * Conv and pool layers in the dense-wasm kernel: their geometry, as the tfjs path's population kernels define it
 * (`model/conv-loops.ts`: NHWC, filter [KH, KW, C, F], TensorFlow's 'same' padding with the odd pixel after, a
 * 1-D layer is a 2-D one of height 1; pooling windows of size = stride, the remainder left out), and the tap
 * table the kernel's convolution walks (every (output position, filter tap) pair that lands inside the image,
 * so the bounds checks stay out of its loops).
 */
import type { ConvLayerSpec, LayerSpec } from '../../config';
import { convAxis, tapTable as outputTaps, type ConvGeometry } from '../../model/conv-loops';
import type { LayerPlan } from '../../model/shapes';
import { LAYER, LAYER_TYPE, type LayerShape } from './layout';

/**
 * A conv or pool layer's geometry: the tfjs path's per-call geometry without its members and batch (kernel* is
 * the filter or pooling window; `filters` the conv's filters, or the pool's channels).
 */
export interface SpatialLayer extends Omit<ConvGeometry, 'members' | 'batch'> {
  type: 'conv' | 'max' | 'avg';
}

export const isSpatial = (spec: LayerSpec): boolean => spec.type === 'conv1d' || spec.type === 'conv2d' || spec.type === 'pool1d' || spec.type === 'pool2d';

/** The geometry of a conv or pool layer, or null for any other layer. */
export function spatialOf(plan: LayerPlan): SpatialLayer | null {
  const spec = plan.spec;
  if (spec.type !== 'conv1d' && spec.type !== 'conv2d' && spec.type !== 'pool1d' && spec.type !== 'pool2d') return null;
  const oneD = spec.type === 'conv1d' || spec.type === 'pool1d';
  const [height, width, channels] = oneD ? [1, plan.inputShape[0]!, plan.inputShape[1]!] : (plan.inputShape as [number, number, number]);
  if (spec.type === 'pool1d' || spec.type === 'pool2d') {
    const window = spec.size;
    const kernelHeight = oneD ? 1 : window;
    return {
      type: spec.pool, height, width, channels, kernelHeight, kernelWidth: window, strideHeight: kernelHeight, strideWidth: window,
      padTop: 0, padLeft: 0, outHeight: Math.floor(height / kernelHeight), outWidth: Math.floor(width / window), filters: channels,
    };
  }
  const conv = spec as ConvLayerSpec;
  const k = conv.kernelSize;
  const stride = conv.stride ?? 1;
  const padding = conv.padding ?? 'same';
  const kernelHeight = oneD ? 1 : k;
  const strideHeight = oneD ? 1 : stride;
  const rows = convAxis(height, kernelHeight, strideHeight, padding);
  const cols = convAxis(width, k, stride, padding);
  return {
    type: 'conv', height, width, channels, kernelHeight, kernelWidth: k, strideHeight, strideWidth: stride,
    padTop: rows.padBefore, padLeft: cols.padBefore, outHeight: rows.out, outWidth: cols.out, filters: conv.filters,
  };
}

/** The conv's two tap tables, one after the other, in i32 words (n taps land inside the image):
 *   by output  start[OH·OW + 1] (position pos uses taps start[pos] .. start[pos + 1]), then each tap's input offset
 *              ((iy·W + ix)·C) and filter offset ((ky·KW + kx)·C·F), in values; taps in (ky, kx) order as tfjs sums
 *   by input   start[H·W + 1], then each tap's output offset (pos·F) and filter offset: the same n taps grouped by
 *              the input pixel they read, for the forward pass's scatter (which skips a pixel that is 0) */
export function tapTable(g: SpatialLayer): Int32Array {
  const { start, input, filter } = outputTaps(g);
  // The same taps grouped by the input pixel they read, in the by-output order within each pixel.
  const byInput: [number, number][][] = Array.from({ length: g.height * g.width }, () => []);
  for (let pos = 0; pos + 1 < start.length; pos++)
    for (let t = start[pos]!; t < start[pos + 1]!; t++) byInput[input[t]! / g.channels]!.push([pos * g.filters, filter[t]!]);
  const inputStart = [0];
  for (const taps of byInput) inputStart.push(inputStart[inputStart.length - 1]! + taps.length);
  const flat = byInput.flat();
  return Int32Array.from([...start, ...input, ...filter, ...inputStart, ...flat.map(([o]) => o), ...flat.map(([, f]) => f)]);
}

const TYPE_CODE = { conv: LAYER_TYPE.conv, max: LAYER_TYPE.max, avg: LAYER_TYPE.avg } as const;

/** Writes a spatial layer's words into its header record (`record`: the layer's LAYER_WORDS words) and its tap
 * table at `tapsAddress` of the kernel's memory (`heap`). */
export function spatialWords(record: Int32Array, g: SpatialLayer, tapsAddress: number, taps: Int32Array | null, heap: Int32Array): void {
  record[LAYER.type] = TYPE_CODE[g.type];
  record[LAYER.height] = g.height;
  record[LAYER.width] = g.width;
  record[LAYER.channels] = g.channels;
  record[LAYER.kh] = g.kernelHeight;
  record[LAYER.kw] = g.kernelWidth;
  record[LAYER.sh] = g.strideHeight;
  record[LAYER.sw] = g.strideWidth;
  record[LAYER.padTop] = g.padTop;
  record[LAYER.padLeft] = g.padLeft;
  record[LAYER.outH] = g.outHeight;
  record[LAYER.outW] = g.outWidth;
  record[LAYER.taps] = taps ? tapsAddress : 0;
  record[LAYER.tapCount] = taps ? (taps.length - g.outHeight * g.outWidth - g.height * g.width - 2) / 4 : 0;
  if (taps) heap.set(taps, tapsAddress / 4);
}

/** The kernel's layer shapes with the spatial layers' own (a conv's filter [KH·KW·C, F] and its tap table; a pool
 * has no parameters), and the tap tables. */
export function layerShapes(dense: LayerShape[], spatial: (SpatialLayer | null)[]): { shapes: LayerShape[]; taps: (Int32Array | null)[] } {
  const taps = spatial.map((g) => (g?.type === 'conv' ? tapTable(g) : null));
  const shapes = dense.map((shape, l) => {
    const g = spatial[l];
    if (!g) return shape;
    const conv = g.type === 'conv';
    return { positions: 1, fanIn: conv ? g.kernelHeight * g.kernelWidth * g.channels : 0, fanOut: conv ? g.filters : 0, dense: false, tapWords: taps[l]?.length ?? 0 };
  });
  return { shapes, taps };
}
