/**
 * The plateau target (chapter 2, lessons "one neuron" and "deeper networks"): 1 × 32 vs 2 × 8 ReLU units, 97 parameters each. What the prose says,
 * checked over five seeds on the engine (Adam 0.03, 400 epochs, as readers run it).
 */
import { describe, expect, it } from 'vitest';
import { perSeed } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';


describe('the plateau target', () => {
  it('two-hidden-layers: at 97 parameters each, one layer of 32 always ends below two of 8, usually several times', async () => {
    const runs = await perSeed('two-hidden-layers', CLAIM_SEEDS);
    expect(tally(runs.map((f) => f.oneLayer! < f.twoLayers!))).toBe('5/5');
    const several = runs.map((f) => f.oneLayer! < f.twoLayers! / 3);
    expect(tally(several)).toMatch(/^[45]\//);
    expect(several[0]).toBe(true);
  });
});
