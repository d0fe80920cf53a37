import { describe, expect, it } from 'vitest';
import { DivergenceWatch } from '@widgets/shell/divergence';

describe('DivergenceWatch', () => {
  it('is all diverged only once every member of every run diverged', () => {
    const watch = new DivergenceWatch(2, false);
    watch.member(0, 0);
    expect(watch.all).toBe(false); // members not known yet (the engine sends `diverged` first)
    watch.progress(2);
    watch.member(0, 1);
    watch.member(1, 0);
    expect(watch.all).toBe(false);
    watch.member(1, 0); // the same member twice counts once
    expect(watch.all).toBe(false);
    watch.member(1, 1);
    expect(watch.all).toBe(true);
  });

  it('never, when divergence is how the experiment ends', () => {
    const watch = new DivergenceWatch(1, true);
    watch.progress(1);
    watch.member(0, 0);
    expect(watch.all).toBe(false);
  });
});
