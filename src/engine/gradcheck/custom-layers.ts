/**
 * Custom layers with hand-written backward passes, some with a planted bug, for chapter 4's gradient-check
 * experiment (gap G5 of docs/project-lifecycle/outline.md). Plain float64 JavaScript, no tfjs: a layer maps a
 * [rows][units] input to a [rows][units] output, elementwise per unit, with one learnable value per unit for
 * each of its parameters.
 *
 *   swish               y = x·σ(βx)  (β learnable per unit), the correct backward:
 *                         ∂y/∂x = σ(βx) + βx·σ′(βx),  ∂y/∂β = x²·σ′(βx),  σ′ = σ(1 − σ)
 *   swish-sigma-prime   the same, σ′ written as σ(1 + σ): every element with x ≠ 0 of ∂x and every ∂β is wrong
 *   swish-missing-x     ∂y/∂β = x·σ′(βx) (one x short): every ∂β is wrong, ∂x is right
 *   log                 y = log σ(x) computed naively, ∂y/∂x = σ′/σ, with σ as a float32 network holds it: below
 *                         float32's smallest positive number (≈ 1.4e-45, x < ≈ −103.3) it is 0, so y = −∞, ∂x = 0/0
 *   log-eps             y = log(σ(x) + ε), ε = 1e-7, ∂y/∂x = σ′/(σ + ε): the source's fix, finite everywhere
 *
 * Each entry carries its fixed, non-random example (4×3: an asymmetric shape, so a swapped axis cannot hide):
 * entries in {−2, −0.5, 0, 0.5, 1.5, 3}, β = [0.5, 1, 2], and the upstream gradient dy = c of L = Σ y·c. The log
 * layers see the same matrix with one logit pushed to −120 (row 1, column 0), where σ underflows.
 */

export type Matrix = number[][];
export type ParamVectors = Record<string, number[]>;

export interface LayerGradients {
  dx: Matrix;
  dparams: ParamVectors;
}

export interface CustomLayerExample {
  x: Matrix;
  params: ParamVectors;
  dy: Matrix;
}

export interface CustomLayer {
  /** Learnable parameter vectors, one value per unit (column of x). */
  params: readonly string[];
  forward(x: Matrix, params: ParamVectors): Matrix;
  /** Hand-written gradients of L = Σ y·dy with respect to x and each parameter vector. */
  backward(x: Matrix, params: ParamVectors, dy: Matrix): LayerGradients;
  /** The planted bug, null for a correct layer. */
  bug: 'sigma-prime' | 'missing-x' | 'no-epsilon' | null;
  example: CustomLayerExample;
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

/** σ as float32 would hold it: values below float32's smallest positive subnormal round to 0 (and only those
 * are changed, so the float64 check stays exact everywhere else). */
function sigmoidFloat32Underflow(v: number): number {
  const s = sigmoid(v);
  return Math.fround(s) === 0 ? 0 : s;
}

const map = (x: Matrix, f: (v: number, i: number, j: number) => number): Matrix => x.map((row, i) => row.map((v, j) => f(v, i, j)));

/** Per unit j: Σ_i f(i, j). */
const columnSums = (x: Matrix, f: (i: number, j: number) => number): number[] => (x[0] ?? []).map((_, j) => x.reduce((sum, _row, i) => sum + f(i, j), 0));

/** Swish with a learnable slope; `sigmaPrime` and `dbetaFactor` are where the bugs are planted. */
function swish(bug: CustomLayer['bug'], sigmaPrime: (s: number) => number, xPower: 1 | 2): CustomLayer {
  return {
    params: ['beta'],
    bug,
    forward: (x, { beta }) => map(x, (v, _i, j) => v * sigmoid(beta![j]! * v)),
    backward: (x, { beta }, dy) => {
      const s = map(x, (v, _i, j) => sigmoid(beta![j]! * v));
      const ds = map(s, (v) => sigmaPrime(v));
      return {
        dx: map(x, (v, i, j) => dy[i]![j]! * (s[i]![j]! + beta![j]! * v * ds[i]![j]!)),
        dparams: { beta: columnSums(x, (i, j) => dy[i]![j]! * x[i]![j]! ** xPower * ds[i]![j]!) },
      };
    },
    example: SWISH_EXAMPLE,
  };
}

/** log σ(x) (+ ε), σ underflowing as in float32; backward σ′/(σ + ε) as a naive implementation writes it. */
function logSigmoid(epsilon: number): CustomLayer {
  return {
    params: [],
    bug: epsilon === 0 ? 'no-epsilon' : null,
    forward: (x) => map(x, (v) => Math.log(sigmoidFloat32Underflow(v) + epsilon)),
    backward: (x, _params, dy) => ({
      dx: map(x, (v, i, j) => {
        const s = sigmoidFloat32Underflow(v);
        return (dy[i]![j]! * (s * (1 - s))) / (s + epsilon);
      }),
      dparams: {},
    }),
    example: LOG_EXAMPLE,
  };
}

/** The fixed 4×3 input of the experiment. */
export const EXAMPLE_X: Matrix = [
  [1.5, -0.5, 3],
  [-2, 0, 0.5],
  [0.5, 3, -2],
  [0, -0.5, 1.5],
];
/** The upstream gradient: L = Σ y·c. */
export const EXAMPLE_DY: Matrix = [
  [1, -2, 0.5],
  [3, 1, -1],
  [-0.5, 2, 1],
  [1, 1.5, -3],
];
const SWISH_EXAMPLE: CustomLayerExample = { x: EXAMPLE_X, params: { beta: [0.5, 1, 2] }, dy: EXAMPLE_DY };
/** The logit that underflows: σ(−120) ≈ 7.7e-53 is 0 in float32. */
export const LOG_UNDERFLOW_AT = [1, 0] as const;
const LOG_EXAMPLE: CustomLayerExample = { x: map(EXAMPLE_X, (v, i, j) => (i === LOG_UNDERFLOW_AT[0] && j === LOG_UNDERFLOW_AT[1] ? -120 : v)), params: {}, dy: EXAMPLE_DY };

export const LOG_EPSILON = 1e-7;

export const CUSTOM_LAYER_KEYS = ['swish', 'swish-sigma-prime', 'swish-missing-x', 'log', 'log-eps'] as const;
export type CustomLayerKey = (typeof CUSTOM_LAYER_KEYS)[number];

export const CUSTOM_LAYERS: Record<CustomLayerKey, CustomLayer> = {
  swish: swish(null, (s) => s * (1 - s), 2),
  'swish-sigma-prime': swish('sigma-prime', (s) => s * (1 + s), 2),
  'swish-missing-x': swish('missing-x', (s) => s * (1 - s), 1),
  log: logSigmoid(0),
  'log-eps': logSigmoid(LOG_EPSILON),
};
