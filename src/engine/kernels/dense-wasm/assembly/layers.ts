// The three dense-layer loops of one group of four members. Row-major scratch [rows][width][4 lanes];
// weights [in][out][4 lanes]. The loops are bound by loads and by the latency of each sum's add chain, so each
// pass keeps several independent sums (four or two batch rows, two input units, four output units) that share
// their loads. Every sum still adds its terms one by one in the same order as a plain loop would (bias, then
// i = 0, 1, …; or rows 0, 2, 4, … and 1, 3, 5, … for the weight gradient), so the blocking changes no bit.
import { ACT_TANH, activate, derivative } from './simd';

/** s + x·w, one term of a sum. */
@inline function madd(s: v128, x: v128, w: v128): v128 {
  return f32x4.add(s, f32x4.mul(x, w));
}

/** Z[r][j] = act(b[j] + Σ_i H[r][i] W[i][j]) for B rows (bias 0 = no bias). */
export function affine(H: usize, B: i32, nIn: i32, W: usize, bias: usize, nOut: i32, Z: usize, act: i32): void {
  // tanh layers get their own copy of the loops with the activation known at compile time (no branches
  // around each of its ~30 instructions).
  if (act == ACT_TANH) affineLoops(H, B, nIn, W, bias, nOut, Z, ACT_TANH);
  else affineLoops(H, B, nIn, W, bias, nOut, Z, act);
}

@inline function affineLoops(H: usize, B: i32, nIn: i32, W: usize, bias: usize, nOut: i32, Z: usize, act: i32): void {
  const rowIn = <usize>nIn << 4, rowOut = <usize>nOut << 4, wStride = <usize>nOut << 4;
  let r = 0;
  for (; r + 4 <= B; r += 4) {
    const h0 = H + <usize>r * rowIn, h1 = h0 + rowIn, h2 = h1 + rowIn, h3 = h2 + rowIn;
    const z0 = Z + <usize>r * rowOut;
    for (let j = 0; j < nOut; j++) {
      const bj = bias ? v128.load(bias + (<usize>j << 4)) : f32x4.splat(0);
      let s0 = bj, s1 = bj, s2 = bj, s3 = bj;
      let w = W + (<usize>j << 4);
      for (let i: usize = 0; i < <usize>nIn; i++) {
        const wij = v128.load(w);
        const o = i << 4;
        s0 = madd(s0, v128.load(h0 + o), wij);
        s1 = madd(s1, v128.load(h1 + o), wij);
        s2 = madd(s2, v128.load(h2 + o), wij);
        s3 = madd(s3, v128.load(h3 + o), wij);
        w += wStride;
      }
      const zo = z0 + (<usize>j << 4);
      v128.store(zo, activate(act, s0));
      v128.store(zo + rowOut, activate(act, s1));
      v128.store(zo + 2 * rowOut, activate(act, s2));
      v128.store(zo + 3 * rowOut, activate(act, s3));
    }
  }
  for (; r + 2 <= B; r += 2) {
    const h0 = H + <usize>r * rowIn, h1 = h0 + rowIn, z0 = Z + <usize>r * rowOut;
    for (let j = 0; j < nOut; j++) {
      const bj = bias ? v128.load(bias + (<usize>j << 4)) : f32x4.splat(0);
      let s0 = bj, s1 = bj;
      let w = W + (<usize>j << 4);
      for (let i: usize = 0; i < <usize>nIn; i++) {
        const wij = v128.load(w);
        s0 = madd(s0, v128.load(h0 + (i << 4)), wij);
        s1 = madd(s1, v128.load(h1 + (i << 4)), wij);
        w += wStride;
      }
      v128.store(z0 + (<usize>j << 4), activate(act, s0));
      v128.store(z0 + rowOut + (<usize>j << 4), activate(act, s1));
    }
  }
  for (; r < B; r++) {
    const h0 = H + <usize>r * rowIn, z0 = Z + <usize>r * rowOut;
    for (let j = 0; j < nOut; j++) {
      let s0 = bias ? v128.load(bias + (<usize>j << 4)) : f32x4.splat(0);
      let w = W + (<usize>j << 4);
      for (let i: usize = 0; i < <usize>nIn; i++) {
        s0 = madd(s0, v128.load(h0 + (i << 4)), v128.load(w));
        w += wStride;
      }
      v128.store(z0 + (<usize>j << 4), activate(act, s0));
    }
  }
}

/** Dbelow[at] = s · act'(A[at]). */
@inline function errorBelow(Dbelow: usize, A: usize, at: usize, s: v128, act: i32): void {
  v128.store(Dbelow + at, f32x4.mul(s, derivative(act, v128.load(A + at))));
}

/** Dbelow[r][i] = (Σ_j D[r][j] W[i][j] + S[r][i]) · act'(A[r][i]): the error one layer down (A = the activation
 * there). S (or 0): ∂L/∂h of a residual layer's output, which its skip path adds to the error below; G (or 0)
 * keeps the error below before act' (the layer below is residual: its own skip path needs it). */
