// The batch-mean loss of each lane's member, written to the loss output (the optimizer adds the penalty).
// Computed only on collecting steps (the last before a readback), so scalar log/exp per lane is fine here.
//   mse                 mean_{b,k} (a - y)²
//   binary CE (logits)  mean_{b,k} [max(z, 0) - z y + log(1 + e^-|z|)]   (= -y log σ(z) - (1-y) log(1 - σ(z)))
//   categorical CE      mean_b -Σ_k y_k (z_k - max - log Σ_j e^(z_j - max))   (log-softmax, stable)
import * as H from './layout';
import { lane } from './simd';

export function loss(g: i32, B: i32): void {
  const L = H.word(H.H_LAYERS), K = H.word(H.H_OUTPUT_WIDTH), kind = H.word(H.H_LOSS);
  const out = H.layerPtr(L - 1, H.L_H_OUT), Z = H.ptr(H.H_Z), Y = H.ptr(H.H_Y);
  const dst = H.ptr(H.H_LOSS_OUT) + (<usize>g << 4);
  if (kind == 0) {
    let s = f32x4.splat(0);
    for (let e = 0; e < B * K; e++) {
      const d = f32x4.sub(v128.load(out + (<usize>e << 4)), v128.load(Y + (<usize>e << 4)));
      s = f32x4.add(s, f32x4.mul(d, d));
    }
    v128.store(dst, f32x4.div(s, f32x4.splat(<f32>(B * K))));
    return;
  }
  for (let m = 0; m < 4; m++) {
    let total: f64 = 0;
    for (let r = 0; r < B; r++) {
      const row = <usize>(r * K);
      if (kind == 1) {
        for (let k: usize = 0; k < <usize>K; k++) {
          const z = <f64>lane(v128.load(Z + ((row + k) << 4)), m), y = <f64>lane(v128.load(Y + ((row + k) << 4)), m);
          total += max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        }
      } else {
        let top: f64 = -Infinity;
        for (let k: usize = 0; k < <usize>K; k++) top = max(top, <f64>lane(v128.load(Z + ((row + k) << 4)), m));
        let sum: f64 = 0;
        for (let k: usize = 0; k < <usize>K; k++) sum += Math.exp(<f64>lane(v128.load(Z + ((row + k) << 4)), m) - top);
        const lse = top + Math.log(sum);
        for (let k: usize = 0; k < <usize>K; k++) {
          const z = <f64>lane(v128.load(Z + ((row + k) << 4)), m), y = <f64>lane(v128.load(Y + ((row + k) << 4)), m);
          if (y != 0) total -= y * (z - lse);
        }
      }
    }
    store<f32>(dst + (<usize>m << 2), <f32>(total / <f64>(kind == 1 ? B * K : B)));
  }
}
