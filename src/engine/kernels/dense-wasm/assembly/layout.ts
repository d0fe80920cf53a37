// The kernel's view of its memory. The host (../layout.ts) owns the layout: it writes one header of i32/f32
// words (sizes, pointers, hyperparameters, one 16-word record per layer) and passes its address to init().
// Word indices here must equal those in ../layout.ts (a test trains through both, so a mismatch fails).
//
// Every population array is member-interleaved: group g (members 4g..4g+3) holds [count][4 lanes] f32,
// so one v128 load gives one scalar of four networks.

export const H_LAYERS = 0; // L
export const H_GROUPS = 1; // G = ceil(P / 4)
export const H_PARAMS_PER_NET = 2; // Q
export const H_ROWS = 3; // N training rows per member
export const H_BATCH_MAX = 4; // rows of the scratch buffers
export const H_LOSS = 5; // 0 mse, 1 sigmoid + binary CE, 2 softmax + categorical CE
export const H_OPTIMIZER = 6; // 0 sgd, 1 momentum, 2 nesterov, 3 rmsprop, 4 adam
export const H_PARAMS = 7; // [G][Q][4]
export const H_GRADS = 8; // [G][Q][4]
export const H_STATE1 = 9; // [G][Q][4] velocity / mean square / first moment
export const H_STATE2 = 10; // [G][Q][4] second moment (adam)
export const H_RATES = 11; // [G][4] learning rate after the schedule
export const H_L1 = 12; // [G][4]
export const H_L2 = 13; // [G][4]
export const H_DECAY = 14; // [G][4] decoupled weight decay λ
export const H_ACTIVE = 15; // [G][4] u32: all ones = trains, 0 = frozen (padding, diverged)
export const H_INPUTS = 16; // [P4][N][in] f32, member-major (the engine's layout)
export const H_TARGETS = 17; // [P4][N][K] f32
export const H_ORDER = 18; // [P4][N] i32: this epoch's row order per member
export const H_INPUT_MASK = 19; // [P4][B][in] f32 dropout mask of the inputs, or 0
export const H_LOSS_OUT = 20; // [G][4] f32 batch loss (+ penalty) of the last collecting step
export const H_STATS = 21; // [G][3L][4] f32 gradient norms | weight norms | update ratios
export const H_FLAGS = 22; // bit 0 L1, bit 1 L2, bit 2 decoupled decay
export const H_BAD = 23; // [G][4] u32: lanes that produced a non-finite weight (sticky until the host clears)
export const H_Y = 24; // scratch [B][K][4] targets of the step
export const H_Z = 25; // scratch [B][K][4] output logits
export const H_INPUT_WIDTH = 26;
export const H_OUTPUT_WIDTH = 27;
export const H_BEFORE = 28; // scratch [Q][4]: one group's parameters before a collecting step

export const F_MOMENTUM = 32;
export const F_BETA1 = 33; // adam β1, rmsprop ρ
export const F_BETA2 = 34;
export const F_EPSILON = 35;
export const F_CLIP_NORM = 36;
export const F_CLIP_VALUE = 37;

export const LAYER_BASE = 48;
export const LAYER_WORDS = 32;
export const L_IN = 0;
export const L_OUT = 1;
export const L_ACT = 2;
export const L_KERNEL = 3; // offset of the kernel [in][out] within a network's Q parameters
export const L_BIAS = 4; // offset of the bias [out]
export const L_FLAGS = 5; // bit 0 trainable, bit 1 has bias
export const L_MASK = 6; // [P4][B][out] dropout mask of this layer's output, or 0
export const L_MAX_NORM = 7; // f32, 0 = off
export const L_H_IN = 8; // scratch [B][in][4]: this layer's input h_{l}
export const L_A_OUT = 9; // scratch [B][out][4]: act(z) before dropout (== L_H_OUT without a mask)
export const L_H_OUT = 10; // scratch [B][out][4]: the layer's output after dropout
export const L_DELTA = 11; // scratch [B][out][4]: δ = ∂L/∂z of this layer
export const L_POSITIONS = 12; // S: the layer runs at S positions per example (B·S rows of in/out); 1 for plain dense
export const L_GRAD = 13; // scratch [B][out][4]: ∂L/∂h of a residual layer's output (its skip path's error), or 0
export const L_TYPE = 14; // TYPE_DENSE, TYPE_CONV, TYPE_MAX_POOL, TYPE_AVG_POOL
export const L_VALUES = 15; // values per example of the layer's output (S·out for dense, OH·OW·F for conv)
// Spatial layers (conv, pool; NHWC, a 1-D layer has height 1). A conv layer's L_IN is KH·KW·C and L_OUT is F,
// so its filter [KH][KW][C][F] is an [in][out] kernel for the optimizer; a pool layer has no parameters (0, 0).
export const L_HEIGHT = 16; // input height, width, channels
export const L_WIDTH = 17;
export const L_CHANNELS = 18;
export const L_KH = 19; // filter or pooling window height, width
export const L_KW = 20;
export const L_SH = 21; // strides (a pool's stride is its window)
export const L_SW = 22;
export const L_PAD_TOP = 23; // TensorFlow's 'same' split: floor(total / 2) before
export const L_PAD_LEFT = 24;
export const L_OUT_H = 25;
export const L_OUT_W = 26;
export const L_TAPS = 27; // conv: i32 start[OH·OW + 1], input offset[n] ((iy·W + ix)·C), filter offset[n] ((ky·KW + kx)·C·F),
//                             then by input pixel: start[H·W + 1], output offset[n] (pos·F), filter offset[n]
export const L_TAP_COUNT = 28; // n: the taps that land inside the image, over all output positions

export const FLAG_L1: i32 = 1;
export const FLAG_L2: i32 = 2;
export const FLAG_DECAY: i32 = 4;
export const LAYER_TRAINABLE: i32 = 1;
export const LAYER_BIAS: i32 = 2;
export const LAYER_RESIDUAL: i32 = 4; // h = h_in + act(z): input width == units, no dropout (the host checks)
export const TYPE_DENSE: i32 = 0;
export const TYPE_CONV: i32 = 1;
export const TYPE_MAX_POOL: i32 = 2;
export const TYPE_AVG_POOL: i32 = 3;

let header: usize = 0;

export function setHeader(address: usize): void {
  header = address;
}

@inline export function word(k: i32): i32 {
  return load<i32>(header + (<usize>k << 2));
}

@inline export function ptr(k: i32): usize {
  return <usize>load<i32>(header + (<usize>k << 2));
}

@inline export function real(k: i32): f32 {
  return load<f32>(header + (<usize>k << 2));
}

@inline export function layerWord(l: i32, k: i32): i32 {
  return word(LAYER_BASE + l * LAYER_WORDS + k);
}

@inline export function layerPtr(l: i32, k: i32): usize {
  return ptr(LAYER_BASE + l * LAYER_WORDS + k);
}

@inline export function layerReal(l: i32, k: i32): f32 {
  return real(LAYER_BASE + l * LAYER_WORDS + k);
}
