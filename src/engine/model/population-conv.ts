/**
 * Convolution and pooling of a whole population as single tfjs kernels on the CPU backends (cpu, wasm), with
 * their gradients; the loops are in `conv-loops.ts`.
 *
 * Why: tfjs convolutions have no per-member filters, so a population's conv layer used to run member by
 * member, and on the CPU backends the filter gradient had no usable kernel: tfjs-cpu's Conv2DBackpropFilter
 * is a scalar loop through index arithmetic (3 s for one member's 8→16 3×3 layer on a batch of 32, 200× its
 * forward pass), and tfjs-backend-wasm 4.22 registers none at all. Here one kernel call covers every member,
 * and the three conv kernels (forward, filter and input gradients) walk the same loop nest, so the backward
 * pass costs what the forward pass does. A GPU backend keeps tfjs' own conv2d, member by member.
 *
 * The kernels are registered under the engine's own names, so tfjs' kernels stay untouched; they read and
 * write the backend's storage directly (cpu: its typed arrays; wasm: the module's heap), never `dataSync`.
 */
import * as tf from '../tf';
import { convAxis, convBiasGradient, convFilterGradient, convForward, convInputGradient, poolForward, poolGradient, type ConvGeometry, type PoolGeometry } from './conv-loops';

export const POPULATION_CONV_BACKENDS = ['cpu', 'wasm'] as const;

const CONV = 'DeepPracticePopulationConv';
const CONV_FILTER_GRAD = 'DeepPracticePopulationConvFilterGrad';
const CONV_INPUT_GRAD = 'DeepPracticePopulationConvInputGrad';
const CONV_BIAS_GRAD = 'DeepPracticePopulationConvBiasGrad';
const POOL = 'DeepPracticePool';
const POOL_GRAD = 'DeepPracticePoolGrad';

