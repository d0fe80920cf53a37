// The update of one group's parameters from the gradient buffer, lane = member, in the engine's order:
//   1. g ← ∂L/∂θ + l1·sign(W) + 2·l2·W   (kernels only: ∂/∂W of l1 Σ|W| + l2 Σ W²)
//   2. g ← clip(g, ±clipValue);  g ← g · min(1, clipNorm / ‖g‖)  (‖g‖ over all trainable parameters of a member)
//   3. the optimizer (η per member, after the schedule; t the 1-based step, c1 = 1/(1-β1^t), c2 = 1/(1-β2^t)):
//      sgd       θ ← θ - η g
//      momentum  v ← μ v + g;                 θ ← θ - η v
//      nesterov  v ← μ v + g;                 θ ← θ - η (g + μ v)
//      rmsprop   s ← ρ s + (1 - ρ) g²;        θ ← θ - η g / √(s + ε)
//      adam      m ← β1 m + (1-β1) g;  v ← β2 v + (1-β2) g²;  θ ← θ - η (c1 m) / (√(c2 v) + ε)
//   4. decoupled weight decay (AdamW, kernels only): θ ← θ - η λ θ_old
//   5. frozen lanes (padding, diverged) have η = 0, so θ - 0·step = θ exactly; a lane whose new θ is not finite
//      anywhere gets all its old values back from the copy taken before the update and is flagged (the host
//      reports it diverged and freezes it), so weights stay finite and other lanes are never touched.
//   6. max-norm: each unit's incoming weights w_j ← w_j · min(1, c / (‖w_j‖ + 1e-12)).
// `withLoss` adds the loss penalty (before the update) to the loss output; `collect` keeps per-layer statistics for telemetry:
// ‖g‖ (after clipping), ‖θ‖ and ‖Δθ‖/‖θ‖ per layer over kernel and bias, as the tfjs path reports them.
import * as H from './layout';
import { sign4 } from './simd';

@inline function at(base: usize, e: i32): usize {
  return base + (<usize>e << 4);
}

export function optimize(g: i32, withLoss: bool, collect: bool, c1: f32, c2: f32): void {
  const L = H.word(H.H_LAYERS), Q = H.word(H.H_PARAMS_PER_NET), flags = H.word(H.H_FLAGS);
  const groupBytes = (<usize>g * <usize>Q) << 4;
  const params = H.ptr(H.H_PARAMS) + groupBytes, grads = H.ptr(H.H_GRADS) + groupBytes;
  const s1 = H.ptr(H.H_STATE1) + groupBytes, s2 = H.ptr(H.H_STATE2) + groupBytes;
  const lane = <usize>g << 4;
  const useL1 = (flags & H.FLAG_L1) != 0, useL2 = (flags & H.FLAG_L2) != 0, useDecay = (flags & H.FLAG_DECAY) != 0;
  const clipValue = H.real(H.F_CLIP_VALUE), clipNorm = H.real(H.F_CLIP_NORM);
  if (useL1 || useL2 || clipValue > 0 || clipNorm > 0) penaltyAndClip(g, withLoss, params, grads, useL1, useL2, clipValue);
  const scaled = clipNorm > 0;
  const scale = scaled ? f32x4.min(f32x4.splat(1), f32x4.div(f32x4.splat(clipNorm), f32x4.add(f32x4.sqrt(sumSquares), f32x4.splat(1e-12)))) : f32x4.splat(1);
  const opt = H.word(H.H_OPTIMIZER);
  const eta = v128.load(H.ptr(H.H_RATES) + lane);
  const etaDecay = f32x4.mul(eta, v128.load(H.ptr(H.H_DECAY) + lane));
  const active = v128.load(H.ptr(H.H_ACTIVE) + lane);
  const before = H.ptr(H.H_BEFORE);
  memory.copy(before, params, <usize>Q << 4);
  // Σ (θ' - θ') over every new value: 0 where all are finite, NaN in a lane where one is not.
  let check = f32x4.splat(0);
  for (let l = 0; l < L; l++) {
    const lf = H.layerWord(l, H.L_FLAGS);
    if (!(lf & H.LAYER_TRAINABLE)) continue;
    const k0 = H.layerWord(l, H.L_KERNEL), kn = H.layerWord(l, H.L_IN) * H.layerWord(l, H.L_OUT);
    const count = kn + ((lf & H.LAYER_BIAS) ? H.layerWord(l, H.L_OUT) : 0);
    check = f32x4.add(check, update(opt, params, grads, s1, s2, k0, k0 + kn, eta, useDecay ? etaDecay : f32x4.splat(0), useDecay, scaled, scale, collect, c1, c2));
    check = f32x4.add(check, update(opt, params, grads, s1, s2, k0 + kn, k0 + count, eta, f32x4.splat(0), false, scaled, scale, collect, c1, c2));
  }
  const broken = v128.not(f32x4.eq(check, f32x4.splat(0))); // frozen lanes too (η = 0 times an infinite step)
  if (v128.any_true(broken)) for (let e = 0; e < Q; e++) v128.store(at(params, e), v128.bitselect(v128.load(at(before, e)), v128.load(at(params, e)), broken));
  const bad = v128.and(active, broken);
  for (let l = 0; l < L; l++) {
    const maxNorm = H.layerReal(l, H.L_MAX_NORM);
    if (maxNorm > 0 && (H.layerWord(l, H.L_FLAGS) & H.LAYER_TRAINABLE)) maxNormColumns(params, H.layerWord(l, H.L_KERNEL), H.layerWord(l, H.L_IN), H.layerWord(l, H.L_OUT), maxNorm, active);
  }
  if (collect) statistics(g, params, grads, before);
  const badOut = H.ptr(H.H_BAD) + lane;
  v128.store(badOut, v128.or(v128.load(badOut), bad));
  v128.store(H.ptr(H.H_ACTIVE) + lane, v128.andnot(active, bad));
}

