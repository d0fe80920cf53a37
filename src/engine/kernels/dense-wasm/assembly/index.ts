// dense-wasm: one minibatch step of a whole population of dense networks or convnets, SIMD across members.
// Entry of the AssemblyScript build (scripts/build-wasm.mjs). The host (../host.ts) owns memory and every
// random draw (epoch orders, dropout masks); this code only does arithmetic, in float32 like tfjs.
//
// Per group of four members, with h₀ = x ⊙ m₋₁ (input dropout):
//   forward   z_l = h_{l-1} W_l + b_l,  a_l = act(z_l),  h_l = a_l ⊙ m_l   (m_l: inverted-dropout mask)
//   output    δ_L = (softmax(z) - y)/B  (categorical CE),  (σ(z) - y)/(B K)  (binary CE),
//             2 (a - y)/(B K) ⊙ act'(a)  (MSE; through the Jacobian on a softmax output)
//             — the gradient of the member's batch-mean loss
//   residual  h_l = h_{l-1} + a_l (hidden layers with input width == units, no dropout)
//   backward  ∂W_l = h_{l-1}ᵀ δ_l,  ∂b_l = Σ_rows δ_l,  δ_{l-1} = (δ_l W_lᵀ [+ ∂L/∂h_l if l is residual])
//             ⊙ m_{l-1} ⊙ act'(a_{l-1})
//   update    optimize.ts
// Conv and pool layers (conv.ts, pool.ts) come before every dense layer (the host checks): their δ below is the
// input gradient (or the pooling's routing) times act' of the spatial layer below.
import * as H from './layout';
import { convFilterGrad, convForward, convInputGrad } from './conv';
import { affine, applyMask, backInput, weightGrad } from './layers';
import { loss } from './loss';
import { optimize } from './optimize';
import { poolBackward, poolForward } from './pool';
import { ACT_LINEAR, ACT_SOFTMAX, activate, derivative, exp4 } from './simd';

export function init(header: usize): void {
  H.setHeader(header);
}

/** Softmax over the K outputs of each row, lane-wise: e^(z - max) / Σ e^(z - max). */
function softmaxRows(Z: usize, out: usize, B: i32, K: i32): void {
  for (let r = 0; r < B; r++) {
    const row = <usize>(r * K) << 4;
    let max = v128.load(Z + row);
    for (let k = 1; k < K; k++) max = f32x4.max(max, v128.load(Z + row + (<usize>k << 4)));
    let sum = f32x4.splat(0);
    for (let k = 0; k < K; k++) {
      const e = exp4(f32x4.sub(v128.load(Z + row + (<usize>k << 4)), max));
      v128.store(out + row + (<usize>k << 4), e);
      sum = f32x4.add(sum, e);
    }
    const inv = f32x4.div(f32x4.splat(1), sum);
    for (let k = 0; k < K; k++) v128.store(out + row + (<usize>k << 4), f32x4.mul(v128.load(out + row + (<usize>k << 4)), inv));
  }
}

/** Forward pass of B rows already in layer 0's input scratch, up to layer `last`; `train` applies the dropout masks;
 * `pre` leaves layer `last`'s pre-activation z (no activation, no residual add) in its output scratch (telemetry). */
