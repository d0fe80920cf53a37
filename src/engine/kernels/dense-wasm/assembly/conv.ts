// Convolution of one group of four members (lane m = member 4g+m), with the tfjs path's semantics
// (model/conv-loops.ts): NHWC scratch [B][H][W][C][4 lanes], filter [KH][KW][C][F][4 lanes], zero padding.
//   forward   y[b,oy,ox,f] = act(bias[f] + Σ_{ky,kx,c} x[b, oy·sH − padTop + ky, ox·sW − padLeft + kx, c] · w[ky,kx,c,f])
//   filter    ∂w[ky,kx,c,f] = Σ_{b,oy,ox} x[b, iy, ix, c] · δ[b,oy,ox,f]      ∂bias[f] = Σ_{b,oy,ox} δ[b,oy,ox,f]
//   input     ∂x[b,iy,ix,c] = Σ_{ky,kx,f} w[ky,kx,c,f] · δ[b,oy,ox,f]
// δ = ∂L/∂z (the fused activation's derivative already applied). The forward pass and the input gradient walk
// the host's tap tables (the taps inside the image, by input pixel or by output position). The
// filter gradient sums B·OH·OW products: each output row's partial sum (float32, ≤ OW terms) is added in float64,
// close to tfjs' float64 sum. An input that is 0 in all four lanes adds nothing and is skipped.
import * as H from './layout';
import { ACT_LINEAR, activate } from './simd';

@inline function tapStart(l: i32): usize {
  return H.layerPtr(l, H.L_TAPS);
}

/** y = act(x ∗ w + bias) for B images (bias 0 = none): each input pixel's value is scattered to the outputs it
 * feeds, four filters at a time, and a pixel that is 0 in all four lanes is skipped. Each output still sums bias,
 * then its taps in (ky, kx, c) order: the input pixels come in row-major order. */
export function convForward(l: i32, X: usize, B: i32, W: usize, bias: usize, Y: usize, act: i32): void {
  const C = H.layerWord(l, H.L_CHANNELS), F = H.layerWord(l, H.L_OUT);
  const positions = H.layerWord(l, H.L_OUT_H) * H.layerWord(l, H.L_OUT_W);
  const pixels = H.layerWord(l, H.L_HEIGHT) * H.layerWord(l, H.L_WIDTH);
  const image = <usize>(pixels * C) << 4, outImage = <usize>(positions * F) << 4;
  const n = H.layerWord(l, H.L_TAP_COUNT);
  const start = tapStart(l) + (<usize>(positions + 1 + 2 * n) << 2);
  const tapOut = start + (<usize>(pixels + 1) << 2), tapW = tapOut + (<usize>n << 2);
  const rowF = <usize>F << 4;
  for (let b = 0; b < B; b++) {
    const x = X + <usize>b * image, y = Y + <usize>b * outImage;
    if (bias) for (let pos = 0; pos < positions; pos++) memory.copy(y + <usize>pos * rowF, bias, rowF);
    else memory.fill(y, 0, outImage);
    for (let pixel = 0; pixel < pixels; pixel++) {
      const t0 = load<i32>(start + (<usize>pixel << 2)), t1 = load<i32>(start + (<usize>(pixel + 1) << 2));
      for (let c = 0; c < C; c++) {
        const xv = v128.load(x + (<usize>(pixel * C + c) << 4));
        if (!v128.any_true(xv)) continue;
        for (let t = t0; t < t1; t++) {
          const o = y + (<usize>load<i32>(tapOut + (<usize>t << 2)) << 4);
          const w = W + (<usize>(load<i32>(tapW + (<usize>t << 2)) + c * F) << 4);
          let f = 0;
          for (; f + 4 <= F; f += 4) {
            const fo = <usize>f << 4;
            v128.store(o + fo, f32x4.add(v128.load(o + fo), f32x4.mul(xv, v128.load(w + fo))));
            v128.store(o + fo + 16, f32x4.add(v128.load(o + fo + 16), f32x4.mul(xv, v128.load(w + fo + 16))));
            v128.store(o + fo + 32, f32x4.add(v128.load(o + fo + 32), f32x4.mul(xv, v128.load(w + fo + 32))));
            v128.store(o + fo + 48, f32x4.add(v128.load(o + fo + 48), f32x4.mul(xv, v128.load(w + fo + 48))));
          }
          for (; f < F; f++) {
            const fo = <usize>f << 4;
            v128.store(o + fo, f32x4.add(v128.load(o + fo), f32x4.mul(xv, v128.load(w + fo))));
          }
        }
      }
    }
    if (act != ACT_LINEAR) for (let e: usize = 0; e < <usize>(positions * F); e++) v128.store(y + (e << 4), activate(act, v128.load(y + (e << 4))));
  }
}

