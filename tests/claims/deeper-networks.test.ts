/**
 * Lessons "one neuron" (end) and "deeper networks" (chapter 2): the plateau target. What the prose says about
 * `plateaus-ceiling` (8 vs 32 ReLU units), `tanh-vs-relu`, `tanh-initializers` and `two-hidden-layers`
 * (1 × 32 vs 2 × 8, 97 parameters each), checked over five seeds. The presets share runs (ReLU × 8 appears in
 * two of them), and `trainRun` trains each distinct run once.
 */
import { describe, expect, it } from 'vitest';
import { fitFinals, type Finals } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';

async function perSeed(preset: string): Promise<Finals[]> {
  const out: Finals[] = [];
  for (const seed of CLAIM_SEEDS) out.push(await fitFinals(preset, seed));
  console.info(preset, JSON.stringify(out.map((finals) => Object.fromEntries(Object.entries(finals).map(([k, v]) => [k, Number(v.toPrecision(3))])))));
  return out;
}

describe('the plateau target', () => {
  it('plateaus-ceiling: the narrow layer stalls above the wide one', async () => {
    const runs = await perSeed('plateaus-ceiling');
    const wider = runs.map((f) => f['32']! < f['8']!);
    expect(tally(wider)).toMatch(/^[45]\//);
    expect(wider[0]).toBe(true);
  });

  it('tanh-vs-relu', async () => {
    const runs = await perSeed('tanh-vs-relu');
    expect(runs.length).toBe(5);
  });

  it('tanh-initializers: zeros stays stuck far above both random initializers', async () => {
    const runs = await perSeed('tanh-initializers');
    expect(tally(runs.map((f) => Math.max(f.glorot_normal!, f.he_normal!) < f.zeros! / 5))).toBe('5/5');
  });

  it('two-hidden-layers', async () => {
    const runs = await perSeed('two-hidden-layers');
    expect(runs.length).toBe(5);
  });
});
