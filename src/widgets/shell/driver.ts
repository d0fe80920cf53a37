/**
 * Drives the runs of one plan. Two ways to advance, chosen by the speed setting:
 * - `fast`: the runs train freely in their workers (start/resume) and report every `stepsPerEvent` steps;
 * - `normal` / `slow`: the shell asks for `stepsPerEvent` steps at a time and waits for the progress event
 *   before asking again (one chunk per frame, or every 300 ms), so the reader can follow.
 * Progress events always fall on multiples of `stepsPerEvent`, so every speed yields the same numbers.
 */
import type { EngineEvent } from '@engine/types';
import type { Speed } from './definition';
import type { Emit, RunHandle, RunPlan } from './run';

export interface DriverCallbacks {
  onEvent(runIndex: number, event: EngineEvent): void;
  /** Every run finished (or failed). */
  onFinished(): void;
}

type RunStatus = 'idle' | 'active' | 'done';

const CHUNK_DELAY: Record<Speed, number> = { fast: 0, normal: 16, slow: 300 };

export class Driver {
  private readonly handles: RunHandle[] = [];
  private readonly status: RunStatus[];
  private readonly started: boolean[];
  private readonly waiting: boolean[];
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private current = 0;
  playing = false;
  private destroyed = false;

  constructor(
    private readonly plan: RunPlan,
    private speed: Speed,
    createHandle: (index: number, emit: Emit) => RunHandle,
    private readonly callbacks: DriverCallbacks,
    /** `chunkDelay`: milliseconds between stepped chunks instead of the speed's (the build-time pre-render uses 0). */
    private readonly options: { chunkDelay?: number } = {},
  ) {
    this.status = plan.runs.map(() => 'idle');
    this.started = plan.runs.map(() => false);
    this.waiting = plan.runs.map(() => false);
    plan.runs.forEach((_, index) => this.handles.push(createHandle(index, (event) => this.receive(index, event))));
  }

  /** Free running only at "fast"; slower speeds step in chunks. */
  private freeRunning(): boolean {
    return this.speed === 'fast';
  }

  private active(): number[] {
    if (this.plan.sequential) return this.current < this.handles.length ? [this.current] : [];
    return this.handles.map((_, index) => index).filter((index) => this.status[index] !== 'done');
  }

  private receive(index: number, event: EngineEvent): void {
    if (this.destroyed) return;
    this.callbacks.onEvent(index, event);
    if (event.type === 'done' || (event.type === 'state' && event.state === 'done') || event.type === 'error') {
      this.finishRun(index);
      return;
    }
    if (event.type === 'progress' && this.waiting[index]) {
      this.waiting[index] = false;
      if (this.playing && !this.freeRunning()) this.schedule(index);
    }
  }

  private finishRun(index: number): void {
    if (this.status[index] === 'done') return;
    this.status[index] = 'done';
    this.waiting[index] = false;
    // A finished run of a sweep has nothing more to say: free its worker before the next one starts.
    if (this.plan.sequential) this.handles[index]?.cancel();
    if (this.plan.sequential && index === this.current) {
      this.current += 1;
      if (this.playing && this.current < this.handles.length) this.advance(this.current);
    }
    if (this.status.every((status) => status === 'done')) {
      this.playing = false;
      this.callbacks.onFinished();
    }
  }

  private schedule(index: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.playing && this.status[index] !== 'done') this.chunk(index);
    }, this.options.chunkDelay ?? CHUNK_DELAY[this.speed]);
    this.timers.add(timer);
  }

  private chunk(index: number): void {
    if (this.waiting[index]) return;
    this.waiting[index] = true;
    this.status[index] = 'active';
    this.handles[index]?.step(this.plan.stepsPerEvent);
  }

  private advance(index: number): void {
    const handle = this.handles[index];
    if (!handle) return;
    if (this.freeRunning()) {
      if (this.started[index]) handle.resume();
      else handle.start();
      this.started[index] = true;
      this.status[index] = 'active';
    } else {
      this.chunk(index);
    }
  }

  get finished(): boolean {
    return this.status.every((status) => status === 'done');
  }

  play(): void {
    if (this.playing || this.finished) return;
    this.playing = true;
    this.active().forEach((index) => this.advance(index));
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.clearTimers();
    if (this.freeRunning()) this.active().forEach((index) => this.handles[index]?.pause());
  }

  /** One chunk of steps on every active run, then stay paused. */
  stepOnce(): void {
    this.pause();
    this.active().forEach((index) => this.chunk(index));
  }

  /** Ask one run for its weights (arrives as a 'checkpoint' event). */
  save(index: number): void {
    this.handles[index]?.save?.();
  }

  setSpeed(speed: Speed): void {
    const wasPlaying = this.playing;
    this.pause();
    this.speed = speed;
    if (wasPlaying) this.play();
  }

  private clearTimers(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  destroy(): void {
    this.destroyed = true;
    this.playing = false;
    this.clearTimers();
    this.handles.forEach((handle) => handle.cancel());
  }
}
