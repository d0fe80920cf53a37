/**
 * Run control: the Driver of the current plan and what the toolbar's buttons and the off-screen pause do with
 * it (play, pause, step, run again), with the run state they show (status line and the host's `data-state`).
 * Playing or stepping gives the pre-rendered result way to the live plots.
 */
import type { Driver } from './driver';
import type { PrerenderedResult } from './prerendered-result';
import type { RunState, StatusLine } from './status';
import type { Toolbar } from './toolbar';

export class RunControl {
  private driver: Driver | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly toolbar: Toolbar,
    private readonly status: StatusLine,
    private readonly prerendered: PrerenderedResult,
    /** The state a play shows first: 'loading' until the engine reported, else 'running'. */
    private readonly playState: () => RunState,
  ) {}

  /** The current plan's driver (null before the first plan, after a failure or once destroyed). */
  get current(): Driver | null {
    return this.driver;
  }

  get playing(): boolean {
    return this.driver?.playing ?? false;
  }

  /** Stops and drops the current driver; returns whether there was one. */
  stop(): boolean {
    const had = this.driver !== null;
    this.driver?.destroy();
    this.driver = null;
    return had;
  }

  /** The driver of a fresh plan, ready to play. */
  use(driver: Driver): void {
    this.driver = driver;
    this.setState('idle');
    this.toolbar.showPlaying(false);
    this.toolbar.setEnabled(true);
  }

  /** The play button: pause while playing; after the end (or a failure) `restart`, which runs again; else play. */
  toggle(restart: () => void): void {
    if (this.driver?.playing) this.pause('paused');
    else if (!this.driver || this.driver.finished) restart();
    else this.play();
  }

  play(): void {
    if (!this.driver || this.driver.finished) return;
    this.prerendered.showLive();
    this.driver.play();
    this.toolbar.showPlaying(true);
    this.setState(this.playState());
  }

  pause(reason: 'paused' | 'pausedOffscreen'): void {
    if (!this.driver?.playing) return;
    this.driver.pause();
    this.toolbar.showPlaying(false);
    this.setState(reason);
  }

  step(): void {
    if (!this.driver || this.driver.finished) return;
    this.prerendered.showLive();
    this.driver.stepOnce();
    this.toolbar.showPlaying(false);
    this.setState('paused');
  }

  /** Every run ended (or failed): the toolbar offers to run again. */
  ended(): void {
    this.toolbar.showPlaying(false);
    this.toolbar.showEnded();
  }

  /** Off screen or in a hidden tab it pauses; back in view it resumes what the off-screen pause stopped. */
  visibility(visible: boolean): void {
    if (!visible) this.pause('pausedOffscreen');
    else if (this.host.dataset.state === 'pausedOffscreen') this.play();
  }

  setState(state: RunState): void {
    this.host.dataset.state = state;
    this.status.setState(state);
  }
}
