/**
 * A whole population's convolutions and poolings as plain loops over Float32Arrays (no tfjs): the numbers
 * behind the CPU kernels of `population-conv.ts`. Layout, member axis first, channels last:
 *
 *   x [P, B, H, W, C]   filter [P, KH, KW, C, F]   y [P, B, OH, OW, F]
 *   y[p,b,oy,ox,f]   = Σ_{ky,kx,c} x[p, b, oy·sH − padTop + ky, ox·sW − padLeft + kx, c] · w[p,ky,kx,c,f]
 *   ∂L/∂w[p,ky,kx,c,f] = Σ_{b,oy,ox} x[p, b, iy, ix, c] · dy[p,b,oy,ox,f]      (iy, ix as above)
 *   ∂L/∂x[p,b,iy,ix,c] = Σ_{ky,kx,f} w[p,ky,kx,c,f] · dy[p,b,oy,ox,f]
 *
 * Positions outside the image are zero padding. All three walk the same (output position, tap) pairs, with the
 * channel and filter loops innermost over contiguous memory. The forward pass may add a bias [P, F] and apply
 * a ReLU (fused: the gradients then take the output and mask dy where it is 0). An input value of exactly 0 contributes nothing,
 * so it is skipped: digits are mostly background, and a ReLU layer's outputs are often 0 (exact for finite
 * values; a member with non-finite weights is neutralized by the runner anyway). The filter gradient sums
 * B·OH·OW products, so it accumulates in float64 before rounding once.
 */

export interface ConvGeometry {
  members: number;
  batch: number;
  height: number;
  width: number;
  channels: number;
  kernelHeight: number;
  kernelWidth: number;
  filters: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
}