// Float64 sums of four filters × four lanes (static scratch): filter j's lanes 0–1 at 32j, lanes 2–3 at 32j + 16.
const WIDE = memory.data(128, 16);

@inline function clearWide(): void {
  memory.fill(WIDE, 0, 128);
}

@inline function addWide(j: usize, s: v128): void {
  const at = WIDE + (j << 5);
  v128.store(at, f64x2.add(v128.load(at), f64x2.promote_low_f32x4(s)));
  v128.store(at + 16, f64x2.add(v128.load(at + 16), f64x2.promote_low_f32x4(v128.shuffle<f32>(s, s, 2, 3, 0, 1))));
}

@inline function narrow(j: usize): v128 {
  const at = WIDE + (j << 5);
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(v128.load(at)), f32x4.demote_f64x2_zero(v128.load(at + 16)), 0, 1, 4, 5);
}

/** First output index (of `count`) whose input index o·stride − pad + k lies in [0, size). */
@inline function firstInside(k: i32, stride: i32, pad: i32): i32 {
  const need = pad - k; // o·stride ≥ pad − k
  return need <= 0 ? 0 : (need + stride - 1) / stride;
}

@inline function endInside(k: i32, stride: i32, pad: i32, size: i32, count: i32): i32 {
  const room = size - 1 + pad - k; // o·stride ≤ size − 1 + pad − k
  return room < 0 ? 0 : min(count, room / stride + 1);
}

/** ∂w and ∂bias of B images into the gradient buffer (gB 0 = no bias): per (ky, kx, c, f) the sum over the
 * output positions whose tap (ky, kx) lands inside the image, a rectangle of output rows and columns. */
