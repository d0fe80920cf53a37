/**
 * Batched matrix products over the member axis ([P, M, K] · [P, K, N]) that keep members apart on every
 * backend. tfjs-backend-webgpu 4.22's batched matMul programs read past a member's block into its
 * neighbours' memory and multiply what they read by zero padding. With finite values that adds nothing;
 * with NaN/Inf it spreads (NaN · 0 = NaN). Measured on SwiftShader (tests/e2e/webgpu-divergence.spec.ts):
 *   [P,20,1]·[P,1,16]   NaN in member 10's b → members 0–10 NaN   (inner dimension 1, any matMul program)
 *   [P,1,20]ᵀ·[P,20,16] NaN in member 10's b → member 9 NaN too   (P = 18; transposed a, one row)
 *   fused matMul + bias + activation, inner dimension 1 → the same as the first line.
 * The same happens on NVIDIA hardware (H200, Vulkan, through Dawn): docs/engine/webgpu-hardware-check.md.
 * So on webgpu every operand goes through `finite()` (non-finite entries → 0) before the product, the
 * fused matmul is not used, and `memberMatMul` has a custom gradient made of the same safe products (tfjs's
 * own gradient of a matMul is a matMul on the upstream gradient). A member with non-finite values computes
 * garbage, but finite garbage that stays in its own block; the read-back checks every member's parameters
 * (`finiteParams`) and neutralizes it. Healthy members' numbers are unchanged (where() passes them through).
 * Other backends keep tf.matMul / tf.fused.matMul (their numbers do not change).
 */
import * as tf from '../tf';

let forced = false;

/** Tests force the safe products on any backend, to check them against tf.matMul. */
export function forceSafeMatMul(on: boolean): void {
  forced = on;
}

/** True when the backend needs the safe products (webgpu) or a test forced them. */
export function needsSafeMatMul(): boolean {
  return forced || tf.getBackend() === 'webgpu';
}

/** x with NaN and ±Inf replaced by 0 (a select, so finite entries pass through exactly). */
export function finite(x: tf.Tensor): tf.Tensor {
  return tf.where(tf.isFinite(x), x, tf.zerosLike(x));
}

/** op(a)·op(b) per member on finite operands. */
export function safeMatMul(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): tf.Tensor3D {
  return tf.matMul(finite(a) as tf.Tensor3D, finite(b) as tf.Tensor3D, transposeA, transposeB);
}

/** a·b with a gradient made of safe products: ∂/∂a = dy·bᵀ, ∂/∂b = aᵀ·dy. */
const safeMatMulWithGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: safeMatMul(a, b),
    gradFunc: (dy: tf.Tensor3D, saved: tf.Tensor[]) => [safeMatMul(dy, saved[1] as tf.Tensor, false, true), safeMatMul(saved[0] as tf.Tensor, dy, true, false)],
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor3D;

/** x·W for a population: tf.matMul, or on webgpu the safe product (with its safe gradient). */
export function memberMatMul(x: tf.Tensor, kernel: tf.Tensor): tf.Tensor3D {
  return needsSafeMatMul() ? safeMatMulWithGradient(x, kernel) : tf.matMul(x as tf.Tensor3D, kernel as tf.Tensor3D);
}
