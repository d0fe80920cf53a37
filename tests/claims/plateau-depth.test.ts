/**
 * The plateau target (chapter 2, lessons "one neuron" and "deeper networks"): 1 × 32 vs 2 × 8 ReLU units, 97 parameters each. What the prose says,
 * checked over five seeds on the engine (Adam 0.03, 400 epochs, as readers run it).
 */
import { describe, expect, it } from 'vitest';
import { perSeed } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';


describe('the plateau target', () => {
  it('two-hidden-layers: at 97 parameters each, one layer of 32 usually ends below two of 8, and then several times', async () => {
    const runs = await perSeed('two-hidden-layers', CLAIM_SEEDS);
    // On the readers' CPU path (dense-wasm) 3/5 seeds (1, 3, 5); on seeds 2 and 4 the two narrow layers end lower.
    // These 400-epoch ReLU runs are chaotic: tfjs-cpu's float order gave 5/5, so the prose says "usually", not "always".
    expect(tally(runs.map((f) => f.oneLayer! < f.twoLayers!))).toMatch(/^[345]\//);
    const several = runs.map((f) => f.oneLayer! < f.twoLayers! / 3);
    expect(tally(several)).toMatch(/^[345]\//);
    expect(several[0]).toBe(true);
  });
});
