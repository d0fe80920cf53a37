// Lane-wise float32 maths for the dense-wasm kernel (AssemblyScript, 128-bit SIMD). Every v128 holds the
// same scalar of four different networks (lane m = member 4g + m), so these are plain scalar formulas
// applied to four members at once; nothing here mixes lanes.

/** Activation codes shared with the host (host.ts ACTIVATION_CODE). */
export const ACT_LINEAR: i32 = 0;
export const ACT_TANH: i32 = 1;
export const ACT_SIGMOID: i32 = 2;
export const ACT_RELU: i32 = 3;
export const ACT_LEAKY: i32 = 4;
export const ACT_SOFTMAX: i32 = 5;

/** Leaky ReLU slope α (the engine's LEAKY_RELU_ALPHA). */
const LEAKY: f32 = 0.01;

/** v clamped to [low, high] with the pseudo-min/max (b < a ? b : a), one instruction each on x86, where
 * f32x4.min/max take seven (they must order ±0 and pick a NaN). With constant nonzero bounds the result is the
 * same for every input but NaN, which passes through as a NaN. */
@inline function clamp4(v: v128, low: f32, high: f32): v128 {
  return f32x4.pmax(f32x4.pmin(v, f32x4.splat(high)), f32x4.splat(low));
}

// tanh: the Eigen/XLA rational approximation p(x)/q(x) on [-7.9053, 7.9053] (beyond it tanh rounds to ±1 in
// float32), ~1 ulp; |x| < 4e-4 returns x itself (tanh x = x - x³/3 + …, and x³/3 is below half an ulp).
@inline export function tanh4(v: v128): v128 {
  const x = clamp4(v, -7.90531110763549805, 7.90531110763549805);
  const x2 = f32x4.mul(x, x);
  let p = f32x4.add(f32x4.mul(x2, f32x4.splat(-2.76076847742355e-16)), f32x4.splat(2.00018790482477e-13));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(-8.60467152213735e-11));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(5.12229709037114e-8));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(1.48572235717979e-5));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(6.37261928875436e-4));
  p = f32x4.add(f32x4.mul(x2, p), f32x4.splat(4.89352455891786e-3));
  p = f32x4.mul(x, p);
  let q = f32x4.add(f32x4.mul(x2, f32x4.splat(1.19825839466702e-6)), f32x4.splat(1.18534705686654e-4));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(2.268434632439e-3));
  q = f32x4.add(f32x4.mul(x2, q), f32x4.splat(4.89352518554385e-3));
  return v128.bitselect(v, f32x4.div(p, q), f32x4.lt(f32x4.abs(v), f32x4.splat(0.0004)));
}

// exp (Cephes expf): e^x = 2^n · e^r with n = round(x / ln 2) and r = x - n ln 2 (ln 2 split in a high part
// exact in float32 and a low correction), |r| <= ln2/2; e^r = 1 + r + r²·poly(r) (degree 5, ~1 ulp).
// 2^n is built from the exponent bits: (n + 127) << 23. x is clamped so that n stays in [-126, 127].
@inline export function exp4(v: v128): v128 {
  const x = clamp4(v, -87.0, 88.0);
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375))), f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.add(f32x4.mul(f32x4.splat(1.9875691500e-4), r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const er = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  const pow2 = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(er, pow2);
}

/** a = act(z); sigmoid(z) = ½ + ½ tanh(z/2) (exact identity, stable for any z). Softmax is applied per row
 * by the caller (it mixes units, not lanes). */
@inline export function activate(act: i32, v: v128): v128 {
  if (act == ACT_TANH) return tanh4(v);
  if (act == ACT_SIGMOID) return f32x4.add(f32x4.splat(0.5), f32x4.mul(f32x4.splat(0.5), tanh4(f32x4.mul(v, f32x4.splat(0.5)))));
  if (act == ACT_RELU) return f32x4.max(v, f32x4.splat(0));
  if (act == ACT_LEAKY) return v128.bitselect(v, f32x4.mul(v, f32x4.splat(LEAKY)), f32x4.gt(v, f32x4.splat(0)));
  return v;
}

/** act'(z) from a = act(z): tanh' = 1 - a², σ' = a(1 - a), relu' = [a > 0], leaky' = 1 or α, linear' = 1. */
@inline export function derivative(act: i32, a: v128): v128 {
  if (act == ACT_TANH) return f32x4.sub(f32x4.splat(1), f32x4.mul(a, a));
  if (act == ACT_SIGMOID) return f32x4.mul(a, f32x4.sub(f32x4.splat(1), a));
  if (act == ACT_RELU) return v128.and(f32x4.gt(a, f32x4.splat(0)), f32x4.splat(1));
  if (act == ACT_LEAKY) return v128.bitselect(f32x4.splat(1), f32x4.splat(LEAKY), f32x4.gt(a, f32x4.splat(0)));
  return f32x4.splat(1);
}

/** sign(w) ∈ {-1, 0, 1} per lane (the subgradient of |w| that tf.sign gives, 0 at 0). */
@inline export function sign4(w: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.sub(v128.and(f32x4.gt(w, f32x4.splat(0)), one), v128.and(f32x4.lt(w, f32x4.splat(0)), one));
}

/** All-ones lanes where v is finite (not NaN, not ±Inf): v - v is 0 exactly for finite v, NaN otherwise. */
@inline export function finite4(v: v128): v128 {
  return f32x4.eq(f32x4.sub(v, v), f32x4.splat(0));
}

/** Lane m of a v128 as f32 (a switch because extract_lane needs a constant index). */
@inline export function lane(v: v128, m: i32): f32 {
  if (m == 0) return f32x4.extract_lane(v, 0);
  if (m == 1) return f32x4.extract_lane(v, 1);
  if (m == 2) return f32x4.extract_lane(v, 2);
  return f32x4.extract_lane(v, 3);
}
