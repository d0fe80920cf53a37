/**
 * The dense-wasm kernel's memory plan, decided here in JS: one header of 32-bit words (sizes, pointers,
 * hyperparameters, then one 16-word record per layer) followed by 16-byte-aligned buffers. The word
 * indices mirror `assembly/layout.ts`; the tests train through both, so a mismatch fails them.
 *
 * Population arrays are member-interleaved: group g (members 4g..4g+3, padded to a multiple of 4) holds
 * [count][4 lanes] float32, so the kernel's one v128 load is one scalar of four networks.
 */
export const WORD = {
  layers: 0, groups: 1, paramsPerNet: 2, rows: 3, batchMax: 4, loss: 5, optimizer: 6,
  params: 7, grads: 8, state1: 9, state2: 10, rates: 11, l1: 12, l2: 13, decay: 14, active: 15,
  inputs: 16, targets: 17, order: 18, inputMask: 19, lossOut: 20, stats: 21, flags: 22, bad: 23,
  y: 24, z: 25, inputWidth: 26, outputWidth: 27, before: 28,
  momentum: 32, beta1: 33, beta2: 34, epsilon: 35, clipNorm: 36, clipValue: 37,
} as const;
export const LAYER_BASE = 48;
export const LAYER_WORDS = 32;
export const LAYER = {
  in: 0, out: 1, act: 2, kernel: 3, bias: 4, flags: 5, mask: 6, maxNorm: 7, hIn: 8, aOut: 9, hOut: 10, delta: 11, positions: 12, grad: 13,
  type: 14, values: 15, height: 16, width: 17, channels: 18, kh: 19, kw: 20, sh: 21, sw: 22, padTop: 23, padLeft: 24, outH: 25, outW: 26, taps: 27, tapCount: 28,
} as const;
export const LAYER_TYPE = { dense: 0, conv: 1, max: 2, avg: 3 } as const;
export const MAX_LAYERS = 32;
export const FLAG = { l1: 1, l2: 2, decay: 4 } as const;
export const LAYER_FLAG = { trainable: 1, bias: 2, residual: 4 } as const;

/** Where the layout starts: above the module's own static data (AssemblyScript's stub runtime keeps it in
 * the first 64 KiB page; `DenseKernel` checks that). */
export const HEADER_ADDRESS = 65536;

/** One kernel layer's parameter block and scratch needs. A dense layer at S positions applies its [fanIn, fanOut]
 * kernel to each of S slices; a conv layer's kernel is its filter [KH·KW·C, F]; a pool layer has none (0, 0). */
export interface LayerShape {
  positions: number;
  fanIn: number;
  fanOut: number;
  /** Dense layers get dropout-mask and pre-dropout scratch; spatial layers need neither. */
  dense: boolean;
  /** i32 words of a conv layer's tap table (0 otherwise). */
  tapWords: number;
}

export interface Plan {
  /** Values per example after each layer, inputs first (S·units for a layer run at S positions). */
  widths: number[];
  /** Per layer: positions it runs at, and its kernel's [fanIn, fanOut]. */
  positions: number[];
  fanIn: number[];
  fanOut: number[];
  /** Per layer: offsets of the kernel and bias inside one network's Q parameters (-1 = no bias). */
  kernelOffset: number[];
  biasOffset: number[];
  /** Parameters per network. */
  Q: number;
  groups: number;
  /** Members padded to a multiple of 4. */
  padded: number;
  address: Record<string, number>;
  layerScratch: { hIn: number; aOut: number; hOut: number; delta: number; mask: number; grad: number; taps: number }[];
  /** First free byte after the static layout (evaluation buffers go there). */
  end: number;
}

/** Plain dense layers: fanIn and fanOut from the widths and the positions each runs at. */
export function denseShapes(widths: number[], positions: number[] = widths.slice(1).map(() => 1)): LayerShape[] {
  return positions.map((s, l) => ({ positions: s, fanIn: widths[l]! / s, fanOut: widths[l + 1]! / s, dense: true, tapWords: 0 }));
}

/** A layer run at S positions is S rows per example in the scratch buffers (sized by `widths`, per example):
 * [B][S·u] and [B·S][u] are the same bytes, so the kernel only multiplies its row count by S. `residual[l]`:
 * hidden layer l adds its input to its output (it gets a scratch for its skip path's error). */
