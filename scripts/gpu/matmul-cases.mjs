/**
 * The batched products of a population (issue 11, item 1), run through tfjs-backend-webgpu 4.22 on whatever
 * WebGPU adapter `navigator.gpu` gives, with one member's operand poisoned (NaN or Inf). Every member's
 * output is compared with a float64 product computed here. Two modes:
 *   raw  — tf.matMul / tf.fused.matMul on the poisoned operands (what tfjs does by itself);
 *   safe — the engine's own fix, `safeMatMul` from src/engine/model/population-matmul.ts (operands made finite).
 * Each case also runs with every matMul program tfjs can pick (WEBGPU_MATMUL_PROGRAM_TYPE), since the pick
 * depends on the shape. Bundled by scripts/gpu/pack-device-check.sh; run by scripts/gpu/webgpu-matmul-check.mjs.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { safeMatMul } from '../../src/engine/model/population-matmul';

export { tf };

/** The population products of the sweeps (6 members, batch 20, one input, 16 tanh units, one output). */
export const cases = [
  { id: 'fwd1  x·W1        K=1 ', P: 6, a: [20, 1], b: [1, 16], poison: 'b' },
  { id: 'fwd1e x·W1 (eval) K=1 ', P: 6, a: [200, 1], b: [1, 16], poison: 'b' },
  { id: 'fwd2  h·W2        K=16', P: 6, a: [20, 16], b: [16, 1], poison: 'b' },
  { id: 'dh    dy·W2ᵀ      K=1 ', P: 6, a: [20, 1], b: [16, 1], tB: true, poison: 'b' },
  { id: 'dW2   hᵀ·dy       K=20', P: 6, a: [20, 16], b: [20, 1], tA: true, poison: 'a' },
  { id: 'dW1   xᵀ·dz       K=20', P: 6, a: [20, 1], b: [20, 16], tA: true, poison: 'b' },
  { id: 'dW1   xᵀ·dz P=18  K=20', P: 18, a: [20, 1], b: [20, 16], tA: true, poison: 'b', sick: 10 },
  { id: 'k8    a·b         K=8 ', P: 6, a: [20, 8], b: [8, 8], poison: 'b' },
  { id: 'k8t   aᵀ·b        K=20', P: 6, a: [20, 8], b: [20, 8], tA: true, poison: 'b' },
  { id: 'w16   h·W         K=16', P: 6, a: [20, 16], b: [16, 16], poison: 'b' },
  { id: 'fused x·W1+b relu K=1 ', P: 6, a: [20, 1], b: [1, 16], poison: 'b', fused: 'relu' },
  { id: 'fusedB x·W1+b lin K=1 ', P: 6, a: [20, 1], b: [1, 16], poison: 'bias', fused: 'linear' },
];

/** -1 lets tfjs choose; 0 reduce, 2 small-output-size, 3 packed (1, split-K, needs batch 1). */
export const programTypes = [-1, 0, 2, 3];
export const poisons = ['nan-member', 'inf-one'];

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 * 2 - 1;
  };
}

function filled(size, seed) {
  const next = random(seed);
  return Float32Array.from({ length: size }, next);
}

/** Member `sick`'s block poisoned: every entry NaN, or one entry +Inf. */
function poisoned(data, P, sick, kind) {
  const out = Float32Array.from(data);
  const block = data.length / P;
  if (kind === 'nan-member') out.fill(NaN, sick * block, (sick + 1) * block);
  else out[sick * block + block - 1] = Infinity;
  return out;
}

const fin = (x) => (Number.isFinite(x) ? x : 0);

/** op(a)·op(b) (+ bias, activation) per member in float64. */
function reference(c, a, b, bias) {
  const [ar, ac] = c.a;
  const [br, bc] = c.b;
  const [M, K] = c.tA ? [ac, ar] : [ar, ac];
  const N = c.tB ? br : bc;
  const out = new Float64Array(c.P * M * N);
  for (let p = 0; p < c.P; p++)
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const x = a[p * ar * ac + (c.tA ? k * ac + i : i * ac + k)];
          const y = b[p * br * bc + (c.tB ? j * bc + k : k * bc + j)];
          sum += x * y;
        }
        if (bias) sum += bias[p * N + j];
        if (c.fused === 'relu') sum = Math.max(sum, 0);
        out[(p * M + i) * N + j] = sum;
      }
  return { out, M, N };
}