function forward(g: i32, B: i32, train: bool, last: i32, pre: bool = false): void {
  const L = H.word(H.H_LAYERS);
  const params = H.ptr(H.H_PARAMS) + ((<usize>g * <usize>H.word(H.H_PARAMS_PER_NET)) << 4);
  for (let l = 0; l <= last; l++) {
    const nIn = H.layerWord(l, H.L_IN), nOut = H.layerWord(l, H.L_OUT), act = H.layerWord(l, H.L_ACT);
    // A layer run at S positions sees B·S rows: [B][S·in] and [B·S][in] are the same bytes.
    const rows = B * H.layerWord(l, H.L_POSITIONS);
    const W = params + (<usize>H.layerWord(l, H.L_KERNEL) << 4);
    const bias = (H.layerWord(l, H.L_FLAGS) & H.LAYER_BIAS) ? params + (<usize>H.layerWord(l, H.L_BIAS) << 4) : 0;
    const hIn = H.layerPtr(l, H.L_H_IN), hOut = H.layerPtr(l, H.L_H_OUT);
    const type = H.layerWord(l, H.L_TYPE);
    const zOnly = pre && l == last;
    if (type == H.TYPE_CONV) {
      convForward(l, hIn, B, W, bias, hOut, zOnly ? ACT_LINEAR : act);
      continue;
    }
    if (type != H.TYPE_DENSE) {
      poolForward(l, hIn, B, hOut, type == H.TYPE_AVG_POOL);
      continue;
    }
    if (zOnly) {
      affine(hIn, rows, nIn, W, bias, nOut, hOut, ACT_LINEAR);
      continue;
    }
    if (l == L - 1) {
      // The output layer keeps its logits (the cross-entropies are computed from z) apart from a = act(z).
      const Z = H.ptr(H.H_Z);
      affine(hIn, B, nIn, W, bias, nOut, Z, 0);
      if (act == ACT_SOFTMAX) softmaxRows(Z, hOut, B, nOut);
      else activateRows(Z, hOut, B * nOut, act);
      continue;
    }
    if (H.layerWord(l, H.L_FLAGS) & H.LAYER_RESIDUAL) {
      // h = h_in + act(z) (no dropout on a residual layer: the host sends those to tfjs); a_l stays for act'.
      const aRes = H.layerPtr(l, H.L_A_OUT);
      affine(hIn, rows, nIn, W, bias, nOut, aRes, act);
      for (let e = 0; e < rows * nOut; e++) v128.store(hOut + (<usize>e << 4), f32x4.add(v128.load(hIn + (<usize>e << 4)), v128.load(aRes + (<usize>e << 4))));
      continue;
    }
    const mask = train ? H.layerPtr(l, H.L_MASK) : 0;
    const aOut = mask ? H.layerPtr(l, H.L_A_OUT) : hOut;
    affine(hIn, rows, nIn, W, bias, nOut, aOut, act);
    if (mask) {
      memory.copy(hOut, aOut, <usize>(rows * nOut) << 4);
      applyMask(hOut, rows, nOut, mask, g);
    }
  }
}

function activateRows(Z: usize, out: usize, count: i32, act: i32): void {
  for (let e = 0; e < count; e++) v128.store(out + (<usize>e << 4), activate(act, v128.load(Z + (<usize>e << 4))));
}

/** Copies rows order[offset .. offset+B) of each lane's member into the input and target scratch. */
function gather(g: i32, offset: i32, B: i32): void {
  const N = H.word(H.H_ROWS), nIn = H.word(H.H_INPUT_WIDTH), K = H.word(H.H_OUTPUT_WIDTH);
  const inputs = H.ptr(H.H_INPUTS), targets = H.ptr(H.H_TARGETS), order = H.ptr(H.H_ORDER);
  const H0 = H.layerPtr(0, H.L_H_IN), Y = H.ptr(H.H_Y);
  // Each value's four lanes are assembled in a register and stored once (a v128 load of four separate f32
  // stores cannot be forwarded from the store buffer).
  const first = g * 4 * N;
  for (let r = 0; r < B; r++) {
    const at = order + (<usize>(first + offset + r) << 2);
    const r0 = first + load<i32>(at), r1 = first + N + load<i32>(at + (<usize>N << 2));
    const r2 = first + 2 * N + load<i32>(at + (<usize>(2 * N) << 2)), r3 = first + 3 * N + load<i32>(at + (<usize>(3 * N) << 2));
    gatherRow(H0 + (<usize>(r * nIn) << 4), inputs, nIn, r0, r1, r2, r3);
    gatherRow(Y + (<usize>(r * K) << 4), targets, K, r0, r1, r2, r3);
  }
  const inputMask = H.ptr(H.H_INPUT_MASK);
  if (inputMask) applyMask(H0, B, nIn, inputMask, g);
}

/** dst[e] = (src[r0][e], src[r1][e], src[r2][e], src[r3][e]) for e < width: one row of four members' data. */
@inline function gatherRow(dst: usize, src: usize, width: i32, r0: i32, r1: i32, r2: i32, r3: i32): void {
  const a0 = src + (<usize>(r0 * width) << 2), a1 = src + (<usize>(r1 * width) << 2);
  const a2 = src + (<usize>(r2 * width) << 2), a3 = src + (<usize>(r3 * width) << 2);
  for (let e = 0; e < width; e++) {
    const o = <usize>e << 2;
    let v = f32x4.splat(load<f32>(a0 + o));
    v = f32x4.replace_lane(v, 1, load<f32>(a1 + o));
    v = f32x4.replace_lane(v, 2, load<f32>(a2 + o));
    v = f32x4.replace_lane(v, 3, load<f32>(a3 + o));
    v128.store(dst + (<usize>e << 4), v);
  }
}

