import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '@engine/types';
import { Driver } from '@widgets/shell/driver';
import { localProgress } from '@widgets/common/local-progress';
import type { Emit, RunHandle } from '@widgets/shell/run';

/** A fake run that answers `step(n)` with one progress event and finishes after `total` steps. */
function fakeRun(total: number, emit: Emit, log: string[]): RunHandle {
  let done = 0;
  return {
    start: () => log.push('start'),
    pause: () => log.push('pause'),
    resume: () => log.push('resume'),
    cancel: () => log.push('cancel'),
    step: (count) => {
      done += count;
      emit(localProgress(done, done, [1 / done], 0.1));
      if (done >= total) emit({ type: 'done', step: done, epoch: done });
    },
  };
}

describe('Driver', () => {
  it('steps in chunks at normal speed and stops when paused', async () => {
    vi.useFakeTimers();
    const events: EngineEvent[] = [];
    const log: string[] = [];
    const driver = new Driver({ runs: [{ kind: 'local', create: () => { throw new Error('unused'); } }], stepsPerEvent: 5 }, 'normal',
      (_, emit) => fakeRun(100, emit, log), { onEvent: (_, event) => events.push(event), onFinished: () => log.push('finished') });
    driver.play();
    await vi.advanceTimersByTimeAsync(16 * 3);
    driver.pause();
    const steps = events.filter((event) => event.type === 'progress').map((event) => (event.type === 'progress' ? event.step : 0));
    expect(steps).toEqual(steps.map((_, index) => (index + 1) * 5));
    const count = steps.length;
    await vi.advanceTimersByTimeAsync(200);
    expect(events.filter((event) => event.type === 'progress')).toHaveLength(count);
    vi.useRealTimers();
  });

  it('one step press is one chunk of stepsPerEvent optimizer steps (the label says how many), then it stays paused', async () => {
    vi.useFakeTimers();
    const steps: number[] = [];
    const driver = new Driver({ runs: [{ kind: 'local', create: () => { throw new Error('unused'); } }], stepsPerEvent: 10 }, 'normal',
      (_, emit) => fakeRun(100, emit, []), { onEvent: (_, event) => { if (event.type === 'progress') steps.push(event.step); }, onFinished: () => {} });
    driver.stepOnce();
    driver.stepOnce();
    await vi.advanceTimersByTimeAsync(200);
    // On the chunk grid, like every other speed: a single optimizer step would put later events off it.
    expect(steps).toEqual([10, 20]);
    vi.useRealTimers();
  });

  it('runs a sequential plan one run after another and frees finished runs', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const seen: number[] = [];
    const spec = { kind: 'local' as const, create: () => { throw new Error('unused'); } };
    const driver = new Driver({ runs: [spec, spec], stepsPerEvent: 10, sequential: true }, 'normal',
      (index, emit) => fakeRun(20, emit, log), { onEvent: (index) => seen.push(index), onFinished: () => log.push('finished') });
    driver.play();
    await vi.advanceTimersByTimeAsync(500);
    expect(seen[0]).toBe(0);
    expect(seen.indexOf(1)).toBeGreaterThan(seen.lastIndexOf(0));
    expect(log.filter((entry) => entry === 'cancel')).toHaveLength(2);
    expect(log).toContain('finished');
    expect(driver.finished).toBe(true);
    vi.useRealTimers();
  });

  it('lets the runs train freely at fast speed', () => {
    const log: string[] = [];
    const spec = { kind: 'local' as const, create: () => { throw new Error('unused'); } };
    const driver = new Driver({ runs: [spec], stepsPerEvent: 10 }, 'fast', (_, emit) => fakeRun(100, emit, log), { onEvent: () => {}, onFinished: () => {} });
    driver.play();
    driver.pause();
    driver.play();
    expect(log).toEqual(['start', 'pause', 'resume']);
  });

  it('Step asks every run for one chunk, the count its button shows, and then plays on from the same multiples', async () => {
    vi.useFakeTimers();
    const asked: number[] = [];
    const steps: number[] = [];
    const spec = { kind: 'local' as const, create: () => { throw new Error('unused'); } };
    const driver = new Driver({ runs: [spec, spec], stepsPerEvent: 10 }, 'normal', (_, emit) => {
      const run = fakeRun(100, emit, []);
      return { ...run, step: (count) => { asked.push(count); run.step(count); } };
    }, { onEvent: (index, event) => { if (index === 0 && event.type === 'progress') steps.push(event.step); }, onFinished: () => undefined });
    driver.stepOnce();
    expect(asked).toEqual([10, 10]);
    expect(steps).toEqual([10]);
    driver.stepOnce();
    driver.play();
    await vi.advanceTimersByTimeAsync(16 * 3);
    driver.pause();
    expect(steps.slice(0, 4)).toEqual([10, 20, 30, 40]);
    expect(steps.every((step) => step % 10 === 0)).toBe(true);
    vi.useRealTimers();
  });
});
