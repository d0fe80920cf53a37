/**
 * A 2-2-1 network small enough to follow by hand: hidden h = σ(W·x + b), output ŷ = v·h + c,
 * loss L = ½(ŷ − y)². Backward pass by the chain rule:
 *   ∂L/∂ŷ = ŷ − y
 *   ∂L/∂vᵢ = ∂L/∂ŷ · hᵢ,             ∂L/∂c = ∂L/∂ŷ
 *   ∂L/∂zᵢ = ∂L/∂ŷ · vᵢ · σ(zᵢ)(1 − σ(zᵢ))
 *   ∂L/∂wᵢⱼ = ∂L/∂zᵢ · xⱼ,           ∂L/∂bᵢ = ∂L/∂zᵢ
 */
import { seededRandom } from '../common/random';

export interface Parameters {
  /** w[i][j]: from input j to hidden unit i. */
  w: [[number, number], [number, number]];
  b: [number, number];
  v: [number, number];
  c: number;
}

export interface Pass {
  z: [number, number];
  h: [number, number];
  output: number;
  loss: number;
  dOutput: number;
  dv: [number, number];
  dc: number;
  dz: [number, number];
  dw: [[number, number], [number, number]];
  db: [number, number];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function pass(p: Parameters, x: [number, number], y: number): Pass {
  const z: [number, number] = [p.w[0][0] * x[0] + p.w[0][1] * x[1] + p.b[0], p.w[1][0] * x[0] + p.w[1][1] * x[1] + p.b[1]];
  const h: [number, number] = [sigmoid(z[0]), sigmoid(z[1])];
  const output = p.v[0] * h[0] + p.v[1] * h[1] + p.c;
  const loss = 0.5 * (output - y) ** 2;
  const dOutput = output - y;
  const dv: [number, number] = [dOutput * h[0], dOutput * h[1]];
  const dz: [number, number] = [dOutput * p.v[0] * h[0] * (1 - h[0]), dOutput * p.v[1] * h[1] * (1 - h[1])];
  const dw: [[number, number], [number, number]] = [
    [dz[0] * x[0], dz[0] * x[1]],
    [dz[1] * x[0], dz[1] * x[1]],
  ];
  return { z, h, output, loss, dOutput, dv, dc: dOutput, dz, dw, db: [dz[0], dz[1]] };
}

/** One gradient-descent step: every parameter moves against its own derivative. */
export function update(p: Parameters, g: Pass, learningRate: number): Parameters {
  return {
    w: [
      [p.w[0][0] - learningRate * g.dw[0][0], p.w[0][1] - learningRate * g.dw[0][1]],
      [p.w[1][0] - learningRate * g.dw[1][0], p.w[1][1] - learningRate * g.dw[1][1]],
    ],
    b: [p.b[0] - learningRate * g.db[0], p.b[1] - learningRate * g.db[1]],
    v: [p.v[0] - learningRate * g.dv[0], p.v[1] - learningRate * g.dv[1]],
    c: p.c - learningRate * g.dc,
  };
}

/** The starting weights of the worked example in the lesson "what-training-is" (all biases zero). */
export function exampleParameters(): Parameters {
  return { w: [[0.5, -0.3], [0.2, 0.8]], b: [0, 0], v: [0.4, -0.6], c: 0 };
}

/** Seeded starting weights in [-1, 1], so a permalink reproduces the same numbers. */
export function initialParameters(seed: number): Parameters {
  const random = seededRandom(seed);
  const next = () => random() * 2 - 1;
  return { w: [[next(), next()], [next(), next()]], b: [next(), next()], v: [next(), next()], c: next() };
}