interface CpuStorage {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}
interface WasmStorage {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

/**
 * Runs `compute` on views of the inputs and a fresh output of `shape`. On wasm the output is allocated first:
 * allocating can grow the module's memory, which detaches every earlier view of the heap.
 */
function withArrays(backend: unknown, inputs: tf.TensorInfo[], shape: number[], compute: (inputs: Float32Array[], output: Float32Array) => void): tf.TensorInfo {
  const size = shape.reduce((a, b) => a * b, 1);
  if (typeof (backend as Partial<WasmStorage>).typedArrayFromHeap === 'function') {
    const wasm = backend as WasmStorage;
    const out = wasm.makeOutput(shape, 'float32');
    compute(
      inputs.map((info) => wasm.typedArrayFromHeap(info)),
      wasm.typedArrayFromHeap(out),
    );
    return out;
  }
  const cpu = backend as CpuStorage;
  const output = new Float32Array(size);
  compute(
    inputs.map((info) => cpu.data.get(info.dataId).values as Float32Array),
    output,
  );
  return cpu.makeTensorInfo(shape, 'float32', output);
}

function convGeometry(xShape: number[], filterShape: number[], attrs: tf.NamedAttrMap): ConvGeometry {
  const [members, batch, height, width, channels] = xShape as [number, number, number, number, number];
  const [, kernelHeight, kernelWidth, , filters] = filterShape as [number, number, number, number, number];
  const strideHeight = attrs.strideHeight as number;
  const strideWidth = attrs.strideWidth as number;
  const padding = attrs.padding as 'same' | 'valid';
  const rows = convAxis(height, kernelHeight, strideHeight, padding);
  const cols = convAxis(width, kernelWidth, strideWidth, padding);
  return { members, batch, height, width, channels, kernelHeight, kernelWidth, filters, strideHeight, strideWidth, padTop: rows.padBefore, padLeft: cols.padBefore, outHeight: rows.out, outWidth: cols.out };
}

function poolGeometry(xShape: number[], attrs: tf.NamedAttrMap): PoolGeometry {
  const [images, height, width, channels] = xShape as [number, number, number, number];
  const poolHeight = attrs.poolHeight as number;
  const poolWidth = attrs.poolWidth as number;
  return { images, height, width, channels, poolHeight, poolWidth, outHeight: Math.floor(height / poolHeight), outWidth: Math.floor(width / poolWidth) };
}

type Infos = Record<string, tf.TensorInfo>;

function register(): void {
  for (const backendName of POPULATION_CONV_BACKENDS) {
    // x [P,B,H,W,C], filter [P,KH,KW,C,F], bias [P,F] (optional) → relu?(x ∗ filter + bias).
    tf.registerKernel({
      kernelName: CONV,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x, filter, bias } = inputs as Infos;
        const g = convGeometry(x!.shape, filter!.shape, attrs);
        const shape = [g.members, g.batch, g.outHeight, g.outWidth, g.filters];
        return withArrays(backend, bias ? [x!, filter!, bias] : [x!, filter!], shape, ([xs, ws, bs], y) => convForward(g, xs!, ws!, bs ?? null, attrs.relu === true, y));
      },
    });
    // The gradients take dy and the forward output y (dy is masked where a fused ReLU was off).
    tf.registerKernel({
      kernelName: CONV_FILTER_GRAD,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x, filter, dy, y } = inputs as Infos;
        const g = convGeometry(x!.shape, filter!.shape, attrs);
        return withArrays(backend, [x!, dy!, y!], filter!.shape, ([xs, dys, ys], dw) => convFilterGradient(g, xs!, dys!, attrs.relu === true ? ys! : null, dw));
      },
    });
    tf.registerKernel({
      kernelName: CONV_INPUT_GRAD,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x, filter, dy, y } = inputs as Infos;
        const g = convGeometry(x!.shape, filter!.shape, attrs);
        return withArrays(backend, [filter!, dy!, y!], x!.shape, ([ws, dys, ys], dx) => convInputGradient(g, ws!, dys!, attrs.relu === true ? ys! : null, dx));
      },
    });
    tf.registerKernel({
      kernelName: CONV_BIAS_GRAD,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x, filter, dy, y } = inputs as Infos;
        const g = convGeometry(x!.shape, filter!.shape, attrs);
        return withArrays(backend, [dy!, y!], [g.members, g.filters], ([dys, ys], db) => convBiasGradient(g, dys!, attrs.relu === true ? ys! : null, db));
      },
    });
    tf.registerKernel({
      kernelName: POOL,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x } = inputs as Infos;
        const g = poolGeometry(x!.shape, attrs);
        return withArrays(backend, [x!], [g.images, g.outHeight, g.outWidth, g.channels], ([xs], y) => poolForward(g, attrs.pool as 'max' | 'avg', xs!, y));
      },
    });
    tf.registerKernel({
      kernelName: POOL_GRAD,
      backendName,
      kernelFunc: ({ inputs, backend, attrs = {} }) => {
        const { x, dy } = inputs as Infos;
        const g = poolGeometry(x!.shape, attrs);
        return withArrays(backend, [x!, dy!], x!.shape, ([xs, dys], dx) => poolGradient(g, attrs.pool as 'max' | 'avg', xs!, dys!, dx));
      },
    });
  }
  // tfjs calls each gradient thunk only for an input on the path to the loss (a first conv layer never
  // computes ∂L/∂x, unless inputGradient asks for it).
  tf.registerGradient({
    kernelName: CONV,
    inputsToSave: ['x', 'filter'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter, y] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      const inputs = { x, filter, dy: dy as tf.Tensor, y };
      const run = (name: string) => () => tf.engine().runKernel(name, inputs, attrs) as tf.Tensor;
      return { x: run(CONV_INPUT_GRAD), filter: run(CONV_FILTER_GRAD), bias: run(CONV_BIAS_GRAD) };
    },
  });
  tf.registerGradient({
    kernelName: POOL,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved as [tf.Tensor];
      return { x: () => tf.engine().runKernel(POOL_GRAD, { x, dy: dy as tf.Tensor }, attrs) as tf.Tensor };
    },
  });
}

let registered = false;

/** True when the active backend runs the population kernels (registering them on first use). */
export function populationConvAvailable(): boolean {
  if (!registered) {
    register();
    registered = true;
  }
  return (POPULATION_CONV_BACKENDS as readonly string[]).includes(tf.getBackend());
}

/** x [P, B, H, W, C], filter [P, KH, KW, C, F], bias [P, F] or null → [P, B, OH, OW, F], with a ReLU when `relu`. */
export function populationConv2d(x: tf.Tensor, filter: tf.Tensor, bias: tf.Tensor | null, stride: [number, number], padding: 'same' | 'valid', relu: boolean): tf.Tensor {
  populationConvAvailable();
  const inputs: tf.NamedTensorMap = bias ? { x, filter, bias } : { x, filter };
  return tf.engine().runKernel(CONV, inputs, { strideHeight: stride[0], strideWidth: stride[1], padding, relu }) as tf.Tensor;
}

/** x [N, H, W, C] → [N, ⌊H/ph⌋, ⌊W/pw⌋, C]: max or average over non-overlapping windows ('valid'). */
export function populationPool(x: tf.Tensor, pool: 'max' | 'avg', window: [number, number]): tf.Tensor {
  populationConvAvailable();
  return tf.engine().runKernel(POOL, { x }, { pool, poolHeight: window[0], poolWidth: window[1] }) as tf.Tensor;
}