// Σ g² per member of the last penaltyAndClip (for the norm clip).
let sumSquares: v128 = f32x4.splat(0);

/** Steps 1–2 before the update: penalty gradients, value clipping, Σ g²; on steps that report their loss the penalty
 * l1 Σ|W| + l2 Σ W² (over every kernel, frozen or not, before the update) is added to the loss output. */
function penaltyAndClip(g: i32, collect: bool, params: usize, grads: usize, useL1: bool, useL2: bool, clipValue: f32): void {
  const L = H.word(H.H_LAYERS), lane = <usize>g << 4;
  const l1 = v128.load(H.ptr(H.H_L1) + lane), l2 = v128.load(H.ptr(H.H_L2) + lane), l2x2 = f32x4.add(l2, l2);
  let squares = f32x4.splat(0), penalty = f32x4.splat(0);
  for (let l = 0; l < L; l++) {
    const k0 = H.layerWord(l, H.L_KERNEL), kn = H.layerWord(l, H.L_IN) * H.layerWord(l, H.L_OUT);
    const lf = H.layerWord(l, H.L_FLAGS);
    if (collect && (useL1 || useL2))
      for (let e = k0; e < k0 + kn; e++) {
        const w = v128.load(at(params, e));
        penalty = f32x4.add(penalty, f32x4.add(f32x4.mul(l1, f32x4.abs(w)), f32x4.mul(l2, f32x4.mul(w, w))));
      }
    if (!(lf & H.LAYER_TRAINABLE)) continue;
    const count = kn + ((lf & H.LAYER_BIAS) ? H.layerWord(l, H.L_OUT) : 0);
    for (let e = k0; e < k0 + count; e++) {
      let gv = v128.load(at(grads, e));
      if (e < k0 + kn) {
        const w = v128.load(at(params, e));
        if (useL1) gv = f32x4.add(gv, f32x4.mul(l1, sign4(w)));
        if (useL2) gv = f32x4.add(gv, f32x4.mul(l2x2, w));
      }
      if (clipValue > 0) gv = f32x4.max(f32x4.min(gv, f32x4.splat(clipValue)), f32x4.splat(-clipValue));
      v128.store(at(grads, e), gv);
      squares = f32x4.add(squares, f32x4.mul(gv, gv));
    }
  }
  sumSquares = squares;
  if (collect) {
    const out = H.ptr(H.H_LOSS_OUT) + lane;
    v128.store(out, f32x4.add(v128.load(out), penalty));
  }
}

/** Step 3–4 on parameters [from, to): one loop per optimizer (the choice is made once, not per element).
 * Returns Σ (θ' - θ') (see the check above). With `collect`, the scaled gradient is written back for telemetry. */