/** Per member: how many outputs are not finite, and the largest |got − want| among the finite ones. */
function compare(got, want, P) {
  const block = want.length / P;
  return Array.from({ length: P }, (_, p) => {
    let nonFinite = 0;
    let maxError = 0;
    for (let i = p * block; i < (p + 1) * block; i++) {
      if (!Number.isFinite(want[i])) continue;
      if (!Number.isFinite(got[i])) nonFinite++;
      else maxError = Math.max(maxError, Math.abs(got[i] - want[i]));
    }
    return { nonFinite, maxError };
  });
}

async function runOne(c, poison, mode, seed) {
  const sick = c.sick ?? 2;
  const size = (shape) => c.P * shape[0] * shape[1];
  const N = c.tB ? c.b[0] : c.b[1];
  let a = filled(size(c.a), seed);
  let b = filled(size(c.b), seed + 1);
  let bias = c.fused ? filled(c.P * N, seed + 2) : null;
  if (c.poison === 'a') a = poisoned(a, c.P, sick, poison);
  if (c.poison === 'b') b = poisoned(b, c.P, sick, poison);
  if (c.poison === 'bias') bias = poisoned(bias, c.P, sick, poison);
  const ta = tf.tensor3d(a, [c.P, ...c.a]);
  const tb = tf.tensor3d(b, [c.P, ...c.b]);
  const tbias = bias ? tf.tensor3d(bias, [c.P, 1, N]) : null;
  let y;
  if (mode === 'safe') {
    // The engine on webgpu: safe product, then bias and activation as separate ops (no fused matMul).
    y = safeMatMul(ta, tb, !!c.tA, !!c.tB);
    if (tbias) y = tf.add(y, tbias);
    if (c.fused === 'relu') y = tf.relu(y);
  } else if (c.fused) {
    y = tf.fused.matMul({ a: ta, b: tb, transposeA: !!c.tA, transposeB: !!c.tB, bias: tbias, activation: c.fused });
  } else {
    y = tf.matMul(ta, tb, !!c.tA, !!c.tB);
  }
  const got = await y.data();
  tf.dispose([ta, tb, tbias, y].filter(Boolean));
  // The safe mode must equal the product of the finite operands, for every member (the sick one too;
  // a poisoned bias is added after the product, so there the expected value itself is not finite and skipped).
  const want = mode === 'safe' ? reference(c, a.map(fin), b.map(fin), bias) : reference(c, a, b, bias);
  // In raw mode only the healthy members are judged: the sick member's NaN is expected.
  const members = compare(got, want.out, c.P);
  const judged = members.filter((_, p) => mode === 'safe' || p !== sick);
  const spread = members.map((m, p) => (p !== sick && m.nonFinite > 0 ? p : -1)).filter((p) => p >= 0);
  return {
    sick,
    spreadTo: spread,
    healthyNonFinite: judged.reduce((s, m) => s + m.nonFinite, 0),
    healthyMaxError: Math.max(...judged.map((m) => m.maxError)),
    sickNonFinite: members[sick].nonFinite,
    sickAllFinite: Array.from(got.slice(sick * (got.length / c.P), (sick + 1) * (got.length / c.P))).every(Number.isFinite),
  };
}

/** Every case × poison × program type × mode. `programsOf` tells which tfjs programs each run dispatched. */
export async function runAll(log, programsOf, quick = false) {
  const rows = [];
  let seed = 1;
  for (const programType of quick ? [-1] : programTypes) {
    tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', programType);
    for (const c of cases)
      for (const poison of poisons)
        for (const mode of ['raw', 'safe']) {
          const before = programsOf.start();
          const result = await runOne(c, poison, mode, seed++);
          const programs = programsOf.since(before);
          const row = { case: c.id.trim(), shapes: { P: c.P, a: c.a, b: c.b, tA: !!c.tA, tB: !!c.tB, fused: c.fused ?? null, poison: c.poison }, programType, poison, mode, programs, ...result };
          rows.push(row);
          log(row);
        }
  }
  tf.env().set('WEBGPU_MATMUL_PROGRAM_TYPE', -1);
  return rows;
}