export function backInput(D: usize, B: i32, nOut: i32, W: usize, nIn: i32, A: usize, Dbelow: usize, act: i32, S: usize, G: usize): void {
  const rowIn = <usize>nIn << 4, rowOut = <usize>nOut << 4;
  const plain = !S && !G;
  let r = 0;
  for (; r + 4 <= B; r += 4) {
    const d0 = D + <usize>r * rowOut, d1 = d0 + rowOut, d2 = d1 + rowOut, d3 = d2 + rowOut;
    const g0 = <usize>r * rowIn;
    let i = 0;
    // Without skip paths, two input units per pass share each load of δ.
    if (plain)
      for (; i + 2 <= nIn; i += 2) {
        const w = W + <usize>i * rowOut, v = w + rowOut;
        let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
        let t0 = f32x4.splat(0), t1 = f32x4.splat(0), t2 = f32x4.splat(0), t3 = f32x4.splat(0);
        for (let j: usize = 0; j < <usize>nOut; j++) {
          const o = j << 4;
          const wij = v128.load(w + o), vij = v128.load(v + o);
          const e0 = v128.load(d0 + o), e1 = v128.load(d1 + o), e2 = v128.load(d2 + o), e3 = v128.load(d3 + o);
          s0 = madd(s0, e0, wij);
          s1 = madd(s1, e1, wij);
          s2 = madd(s2, e2, wij);
          s3 = madd(s3, e3, wij);
          t0 = madd(t0, e0, vij);
          t1 = madd(t1, e1, vij);
          t2 = madd(t2, e2, vij);
          t3 = madd(t3, e3, vij);
        }
        const io = g0 + (<usize>i << 4);
        errorBelow(Dbelow, A, io, s0, act);
        errorBelow(Dbelow, A, io + rowIn, s1, act);
        errorBelow(Dbelow, A, io + 2 * rowIn, s2, act);
        errorBelow(Dbelow, A, io + 3 * rowIn, s3, act);
        errorBelow(Dbelow, A, io + 16, t0, act);
        errorBelow(Dbelow, A, io + rowIn + 16, t1, act);
        errorBelow(Dbelow, A, io + 2 * rowIn + 16, t2, act);
        errorBelow(Dbelow, A, io + 3 * rowIn + 16, t3, act);
      }
    for (; i < nIn; i++) {
      const w = W + <usize>i * rowOut;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let j: usize = 0; j < <usize>nOut; j++) {
        const o = j << 4;
        const wij = v128.load(w + o);
        s0 = madd(s0, v128.load(d0 + o), wij);
        s1 = madd(s1, v128.load(d1 + o), wij);
        s2 = madd(s2, v128.load(d2 + o), wij);
        s3 = madd(s3, v128.load(d3 + o), wij);
      }
      const io = g0 + (<usize>i << 4);
      if (S) {
        s0 = f32x4.add(s0, v128.load(S + io));
        s1 = f32x4.add(s1, v128.load(S + io + rowIn));
        s2 = f32x4.add(s2, v128.load(S + io + 2 * rowIn));
        s3 = f32x4.add(s3, v128.load(S + io + 3 * rowIn));
      }
      if (G) {
        v128.store(G + io, s0);
        v128.store(G + io + rowIn, s1);
        v128.store(G + io + 2 * rowIn, s2);
        v128.store(G + io + 3 * rowIn, s3);
      }
      errorBelow(Dbelow, A, io, s0, act);
      errorBelow(Dbelow, A, io + rowIn, s1, act);
      errorBelow(Dbelow, A, io + 2 * rowIn, s2, act);
      errorBelow(Dbelow, A, io + 3 * rowIn, s3, act);
    }
  }
  if (plain)
    for (; r + 2 <= B; r += 2) {
      const d0 = D + <usize>r * rowOut, d1 = d0 + rowOut, g0 = <usize>r * rowIn;
      for (let i = 0; i < nIn; i++) {
        const w = W + <usize>i * rowOut;
        let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
        for (let j: usize = 0; j < <usize>nOut; j++) {
          const wij = v128.load(w + (j << 4));
          s0 = madd(s0, v128.load(d0 + (j << 4)), wij);
          s1 = madd(s1, v128.load(d1 + (j << 4)), wij);
        }
        const io = g0 + (<usize>i << 4);
        errorBelow(Dbelow, A, io, s0, act);
        errorBelow(Dbelow, A, io + rowIn, s1, act);
      }
    }
  for (; r < B; r++) {
    const d0 = D + <usize>r * rowOut, g0 = <usize>r * rowIn;
    for (let i = 0; i < nIn; i++) {
      const w = W + <usize>i * rowOut;
      let s0 = f32x4.splat(0);
      for (let j: usize = 0; j < <usize>nOut; j++) s0 = madd(s0, v128.load(d0 + (j << 4)), v128.load(w + (j << 4)));
      const io = g0 + (<usize>i << 4);
      if (S) s0 = f32x4.add(s0, v128.load(S + io));
      if (G) v128.store(G + io, s0);
      errorBelow(Dbelow, A, io, s0, act);
    }
  }
}