function update(opt: i32, params: usize, grads: usize, s1: usize, s2: usize, from: i32, to: i32, eta: v128, etaDecay: v128, decay: bool, scaled: bool, scale: v128, collect: bool, c1: f32, c2: f32): v128 {
  let check = f32x4.splat(0);
  const mu = f32x4.splat(H.real(H.F_MOMENTUM)), b1 = f32x4.splat(H.real(H.F_BETA1)), b2 = f32x4.splat(H.real(H.F_BETA2));
  const nb1 = f32x4.splat(1 - H.real(H.F_BETA1)), nb2 = f32x4.splat(1 - H.real(H.F_BETA2)), eps = f32x4.splat(H.real(H.F_EPSILON));
  const vc1 = f32x4.splat(c1), vc2 = f32x4.splat(c2);
  if (opt == 0 && !scaled && !decay) {
    // Plain SGD without norm clipping or decay: the same formula as below, without the per-element branches.
    for (let e = from; e < to; e++) {
      const next = f32x4.sub(v128.load(at(params, e)), f32x4.mul(eta, v128.load(at(grads, e))));
      v128.store(at(params, e), next);
      check = f32x4.add(check, f32x4.sub(next, next));
    }
    return check;
  }
  for (let e = from; e < to; e++) {
    let gv = v128.load(at(grads, e));
    if (scaled) {
      gv = f32x4.mul(gv, scale);
      if (collect) v128.store(at(grads, e), gv);
    }
    let step = gv;
    if (opt == 1 || opt == 2) {
      const v = f32x4.add(f32x4.mul(mu, v128.load(at(s1, e))), gv);
      v128.store(at(s1, e), v);
      step = opt == 1 ? v : f32x4.add(gv, f32x4.mul(mu, v));
    } else if (opt == 3) {
      const s = f32x4.add(f32x4.mul(b1, v128.load(at(s1, e))), f32x4.mul(nb1, f32x4.mul(gv, gv)));
      v128.store(at(s1, e), s);
      step = f32x4.div(gv, f32x4.sqrt(f32x4.add(s, eps)));
    } else if (opt == 4) {
      const m = f32x4.add(f32x4.mul(b1, v128.load(at(s1, e))), f32x4.mul(nb1, gv));
      const v = f32x4.add(f32x4.mul(b2, v128.load(at(s2, e))), f32x4.mul(nb2, f32x4.mul(gv, gv)));
      v128.store(at(s1, e), m);
      v128.store(at(s2, e), v);
      step = f32x4.div(f32x4.mul(m, vc1), f32x4.add(f32x4.sqrt(f32x4.mul(v, vc2)), eps));
    }
    const old = v128.load(at(params, e));
    let next = f32x4.sub(old, f32x4.mul(eta, step));
    if (decay) next = f32x4.sub(next, f32x4.mul(etaDecay, old));
    v128.store(at(params, e), next);
    check = f32x4.add(check, f32x4.sub(next, next));
  }
  return check;
}

/** Per layer over kernel and bias: ‖g‖ (the gradient the update used), ‖θ‖ after, ‖Δθ‖/‖θ‖ (Δ against the copy
 * taken before the update, so the max-norm rescale counts as part of the step). Frozen layers: ‖g‖ = Δ = 0. */
function statistics(g: i32, params: usize, grads: usize, before: usize): void {
  const L = H.word(H.H_LAYERS);
  const stats = H.ptr(H.H_STATS) + ((<usize>g * <usize>(3 * L)) << 4);
  for (let l = 0; l < L; l++) {
    const k0 = H.layerWord(l, H.L_KERNEL), nOut = H.layerWord(l, H.L_OUT), lf = H.layerWord(l, H.L_FLAGS);
    const count = H.layerWord(l, H.L_IN) * nOut + ((lf & H.LAYER_BIAS) ? nOut : 0);
    let gradSq = f32x4.splat(0), deltaSq = f32x4.splat(0), weightSq = f32x4.splat(0);
    for (let e = k0; e < k0 + count; e++) {
      const w = v128.load(at(params, e));
      const d = f32x4.sub(w, v128.load(at(before, e)));
      weightSq = f32x4.add(weightSq, f32x4.mul(w, w));
      deltaSq = f32x4.add(deltaSq, f32x4.mul(d, d));
      if (lf & H.LAYER_TRAINABLE) {
        const gv = v128.load(at(grads, e));
        gradSq = f32x4.add(gradSq, f32x4.mul(gv, gv));
      }
    }
    const weightNorm = f32x4.sqrt(weightSq);
    v128.store(at(stats, l), f32x4.sqrt(gradSq));
    v128.store(at(stats, L + l), weightNorm);
    v128.store(at(stats, 2 * L + l), f32x4.div(f32x4.sqrt(deltaSq), f32x4.add(weightNorm, f32x4.splat(1e-12))));
  }
}

/** w_{·j} ← w_{·j} · min(1, c / (‖w_{·j}‖ + 1e-12)) for each unit j, on active lanes only. */
function maxNormColumns(params: usize, k0: i32, nIn: i32, nOut: i32, c: f32, active: v128): void {
  for (let j = 0; j < nOut; j++) {
    let sq = f32x4.splat(0);
    for (let i = 0; i < nIn; i++) {
      const w = v128.load(at(params, k0 + i * nOut + j));
      sq = f32x4.add(sq, f32x4.mul(w, w));
    }
    let s = f32x4.min(f32x4.splat(1), f32x4.div(f32x4.splat(c), f32x4.add(f32x4.sqrt(sq), f32x4.splat(1e-12))));
    s = v128.bitselect(s, f32x4.splat(1), active);
    for (let i = 0; i < nIn; i++) {
      const p = at(params, k0 + i * nOut + j);
      v128.store(p, f32x4.mul(v128.load(p), s));
    }
  }
}
