// Pooling of one group of four members, with the tfjs path's semantics (model/conv-loops.ts): windows of
// KH × KW with stride = window over [B][H][W][C][4 lanes], no padding ('valid': the last rows and columns that
// fill no window are left out, and get a zero gradient).
//   max   y = the window's maximum; its gradient goes to the first maximum in row-major order (tfjs' choice),
//         or to the first NaN, which the output then is (a non-finite member stays non-finite)
//   avg   y = (Σ window) / (KH·KW); the gradient is δ / (KH·KW) on every input of the window
import * as H from './layout';

/** Per lane: the window's maximum (or first NaN), and its row-major index in the window. */
let best: v128 = f32x4.splat(0);
let index: v128 = i32x4.splat(0);

@inline function windowMax(x: usize, KH: i32, KW: i32, row: usize, col: usize): void {
  best = v128.load(x);
  index = i32x4.splat(0);
  for (let wy = 0; wy < KH; wy++)
    for (let wx = 0; wx < KW; wx++) {
      if (wy == 0 && wx == 0) continue;
      const v = v128.load(x + <usize>wy * row + <usize>wx * col);
      // Strictly greater keeps the first maximum; a NaN is taken once, unless a NaN is already held.
      const take = v128.or(f32x4.gt(v, best), v128.and(f32x4.ne(v, v), f32x4.eq(best, best)));
      best = v128.bitselect(v, best, take);
      index = v128.bitselect(i32x4.splat(wy * KW + wx), index, take);
    }
}

/** y = max or mean of each window, for B images; `average` picks the mean. */
export function poolForward(l: i32, X: usize, B: i32, Y: usize, average: bool): void {
  const C = H.layerWord(l, H.L_CHANNELS), width = H.layerWord(l, H.L_WIDTH);
  const KH = H.layerWord(l, H.L_KH), KW = H.layerWord(l, H.L_KW);
  const OH = H.layerWord(l, H.L_OUT_H), OW = H.layerWord(l, H.L_OUT_W);
  const image = <usize>(H.layerWord(l, H.L_HEIGHT) * width * C) << 4;
  const col = <usize>C << 4, row = <usize>width * col;
  const area = f32x4.splat(<f32>(KH * KW));
  let y = Y;
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let c = 0; c < C; c++) {
          const x = X + <usize>b * image + <usize>(oy * KH) * row + <usize>(ox * KW) * col + (<usize>c << 4);
          if (average) {
            let s = f32x4.splat(0);
            for (let wy = 0; wy < KH; wy++) for (let wx = 0; wx < KW; wx++) s = f32x4.add(s, v128.load(x + <usize>wy * row + <usize>wx * col));
            v128.store(y, f32x4.div(s, area));
          } else {
            windowMax(x, KH, KW, row, col);
            v128.store(y, best);
          }
          y += 16;
        }
}

/** ∂L/∂x of B images into DX (zeroed first) from the pool's δ D and its forward input X. */
export function poolBackward(l: i32, X: usize, D: usize, B: i32, DX: usize, average: bool): void {
  const C = H.layerWord(l, H.L_CHANNELS), width = H.layerWord(l, H.L_WIDTH);
  const KH = H.layerWord(l, H.L_KH), KW = H.layerWord(l, H.L_KW);
  const OH = H.layerWord(l, H.L_OUT_H), OW = H.layerWord(l, H.L_OUT_W);
  const image = <usize>(H.layerWord(l, H.L_HEIGHT) * width * C) << 4;
  const col = <usize>C << 4, row = <usize>width * col;
  const area = f32x4.splat(<f32>(KH * KW));
  const zero = f32x4.splat(0);
  memory.fill(DX, 0, <usize>B * image);
  let d = D;
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let c = 0; c < C; c++) {
          const offset = <usize>b * image + <usize>(oy * KH) * row + <usize>(ox * KW) * col + (<usize>c << 4);
          const dv = v128.load(d);
          d += 16;
          if (average) {
            const share = f32x4.div(dv, area);
            for (let wy = 0; wy < KH; wy++) for (let wx = 0; wx < KW; wx++) v128.store(DX + offset + <usize>wy * row + <usize>wx * col, share);
            continue;
          }
          windowMax(X + offset, KH, KW, row, col);
          for (let wy = 0; wy < KH; wy++)
            for (let wx = 0; wx < KW; wx++) v128.store(DX + offset + <usize>wy * row + <usize>wx * col, v128.bitselect(dv, zero, i32x4.eq(index, i32x4.splat(wy * KW + wx))));
        }
}
