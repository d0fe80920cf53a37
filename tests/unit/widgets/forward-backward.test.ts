import { describe, expect, it } from 'vitest';
import { initialParameters, pass, update, type Parameters } from '@widgets/forward-backward/network';

/** Central finite difference of the loss with respect to one parameter, as a reference for the chain rule. */
function numeric(parameters: Parameters, x: [number, number], y: number, poke: (p: Parameters, delta: number) => Parameters): number {
  const h = 1e-6;
  return (pass(poke(parameters, h), x, y).loss - pass(poke(parameters, -h), x, y).loss) / (2 * h);
}

const clone = (p: Parameters): Parameters => JSON.parse(JSON.stringify(p)) as Parameters;

describe('forward/backward of the 2-2-1 network', () => {
  const parameters = initialParameters(7);
  const x: [number, number] = [0.5, -1];
  const y = 1;
  const g = pass(parameters, x, y);

  it('matches finite differences for every parameter', () => {
    const checks: [number, (p: Parameters, d: number) => Parameters][] = [
      [g.dv[0], (p, d) => { const q = clone(p); q.v[0] += d; return q; }],
      [g.dv[1], (p, d) => { const q = clone(p); q.v[1] += d; return q; }],
      [g.dc, (p, d) => { const q = clone(p); q.c += d; return q; }],
      [g.dw[0][0], (p, d) => { const q = clone(p); q.w[0][0] += d; return q; }],
      [g.dw[0][1], (p, d) => { const q = clone(p); q.w[0][1] += d; return q; }],
      [g.dw[1][0], (p, d) => { const q = clone(p); q.w[1][0] += d; return q; }],
      [g.dw[1][1], (p, d) => { const q = clone(p); q.w[1][1] += d; return q; }],
      [g.db[0], (p, d) => { const q = clone(p); q.b[0] += d; return q; }],
      [g.db[1], (p, d) => { const q = clone(p); q.b[1] += d; return q; }],
    ];
    for (const [analytic, poke] of checks) expect(analytic).toBeCloseTo(numeric(parameters, x, y, poke), 6);
  });

  it('lowers the loss with a small step and is reproducible from the seed', () => {
    expect(pass(update(parameters, g, 0.1), x, y).loss).toBeLessThan(g.loss);
    expect(initialParameters(7)).toEqual(parameters);
    expect(initialParameters(8)).not.toEqual(parameters);
  });
});

describe('the worked example of the lesson', () => {
  it('starts from the lesson weights: loss 0.6644, and 0.0056 after one step with η = 0.5', async () => {
    const { exampleParameters, pass, update } = await import('@widgets/forward-backward/network');
    const before = pass(exampleParameters(), [1, 0.5], 1);
    expect(before.output).toBeCloseTo(-0.1527, 4);
    expect(before.loss).toBeCloseTo(0.6644, 4);
    const after = pass(update(exampleParameters(), before, 0.5), [1, 0.5], 1);
    expect(after.loss).toBeCloseTo(0.0056, 4);
  });
});