/** δ_L of the batch-mean loss (see the header), into the output layer's δ scratch. */
function outputDelta(B: i32): void {
  const L = H.word(H.H_LAYERS), K = H.word(H.H_OUTPUT_WIDTH), kind = H.word(H.H_LOSS);
  const out = H.layerPtr(L - 1, H.L_H_OUT), Y = H.ptr(H.H_Y), D = H.layerPtr(L - 1, H.L_DELTA);
  const act = H.layerWord(L - 1, H.L_ACT);
  const c = f32x4.splat(kind == 2 ? 1 / <f32>B : kind == 1 ? 1 / <f32>(B * K) : 2 / <f32>(B * K));
  if (kind == 0 && act == ACT_SOFTMAX) {
    // MSE on softmax outputs: through the softmax's Jacobian, δ_k = a_k (g_k - Σ_j a_j g_j), g = 2 (a - y)/(B K).
    for (let r = 0; r < B; r++) {
      const row = <usize>(r * K) << 4;
      let dot = f32x4.splat(0);
      for (let k = 0; k < K; k++) {
        const at = row + (<usize>k << 4);
        const a = v128.load(out + at);
        dot = f32x4.add(dot, f32x4.mul(a, f32x4.mul(f32x4.sub(a, v128.load(Y + at)), c)));
      }
      for (let k = 0; k < K; k++) {
        const at = row + (<usize>k << 4);
        const a = v128.load(out + at);
        v128.store(D + at, f32x4.mul(a, f32x4.sub(f32x4.mul(f32x4.sub(a, v128.load(Y + at)), c), dot)));
      }
    }
    return;
  }
  for (let e = 0; e < B * K; e++) {
    const at = <usize>e << 4;
    const a = v128.load(out + at);
    let d = f32x4.mul(f32x4.sub(a, v128.load(Y + at)), c);
    if (kind == 0) d = f32x4.mul(d, derivative(act, a));
    v128.store(D + at, d);
  }
}

function backward(g: i32, B: i32): void {
  const L = H.word(H.H_LAYERS), Q = H.word(H.H_PARAMS_PER_NET);
  const params = H.ptr(H.H_PARAMS) + ((<usize>g * <usize>Q) << 4), grads = H.ptr(H.H_GRADS) + ((<usize>g * <usize>Q) << 4);
  let lowest = L;
  for (let l = 0; l < L; l++) if (H.layerWord(l, H.L_FLAGS) & H.LAYER_TRAINABLE) { lowest = l; break; }
  for (let l = L - 1; l >= lowest; l--) {
    const nIn = H.layerWord(l, H.L_IN), nOut = H.layerWord(l, H.L_OUT), flags = H.layerWord(l, H.L_FLAGS);
    const rows = B * H.layerWord(l, H.L_POSITIONS);
    const D = H.layerPtr(l, H.L_DELTA);
    const type = H.layerWord(l, H.L_TYPE);
    if (flags & H.LAYER_TRAINABLE) {
      // Summed over the B·S rows: a weight shared by S positions gets the sum of their gradients.
      const gB = (flags & H.LAYER_BIAS) ? grads + (<usize>H.layerWord(l, H.L_BIAS) << 4) : 0;
      const gW = grads + (<usize>H.layerWord(l, H.L_KERNEL) << 4);
      if (type == H.TYPE_CONV) convFilterGrad(l, H.layerPtr(l, H.L_H_IN), D, B, gW, gB);
      else weightGrad(H.layerPtr(l, H.L_H_IN), D, rows, nIn, nOut, gW, gB);
    }
    if (l == lowest) break;
    const below = l - 1;
    if (type != H.TYPE_DENSE) {
      spatialBack(l, below, D, B, params + (<usize>H.layerWord(l, H.L_KERNEL) << 4), type);
      continue;
    }
    const mask = H.layerPtr(below, H.L_MASK);
    const residualBelow = H.layerWord(below, H.L_FLAGS) & H.LAYER_RESIDUAL;
    const aBelow = mask || residualBelow ? H.layerPtr(below, H.L_A_OUT) : H.layerPtr(below, H.L_H_OUT);
    const dBelow = H.layerPtr(below, H.L_DELTA);
    // A residual layer's skip path adds its output's error to the error below; a residual layer below keeps it.
    const skip = flags & H.LAYER_RESIDUAL ? H.layerPtr(l, H.L_GRAD) : 0;
    const keep = residualBelow ? H.layerPtr(below, H.L_GRAD) : 0;
    backInput(D, rows, nOut, params + (<usize>H.layerWord(l, H.L_KERNEL) << 4), nIn, aBelow, dBelow, H.layerWord(below, H.L_ACT), skip, keep);
    if (mask) applyMask(dBelow, rows, nIn, mask, g);
  }
}

