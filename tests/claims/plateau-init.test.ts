/**
 * The plateau target (chapter 2, lessons "one neuron" and "deeper networks"): three initializers of 8 tanh units. What the prose says,
 * checked over five seeds on the engine (Adam 0.03, 400 epochs, as readers run it).
 */
import { describe, expect, it } from 'vitest';
import { perSeed } from './presets';
import { CLAIM_SEEDS, tally } from './run-plan';


describe('the plateau target', () => {
  it('tanh-initializers: zeros stays stuck far above both random initializers; he_normal beats glorot_normal, usually more than three times', async () => {
    const runs = await perSeed('tanh-initializers', CLAIM_SEEDS);
    expect(tally(runs.map((f) => Math.max(f.glorot_normal!, f.he_normal!) < f.zeros! / 20))).toBe('5/5');
    // Zeros predicts the mean: its loss is the target's variance (about 0.5), where it started.
    expect(tally(runs.map((f) => f.zeros! > 0.3))).toBe('5/5');
    expect(tally(runs.map((f) => f.he_normal! < f.glorot_normal!))).toBe('5/5');
    // "usually more than three times lower": glorot/he was 3.8, 3.3, 5.0, 4.3 and 1.8 on seeds 1–5.
    const threeTimes = runs.map((f) => f.glorot_normal! > 3 * f.he_normal!);
    expect(tally(threeTimes)).toMatch(/^[45]\//);
    expect(threeTimes[0]).toBe(true);
  });
});