/** Output size and the leading padding, as TensorFlow defines 'same' (extra padding at the end) and 'valid'. */
export function convAxis(size: number, kernel: number, stride: number, padding: 'same' | 'valid'): { out: number; padBefore: number } {
  if (padding === 'valid') return { out: Math.floor((size - kernel) / stride) + 1, padBefore: 0 };
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + kernel - size, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

/**
 * The (input offset, filter offset) of every kernel tap that lands inside the image, per output position
 * (image 0, member 0): positions `pos` use taps `start[pos]` to `start[pos + 1]`. Computed once per call, it
 * keeps the bounds checks out of the loops over members and examples.
 */
export function tapTable(g: Omit<ConvGeometry, 'members' | 'batch'>): { start: Int32Array; input: Int32Array; filter: Int32Array } {
  const positions = g.outHeight * g.outWidth;
  const start = new Int32Array(positions + 1);
  const input: number[] = [];
  const filter: number[] = [];
  for (let oy = 0; oy < g.outHeight; oy++) {
    for (let ox = 0; ox < g.outWidth; ox++) {
      for (let ky = 0; ky < g.kernelHeight; ky++) {
        const iy = oy * g.strideHeight - g.padTop + ky;
        if (iy < 0 || iy >= g.height) continue;
        for (let kx = 0; kx < g.kernelWidth; kx++) {
          const ix = ox * g.strideWidth - g.padLeft + kx;
          if (ix < 0 || ix >= g.width) continue;
          input.push((iy * g.width + ix) * g.channels);
          filter.push((ky * g.kernelWidth + kx) * g.channels * g.filters);
        }
      }
      start[oy * g.outWidth + ox + 1] = input.length;
    }
  }
  return { start, input: Int32Array.from(input), filter: Int32Array.from(filter) };
}

/** dy at output cell `o` (F values) into `row`, zeroed where a fused ReLU was off (its output y is not > 0). */
function gradientRow(dy: Float32Array, y: Float32Array | null, o: number, row: Float64Array): void {
  for (let f = 0; f < row.length; f++) row[f] = y && !((y[o + f] as number) > 0) ? 0 : (dy[o + f] as number);
}

/** y = x ∗ w + bias, then ReLU when `relu` (TensorFlow's fused conv2d does the same). */
export function convForward(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, relu: boolean, y: Float32Array): void {
  const { channels: C, filters: F } = g;
  const positions = g.outHeight * g.outWidth;
  const inImage = g.height * g.width * C;
  const tapMember = g.kernelHeight * g.kernelWidth * C * F;
  const taps = tapTable(g);
  const acc = new Float64Array(F);
  for (let p = 0; p < g.members; p++) {
    for (let b = 0; b < g.batch; b++) {
      const image = p * g.batch + b;
      for (let pos = 0; pos < positions; pos++) {
        const o = (image * positions + pos) * F;
        for (let f = 0; f < F; f++) acc[f] = bias ? (bias[p * F + f] as number) : 0;
        for (let t = taps.start[pos] as number; t < (taps.start[pos + 1] as number); t++) {
          const i = image * inImage + (taps.input[t] as number);
          const k = p * tapMember + (taps.filter[t] as number);
          for (let c = 0; c < C; c++) {
            const xv = x[i + c] as number;
            if (xv === 0) continue;
            const row = k + c * F;
            for (let f = 0; f < F; f++) acc[f] = (acc[f] as number) + xv * (w[row + f] as number);
          }
        }
        for (let f = 0; f < F; f++) {
          const v = acc[f] as number;
          y[o + f] = relu && v <= 0 ? 0 : v; // NaN stays NaN
        }
      }
    }
  }
}

/** ∂L/∂w (y: the output of a fused ReLU, else null). Sums B·OH·OW products in float64. */
export function convFilterGradient(g: ConvGeometry, x: Float32Array, dy: Float32Array, y: Float32Array | null, dw: Float32Array): void {
  const { channels: C, filters: F } = g;
  const positions = g.outHeight * g.outWidth;
  const inImage = g.height * g.width * C;
  const tapMember = g.kernelHeight * g.kernelWidth * C * F;
  const taps = tapTable(g);
  const sum = new Float64Array(dw.length);
  const d = new Float64Array(F);
  for (let p = 0; p < g.members; p++) {
    for (let b = 0; b < g.batch; b++) {
      const image = p * g.batch + b;
      for (let pos = 0; pos < positions; pos++) {
        const o = (image * positions + pos) * F;
        gradientRow(dy, y, o, d);
        for (let t = taps.start[pos] as number; t < (taps.start[pos + 1] as number); t++) {
          const i = image * inImage + (taps.input[t] as number);
          const k = p * tapMember + (taps.filter[t] as number);
          for (let c = 0; c < C; c++) {
            const xv = x[i + c] as number;
            if (xv === 0) continue;
            const row = k + c * F;
            for (let f = 0; f < F; f++) sum[row + f] = (sum[row + f] as number) + xv * (d[f] as number);
          }
        }
      }
    }
  }
  dw.set(sum);
}

/** ∂L/∂bias [P, F]: dy summed over examples and positions (masked by a fused ReLU), in float64. */
export function convBiasGradient(g: ConvGeometry, dy: Float32Array, y: Float32Array | null, dbias: Float32Array): void {
  const F = g.filters;
  const perMember = g.batch * g.outHeight * g.outWidth;
  const d = new Float64Array(F);
  for (let p = 0; p < g.members; p++) {
    const sum = new Float64Array(F);
    for (let r = 0; r < perMember; r++) {
      gradientRow(dy, y, (p * perMember + r) * F, d);
      for (let f = 0; f < F; f++) sum[f] = (sum[f] as number) + (d[f] as number);
    }
    dbias.set(sum, p * F);
  }
}

/** ∂L/∂x (y: the output of a fused ReLU, else null). */
export function convInputGradient(g: ConvGeometry, w: Float32Array, dy: Float32Array, y: Float32Array | null, dx: Float32Array): void {
  const { channels: C, filters: F } = g;
  const positions = g.outHeight * g.outWidth;
  const inImage = g.height * g.width * C;
  const tapMember = g.kernelHeight * g.kernelWidth * C * F;
  const taps = tapTable(g);
  dx.fill(0);
  const d = new Float64Array(F);
  for (let p = 0; p < g.members; p++) {
    for (let b = 0; b < g.batch; b++) {
      const image = p * g.batch + b;
      for (let pos = 0; pos < positions; pos++) {
        const o = (image * positions + pos) * F;
        gradientRow(dy, y, o, d);
        for (let t = taps.start[pos] as number; t < (taps.start[pos + 1] as number); t++) {
          const i = image * inImage + (taps.input[t] as number);
          const k = p * tapMember + (taps.filter[t] as number);
          for (let c = 0; c < C; c++) {
            const row = k + c * F;
            let s = 0;
            for (let f = 0; f < F; f++) s += (w[row + f] as number) * (d[f] as number);
            dx[i + c] = (dx[i + c] as number) + s;
          }
        }
      }
    }
  }
}

/** Pooling over [N, H, W, C] with a window of poolHeight × poolWidth, stride = window, no padding ('valid'). */
export interface PoolGeometry {
  images: number;
  height: number;
  width: number;
  channels: number;
  poolHeight: number;
  poolWidth: number;
  outHeight: number;
  outWidth: number;
}

/** The window's input index holding the maximum: the first one in row-major order (as tfjs picks), or the
 * first NaN, so a non-finite member stays non-finite. */
function argMax(g: PoolGeometry, x: Float32Array, inBase: number, c: number): number {
  let best = inBase + c;
  let value = x[best] as number;
  if (value !== value) return best;
  for (let wy = 0; wy < g.poolHeight; wy++) {
    for (let wx = 0; wx < g.poolWidth; wx++) {
      const index = inBase + (wy * g.width + wx) * g.channels + c;
      const v = x[index] as number;
      if (v > value) {
        best = index;
        value = v;
      } else if (v !== v) return index;
    }
  }
  return best;
}

/** Max or average over each window; `dx` given: the gradient instead (dy to each window's maximum, or spread
 * evenly over it; inputs outside every window, the remainder of a 'valid' pooling, get 0). */
function poolWalk(g: PoolGeometry, pool: 'max' | 'avg', x: Float32Array, y: Float32Array, dx: Float32Array | null): void {
  const { channels: C, poolHeight, poolWidth, width } = g;
  const area = poolHeight * poolWidth;
  if (dx) dx.fill(0);
  for (let n = 0; n < g.images; n++) {
    for (let oy = 0; oy < g.outHeight; oy++) {
      for (let ox = 0; ox < g.outWidth; ox++) {
        const o = ((n * g.outHeight + oy) * g.outWidth + ox) * C;
        const i = ((n * g.height + oy * poolHeight) * width + ox * poolWidth) * C;
        for (let c = 0; c < C; c++) {
          if (pool === 'max') {
            const at = argMax(g, x, i, c);
            if (dx) dx[at] = (dx[at] as number) + (y[o + c] as number);
            else y[o + c] = x[at] as number;
            continue;
          }
          let s = 0;
          for (let wy = 0; wy < poolHeight; wy++) {
            for (let wx = 0; wx < poolWidth; wx++) {
              const at = i + (wy * width + wx) * C + c;
              if (dx) dx[at] = (dx[at] as number) + (y[o + c] as number) / area;
              else s += x[at] as number;
            }
          }
          if (!dx) y[o + c] = s / area;
        }
      }
    }
  }
}

export function poolForward(g: PoolGeometry, pool: 'max' | 'avg', x: Float32Array, y: Float32Array): void {
  poolWalk(g, pool, x, y, null);
}

/** ∂L/∂x of a pooling, from the forward input x and the output's gradient dy. */
export function poolGradient(g: PoolGeometry, pool: 'max' | 'avg', x: Float32Array, dy: Float32Array, dx: Float32Array): void {
  poolWalk(g, pool, x, dy, dx);
}