/** δ of the spatial layer below a conv or pool layer l: the input gradient, or the pooling's routing, times the
 * derivative of the activation below. */
function spatialBack(l: i32, below: i32, D: usize, B: i32, W: usize, type: i32): void {
  const dBelow = H.layerPtr(below, H.L_DELTA);
  if (type == H.TYPE_CONV) convInputGrad(l, D, B, W, dBelow);
  else poolBackward(l, H.layerPtr(l, H.L_H_IN), D, B, dBelow, type == H.TYPE_AVG_POOL);
  const act = H.layerWord(below, H.L_ACT);
  if (act == ACT_LINEAR) return;
  const a = H.layerPtr(below, H.L_H_OUT);
  const count = B * H.layerWord(below, H.L_VALUES);
  for (let e = 0; e < count; e++) {
    const at = <usize>e << 4;
    v128.store(dBelow + at, f32x4.mul(v128.load(dBelow + at), derivative(act, v128.load(a + at))));
  }
}

/** One optimizer step of every member on rows [offset, offset + size) of its epoch order. `report` bit 0 also
 * writes the batch loss (+ penalty), bit 1 per-layer statistics; c1, c2 are Adam's bias corrections. */
export function step(offset: i32, size: i32, report: i32, c1: f32, c2: f32): void {
  const withLoss = (report & 1) != 0, collect = (report & 2) != 0;
  const G = H.word(H.H_GROUPS);
  for (let g = 0; g < G; g++) {
    gather(g, offset, size);
    forward(g, size, true, H.word(H.H_LAYERS) - 1);
    if (withLoss) loss(g, size);
    outputDelta(size);
    backward(g, size);
    optimize(g, withLoss, collect, c1, c2);
  }
}

/** Outputs of layer `layer` (after its activation; with `zOut` ≠ 0, also the output layer's logits z there) of
 * every member for n rows, in evaluation mode (no dropout; layers above `layer` are not run), in chunks of the
 * scratch's rows. `perMember`: inputs are [P4][n][in] (each member its own rows), else [n][in] shared. Writes
 * out[P4][n][width] (and zOut[P4][n][K]). */
export function evaluate(inputs: usize, n: i32, perMember: bool, out: usize, layer: i32, zOut: usize, pre: bool): void {
  const G = H.word(H.H_GROUPS), nIn = H.word(H.H_INPUT_WIDTH), chunk = H.word(H.H_BATCH_MAX);
  const K = H.layerWord(layer, H.L_VALUES); // values per example
  const H0 = H.layerPtr(0, H.L_H_IN);
  const result = H.layerPtr(layer, H.L_H_OUT), Z = H.ptr(H.H_Z);
  for (let g = 0; g < G; g++) {
    for (let start = 0; start < n; start += chunk) {
      const B = min(chunk, n - start);
      for (let m = 0; m < 4; m++) {
        const p = g * 4 + m;
        const first: i32 = perMember ? p * n + start : start;
        const src = inputs + ((<usize>first * <usize>nIn) << 2);
        for (let e = 0; e < B * nIn; e++) store<f32>(H0 + (<usize>e << 4) + (<usize>m << 2), load<f32>(src + (<usize>e << 2)));
      }
      forward(g, B, false, layer, pre);
      for (let m = 0; m < 4; m++) {
        const at = (<usize>((g * 4 + m) * n + start) * <usize>K) << 2;
        for (let e = 0; e < B * K; e++) store<f32>(out + at + (<usize>e << 2), load<f32>(result + (<usize>e << 4) + (<usize>m << 2)));
        if (zOut) for (let e = 0; e < B * K; e++) store<f32>(zOut + at + (<usize>e << 2), load<f32>(Z + (<usize>e << 4) + (<usize>m << 2)));
      }
    }
  }
}