export function convFilterGrad(l: i32, X: usize, D: usize, B: i32, gW: usize, gB: usize): void {
  const C = H.layerWord(l, H.L_CHANNELS), F = H.layerWord(l, H.L_OUT);
  const height = H.layerWord(l, H.L_HEIGHT), width = H.layerWord(l, H.L_WIDTH);
  const KH = H.layerWord(l, H.L_KH), KW = H.layerWord(l, H.L_KW), sH = H.layerWord(l, H.L_SH), sW = H.layerWord(l, H.L_SW);
  const padTop = H.layerWord(l, H.L_PAD_TOP), padLeft = H.layerWord(l, H.L_PAD_LEFT);
  const OH = H.layerWord(l, H.L_OUT_H), OW = H.layerWord(l, H.L_OUT_W);
  const image = <usize>(height * width * C) << 4, outImage = <usize>(OH * OW * F) << 4;
  const rowF = <usize>F << 4, stepX = <usize>(sW * C) << 4;
  for (let ky = 0; ky < KH; ky++) {
    const oy0 = firstInside(ky, sH, padTop), oy1 = endInside(ky, sH, padTop, height, OH);
    for (let kx = 0; kx < KW; kx++) {
      const ox0 = firstInside(kx, sW, padLeft), ox1 = endInside(kx, sW, padLeft, width, OW);
      for (let c = 0; c < C; c++) {
        // Filters in blocks of up to four: one input load serves the block.
        for (let f = 0; f < F; f += 4) {
          const n = min(4, F - f);
          clearWide();
          for (let b = 0; b < B; b++) {
            for (let oy = oy0; oy < oy1; oy++) {
              const iy = oy * sH - padTop + ky;
              let x = X + <usize>b * image + ((<usize>((iy * width + ox0 * sW - padLeft + kx) * C + c)) << 4);
              let d = D + <usize>b * outImage + <usize>(oy * OW + ox0) * rowF + (<usize>f << 4);
              let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
              if (n == 4) {
                for (let ox = ox0; ox < ox1; ox++) {
                  const xv = v128.load(x);
                  if (v128.any_true(xv)) {
                    s0 = f32x4.add(s0, f32x4.mul(xv, v128.load(d)));
                    s1 = f32x4.add(s1, f32x4.mul(xv, v128.load(d + 16)));
                    s2 = f32x4.add(s2, f32x4.mul(xv, v128.load(d + 32)));
                    s3 = f32x4.add(s3, f32x4.mul(xv, v128.load(d + 48)));
                  }
                  x += stepX;
                  d += rowF;
                }
              } else {
                for (let ox = ox0; ox < ox1; ox++) {
                  const xv = v128.load(x);
                  if (v128.any_true(xv)) {
                    s0 = f32x4.add(s0, f32x4.mul(xv, v128.load(d)));
                    if (n > 1) s1 = f32x4.add(s1, f32x4.mul(xv, v128.load(d + 16)));
                    if (n > 2) s2 = f32x4.add(s2, f32x4.mul(xv, v128.load(d + 32)));
                  }
                  x += stepX;
                  d += rowF;
                }
              }
              addWide(0, s0);
              if (n > 1) addWide(1, s1);
              if (n > 2) addWide(2, s2);
              if (n > 3) addWide(3, s3);
            }
          }
          const at = gW + ((<usize>(((ky * KW + kx) * C + c) * F + f)) << 4);
          for (let j = 0; j < n; j++) v128.store(at + (<usize>j << 4), narrow(j));
        }
      }
    }
  }
  if (!gB) return;
  const positions = OH * OW;
  for (let f = 0; f < F; f++) {
    clearWide();
    for (let b = 0; b < B; b++)
      for (let oy = 0; oy < OH; oy++) {
        let d = D + <usize>(b * positions + oy * OW) * rowF + (<usize>f << 4);
        let s = f32x4.splat(0);
        for (let ox = 0; ox < OW; ox++) {
          s = f32x4.add(s, v128.load(d));
          d += rowF;
        }
        addWide(0, s);
      }
    v128.store(gB + (<usize>f << 4), narrow(0));
  }
}

/** ∂L/∂x of B images into DX (zeroed first): each output position's δ spread back over its taps. */
export function convInputGrad(l: i32, D: usize, B: i32, W: usize, DX: usize): void {
  const C = H.layerWord(l, H.L_CHANNELS), F = H.layerWord(l, H.L_OUT);
  const positions = H.layerWord(l, H.L_OUT_H) * H.layerWord(l, H.L_OUT_W);
  const image = <usize>(H.layerWord(l, H.L_HEIGHT) * H.layerWord(l, H.L_WIDTH) * C) << 4;
  const start = tapStart(l), n = H.layerWord(l, H.L_TAP_COUNT);
  const tapIn = start + (<usize>(positions + 1) << 2), tapW = tapIn + (<usize>n << 2);
  const rowF = <usize>F << 4;
  memory.fill(DX, 0, <usize>B * image);
  for (let b = 0; b < B; b++) {
    const dx = DX + <usize>b * image;
    for (let pos = 0; pos < positions; pos++) {
      const d = D + <usize>(b * positions + pos) * rowF;
      const t0 = load<i32>(start + (<usize>pos << 2)), t1 = load<i32>(start + (<usize>(pos + 1) << 2));
      for (let t = t0; t < t1; t++) {
        const xi = dx + (<usize>load<i32>(tapIn + (<usize>t << 2)) << 4);
        let w = W + (<usize>load<i32>(tapW + (<usize>t << 2)) << 4);
        for (let c = 0; c < C; c++) {
          let s = f32x4.splat(0);
          for (let f: usize = 0; f < <usize>F; f++) s = f32x4.add(s, f32x4.mul(v128.load(w + (f << 4)), v128.load(d + (f << 4))));
          const at = xi + (<usize>c << 4);
          v128.store(at, f32x4.add(v128.load(at), s));
          w += rowF;
        }
      }
    }
  }
}
