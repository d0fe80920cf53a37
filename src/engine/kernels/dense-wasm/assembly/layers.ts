// The three dense-layer loops of one group of four members. Row-major scratch [rows][width][4 lanes];
// weights [in][out][4 lanes]. Four batch rows share each weight load (the loops are bound by loads).
import { activate, derivative } from './simd';

/** Z[r][j] = act(b[j] + Σ_i H[r][i] W[i][j]) for B rows (bias 0 = no bias). */
export function affine(H: usize, B: i32, nIn: i32, W: usize, bias: usize, nOut: i32, Z: usize, act: i32): void {
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
        s0 = f32x4.add(s0, f32x4.mul(v128.load(h0 + o), wij));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(h1 + o), wij));
        s2 = f32x4.add(s2, f32x4.mul(v128.load(h2 + o), wij));
        s3 = f32x4.add(s3, f32x4.mul(v128.load(h3 + o), wij));
        w += wStride;
      }
      const zo = z0 + (<usize>j << 4);
      v128.store(zo, activate(act, s0));
      v128.store(zo + rowOut, activate(act, s1));
      v128.store(zo + 2 * rowOut, activate(act, s2));
      v128.store(zo + 3 * rowOut, activate(act, s3));
    }
  }
  for (; r < B; r++) {
    const h0 = H + <usize>r * rowIn, z0 = Z + <usize>r * rowOut;
    for (let j = 0; j < nOut; j++) {
      let s0 = bias ? v128.load(bias + (<usize>j << 4)) : f32x4.splat(0);
      let w = W + (<usize>j << 4);
      for (let i: usize = 0; i < <usize>nIn; i++) {
        s0 = f32x4.add(s0, f32x4.mul(v128.load(h0 + (i << 4)), v128.load(w)));
        w += wStride;
      }
      v128.store(z0 + (<usize>j << 4), activate(act, s0));
    }
  }
}

/** Dbelow[r][i] = (Σ_j D[r][j] W[i][j] + S[r][i]) · act'(A[r][i]): the error one layer down (A = the activation
 * there). S (or 0): ∂L/∂h of a residual layer's output, which its skip path adds to the error below; G (or 0)
 * keeps the error below before act' (the layer below is residual: its own skip path needs it). */
export function backInput(D: usize, B: i32, nOut: i32, W: usize, nIn: i32, A: usize, Dbelow: usize, act: i32, S: usize, G: usize): void {
  const rowIn = <usize>nIn << 4, rowOut = <usize>nOut << 4;
  let r = 0;
  for (; r + 4 <= B; r += 4) {
    const d0 = D + <usize>r * rowOut, d1 = d0 + rowOut, d2 = d1 + rowOut, d3 = d2 + rowOut;
    const g0 = <usize>r * rowIn;
    for (let i = 0; i < nIn; i++) {
      const w = W + <usize>i * rowOut;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let j: usize = 0; j < <usize>nOut; j++) {
        const o = j << 4;
        const wij = v128.load(w + o);
        s0 = f32x4.add(s0, f32x4.mul(v128.load(d0 + o), wij));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(d1 + o), wij));
        s2 = f32x4.add(s2, f32x4.mul(v128.load(d2 + o), wij));
        s3 = f32x4.add(s3, f32x4.mul(v128.load(d3 + o), wij));
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
      v128.store(Dbelow + io, f32x4.mul(s0, derivative(act, v128.load(A + io))));
      v128.store(Dbelow + io + rowIn, f32x4.mul(s1, derivative(act, v128.load(A + io + rowIn))));
      v128.store(Dbelow + io + 2 * rowIn, f32x4.mul(s2, derivative(act, v128.load(A + io + 2 * rowIn))));
      v128.store(Dbelow + io + 3 * rowIn, f32x4.mul(s3, derivative(act, v128.load(A + io + 3 * rowIn))));
    }
  }
  for (; r < B; r++) {
    const d0 = D + <usize>r * rowOut, g0 = <usize>r * rowIn;
    for (let i = 0; i < nIn; i++) {
      const w = W + <usize>i * rowOut;
      let s0 = f32x4.splat(0);
      for (let j: usize = 0; j < <usize>nOut; j++) s0 = f32x4.add(s0, f32x4.mul(v128.load(d0 + (j << 4)), v128.load(w + (j << 4))));
      const io = g0 + (<usize>i << 4);
      if (S) s0 = f32x4.add(s0, v128.load(S + io));
      if (G) v128.store(G + io, s0);
      v128.store(Dbelow + io, f32x4.mul(s0, derivative(act, v128.load(A + io))));
    }
  }
}

/** ∂L/∂W[i][j] = Σ_r H[r][i] D[r][j] and ∂L/∂b[j] = Σ_r D[r][j] (δ already carries 1/B), written to the
 * gradient buffer. Two accumulators per entry halve the add chain's latency. */
export function weightGrad(H: usize, D: usize, B: i32, nIn: i32, nOut: i32, gW: usize, gB: usize): void {
  const rowIn = <usize>nIn << 4, rowOut = <usize>nOut << 4;
  for (let i = 0; i < nIn; i++) {
    for (let j = 0; j < nOut; j++) {
      let h = H + (<usize>i << 4), d = D + (<usize>j << 4);
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0);
      let r = 0;
      for (; r + 2 <= B; r += 2) {
        s0 = f32x4.add(s0, f32x4.mul(v128.load(h), v128.load(d)));
        s1 = f32x4.add(s1, f32x4.mul(v128.load(h + rowIn), v128.load(d + rowOut)));
        h += 2 * rowIn;
        d += 2 * rowOut;
      }
      if (r < B) s0 = f32x4.add(s0, f32x4.mul(v128.load(h), v128.load(d)));
      v128.store(gW + ((<usize>i * <usize>nOut + <usize>j) << 4), f32x4.add(s0, s1));
    }
  }
  if (!gB) return;
  for (let j = 0; j < nOut; j++) {
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