/** ∂L/∂W[i][j] = Σ_r H[r][i] D[r][j] and ∂L/∂b[j] = Σ_r D[r][j] (δ already carries 1/B), written to the
 * gradient buffer. Two accumulators per entry (even and odd rows, added at the end) halve the add chain's
 * latency; four output units per pass share each load of h. */
export function weightGrad(H: usize, D: usize, B: i32, nIn: i32, nOut: i32, gW: usize, gB: usize): void {
  const rowIn = <usize>nIn << 4, rowOut = <usize>nOut << 4;
  for (let i = 0; i < nIn; i++) {
    let j = 0;
    for (; j + 4 <= nOut; j += 4) {
      let h = H + (<usize>i << 4), d = D + (<usize>j << 4);
      let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = f32x4.splat(0), b1 = f32x4.splat(0);
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0), e0 = f32x4.splat(0), e1 = f32x4.splat(0);
      let r = 0;
      for (; r + 2 <= B; r += 2) {
        const x = v128.load(h), y = v128.load(h + rowIn), d1 = d + rowOut;
        a0 = madd(a0, x, v128.load(d));
        b0 = madd(b0, x, v128.load(d, 16));
        c0 = madd(c0, x, v128.load(d, 32));
        e0 = madd(e0, x, v128.load(d, 48));
        a1 = madd(a1, y, v128.load(d1));
        b1 = madd(b1, y, v128.load(d1, 16));
        c1 = madd(c1, y, v128.load(d1, 32));
        e1 = madd(e1, y, v128.load(d1, 48));
        h += 2 * rowIn;
        d += 2 * rowOut;
      }
      if (r < B) {
        const x = v128.load(h);
        a0 = madd(a0, x, v128.load(d));
        b0 = madd(b0, x, v128.load(d, 16));
        c0 = madd(c0, x, v128.load(d, 32));
        e0 = madd(e0, x, v128.load(d, 48));
      }
      const out = gW + ((<usize>i * <usize>nOut + <usize>j) << 4);
      v128.store(out, f32x4.add(a0, a1));
      v128.store(out, f32x4.add(b0, b1), 16);
      v128.store(out, f32x4.add(c0, c1), 32);
      v128.store(out, f32x4.add(e0, e1), 48);
    }
    for (; j < nOut; j++) {
      let h = H + (<usize>i << 4), d = D + (<usize>j << 4);
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
      let r = 0;
      for (; r + 2 <= B; r += 2) {
        s0 = madd(s0, v128.load(h), v128.load(d));
        s1 = madd(s1, v128.load(h + rowIn), v128.load(d + rowOut));
        h += 2 * rowIn;
        d += 2 * rowOut;
      }
      if (r < B) s0 = madd(s0, v128.load(h), v128.load(d));
      v128.store(gW + ((<usize>i * <usize>nOut + <usize>j) << 4), f32x4.add(s0, s1));
    }
  }
  if (!gB) return;
  let j = 0;
  for (; j + 4 <= nOut; j += 4) {
    // Four units' sums side by side, each over the rows in order.
    let d = D + (<usize>j << 4);
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    for (let r = 0; r < B; r++) {
      s0 = f32x4.add(s0, v128.load(d));
      s1 = f32x4.add(s1, v128.load(d, 16));
      s2 = f32x4.add(s2, v128.load(d, 32));
      s3 = f32x4.add(s3, v128.load(d, 48));
      d += rowOut;
    }
    const out = gB + (<usize>j << 4);
    v128.store(out, s0);
    v128.store(out, s1, 16);
    v128.store(out, s2, 32);
    v128.store(out, s3, 48);
  }
  for (; j < nOut; j++) {
    let d = D + (<usize>j << 4);
    let s = f32x4.splat(0);
    for (let r = 0; r < B; r++) {
      s = f32x4.add(s, v128.load(d));
      d += rowOut;
    }
    v128.store(gB + (<usize>j << 4), s);
  }
}

/** X[r][j] *= mask[p][r][j] for the four lanes' members (mask in the engine's [P][B][width] layout). */
export function applyMask(X: usize, B: i32, width: i32, mask: usize, group: i32): void {
  const memberStride = <usize>B * <usize>width;
  for (let m = 0; m < 4; m++) {
    const src = mask + ((<usize>(group * 4 + m) * memberStride) << 2);
    for (let e = 0; e < B * width; e++) {
      const at = X + (<usize>e << 4) + (<usize>m << 2);
      store<f32>(at, load<f32>(at) * load<f32>(src + (<usize>e << 2)));
    }
  }
}