export function planMemory(widths: number[], useBias: boolean[], members: number, rows: number, batchMax: number, shapes: LayerShape[] = denseShapes(widths), residual: boolean[] = []): Plan {
  const L = widths.length - 1;
  if (L < 1 || L > MAX_LAYERS) throw new Error(`dense-wasm: 1..${MAX_LAYERS} layers, got ${L}`);
  const positions = shapes.map((shape) => shape.positions);
  const fanIn = shapes.map((shape) => shape.fanIn);
  const fanOut = shapes.map((shape) => shape.fanOut);
  if (fanIn.some((n) => !Number.isInteger(n)) || fanOut.some((n) => !Number.isInteger(n))) throw new Error('dense-wasm: a layer\'s positions do not divide its widths');
  if (positions[L - 1] !== 1 || !shapes[L - 1]!.dense) throw new Error('dense-wasm: the output layer is dense and runs at one position');
  const kernelOffset: number[] = [];
  const biasOffset: number[] = [];
  let Q = 0;
  for (let l = 0; l < L; l++) {
    kernelOffset.push(Q);
    Q += fanIn[l]! * fanOut[l]!;
    biasOffset.push(useBias[l] ? Q : -1);
    if (useBias[l]) Q += fanOut[l]!;
  }
  const groups = Math.ceil(members / 4);
  const padded = groups * 4;
  const inWidth = widths[0]!;
  const K = widths[L]!;
  let at = HEADER_ADDRESS + 4 * (LAYER_BASE + MAX_LAYERS * LAYER_WORDS);
  const take = (bytes: number): number => {
    const p = at;
    at += Math.ceil(Math.max(bytes, 16) / 16) * 16;
    return p;
  };
  const lanes = groups * 16; // [G][4] f32
  const address: Record<string, number> = {
    params: take(groups * Q * 16), grads: take(groups * Q * 16), state1: take(groups * Q * 16), state2: take(groups * Q * 16),
    rates: take(lanes), l1: take(lanes), l2: take(lanes), decay: take(lanes), active: take(lanes), bad: take(lanes), lossOut: take(lanes),
    stats: take(groups * 3 * L * 16), before: take(Q * 16),
    inputs: take(padded * rows * inWidth * 4), targets: take(padded * rows * K * 4), order: take(padded * rows * 4),
    inputMask: take(padded * batchMax * inWidth * 4), y: take(batchMax * K * 16), z: take(batchMax * K * 16),
  };
  const hidden: number[] = [take(batchMax * inWidth * 16)];
  for (let l = 1; l <= L; l++) hidden.push(take(batchMax * widths[l]! * 16));
  const layerScratch = Array.from({ length: L }, (_, l) => {
    const denseHidden = l < L - 1 && shapes[l]!.dense;
    return {
      hIn: hidden[l]!,
      hOut: hidden[l + 1]!,
      aOut: denseHidden ? take(batchMax * widths[l + 1]! * 16) : hidden[l + 1]!,
      delta: take(batchMax * widths[l + 1]! * 16),
      mask: denseHidden ? take(padded * batchMax * widths[l + 1]! * 4) : 0,
      grad: denseHidden && residual[l] ? take(batchMax * widths[l + 1]! * 16) : 0,
      taps: shapes[l]!.tapWords > 0 ? take(shapes[l]!.tapWords * 4) : 0,
    };
  });
  return { widths, positions, fanIn, fanOut, kernelOffset, biasOffset, Q, groups, padded, address, layerScratch, end: at };
}

/** Values [offset, offset + size) of each member's Q parameters, read from the interleaved lanes [G][Q][4]
 * into the engine's member-major layout [P][size]. */
export function fromLanes(lanes: Float32Array, Q: number, members: number, offset: number, size: number): Float32Array {
  const out = new Float32Array(members * size);
  for (let p = 0; p < members; p++) {
    const base = ((p >> 2) * Q + offset) * 4 + (p & 3);
    for (let e = 0; e < size; e++) out[p * size + e] = lanes[base + e * 4]!;
  }
  return out;
}

/** Inverse of `fromLanes`: writes source [P][size] into the lanes. */
export function toLanes(lanes: Float32Array, Q: number, source: Float32Array, members: number, offset: number, size: number): void {
  for (let p = 0; p < members; p++) {
    const base = ((p >> 2) * Q + offset) * 4 + (p & 3);
    for (let e = 0; e < size; e++) lanes[base + e * 4] = source[p * size + e]!;
  }
}
