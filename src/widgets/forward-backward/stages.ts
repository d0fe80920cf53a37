/** The stages of one training step, in order, and the quantities each one reveals (symbol + value). */
import type { Parameters, Pass } from './network';

export const stageKeys = [
  'input',
  'hidden',
  'output',
  'loss',
  'outputGradient',
  'outputWeights',
  'hiddenGradient',
  'hiddenWeights',
  'update',
] as const;
export type StageKey = (typeof stageKeys)[number];

export interface Quantity {
  symbol: string;
  value: number;
}

export function quantities(stage: StageKey, x: [number, number], y: number, g: Pass, next: Parameters): Quantity[] {
  switch (stage) {
    case 'input':
      return [{ symbol: 'x₁', value: x[0] }, { symbol: 'x₂', value: x[1] }, { symbol: 'y', value: y }];
    case 'hidden':
      return [{ symbol: 'z₁', value: g.z[0] }, { symbol: 'z₂', value: g.z[1] }, { symbol: 'h₁ = σ(z₁)', value: g.h[0] }, { symbol: 'h₂ = σ(z₂)', value: g.h[1] }];
    case 'output':
      return [{ symbol: 'ŷ', value: g.output }];
    case 'loss':
      return [{ symbol: 'L', value: g.loss }];
    case 'outputGradient':
      return [{ symbol: '∂L/∂ŷ', value: g.dOutput }];
    case 'outputWeights':
      return [{ symbol: '∂L/∂v₁', value: g.dv[0] }, { symbol: '∂L/∂v₂', value: g.dv[1] }, { symbol: '∂L/∂c', value: g.dc }];
    case 'hiddenGradient':
      return [{ symbol: '∂L/∂z₁', value: g.dz[0] }, { symbol: '∂L/∂z₂', value: g.dz[1] }];
    case 'hiddenWeights':
      return [
        { symbol: '∂L/∂w₁₁', value: g.dw[0][0] },
        { symbol: '∂L/∂w₁₂', value: g.dw[0][1] },
        { symbol: '∂L/∂w₂₁', value: g.dw[1][0] },
        { symbol: '∂L/∂w₂₂', value: g.dw[1][1] },
        { symbol: '∂L/∂b₁', value: g.db[0] },
        { symbol: '∂L/∂b₂', value: g.db[1] },
      ];
    case 'update':
      return [
        { symbol: 'v₁', value: next.v[0] },
        { symbol: 'v₂', value: next.v[1] },
        { symbol: 'c', value: next.c },
        { symbol: 'w₁₁', value: next.w[0][0] },
        { symbol: 'w₁₂', value: next.w[0][1] },
        { symbol: 'w₂₁', value: next.w[1][0] },
        { symbol: 'w₂₂', value: next.w[1][1] },
        { symbol: 'b₁', value: next.b[0] },
        { symbol: 'b₂', value: next.b[1] },
      ];
  }
}
