/** The status line (state, epoch, loss, steps/s) and the backend badge, both localized, both text only. */
import type { BackendEvent, BackendName, ProgressEvent } from '@engine/types';
import { isNamedComputePath } from '@engine/registry/compute-paths';
import { element } from './dom';
import { plural } from './task';
import { fill, type NumberFormatter, type WidgetStrings } from './text';

/** "374 шага/с": steps per second as shown (a whole number), with the plural form the locale picks for it. */
export function speedText(strings: WidgetStrings, value: number, locale: string): string {
  return plural(strings.status.speed, Number.isFinite(value) ? Math.round(value) : 0, locale);
}

export type RunState = 'idle' | 'loading' | 'running' | 'paused' | 'pausedOffscreen' | 'done' | 'failed';

export class StatusLine {
  readonly element = element('p', { class: 'dp-status' });
  private readonly stateText = element('span', { class: 'dp-status-state', role: 'status' });
  private readonly numbers = element('span', { class: 'dp-status-numbers' });
  /** The last progress of each run of the plan: the line compares them all, not only the one that spoke last. */
  private readonly lastByRun = new Map<number, ProgressEvent>();

  constructor(
    private readonly strings: WidgetStrings,
    private readonly format: NumberFormatter,
    private readonly locale: string,
    private readonly showEpoch: boolean,
    /** A concealed family (definition.ts): the line reports its first run only (the case, not the references
     * beside it) and no speed (a compute path that declines the hidden bug is slower). */
    private readonly concealed = false,
  ) {
    this.element.append(this.stateText, this.numbers);
  }

  setState(state: RunState): void {
    this.stateText.textContent = this.strings.status[state];
  }

  /**
   * Epochs as whole numbers (those completed) and the speed, from the run that just reported; the loss of the best
   * network over every member of every run that has reported (a plan comparing SGD and momentum, or several
   * widths, shows the best so far, said so with the count), never whichever run happened to report last.
   */
  progress(run: number, event: ProgressEvent): void {
    if (this.concealed && run !== 0) return;
    this.lastByRun.set(run, event);
    const template = this.concealed ? this.strings.status.lineConcealed : this.showEpoch ? this.strings.status.line : this.strings.status.lineSteps;
    const members = [...this.lastByRun.values()].flatMap((last) => last.members);
    const losses = members.filter((member) => !member.diverged && Number.isFinite(member.trainLoss)).map((member) => member.trainLoss);
    const best = losses.length > 0 ? Math.min(...losses) : Number.NaN;
    const loss = members.length > 1
      ? fill(this.strings.status.bestOf, { loss: this.format.short(best), count: this.format.integer(members.length) })
      : this.format.short(best);
    this.numbers.textContent = fill(template, {
      epoch: this.format.integer(Math.floor(event.epoch)),
      step: this.format.integer(event.step),
      loss,
      speed: speedText(this.strings, event.stepsPerSecond, this.locale),
    });
  }

  clear(): void {
    this.lastByRun.clear();
    this.numbers.textContent = '';
  }
}

export class BackendBadge {
  readonly element = element('span', { class: 'dp-badge', 'aria-live': 'polite' });
  private last: BackendEvent | null = null;

  constructor(
    private readonly strings: WidgetStrings,
    private readonly locale: string,
    /** A concealed family (definition.ts): the backend only, no compute path and no speed. */
    private readonly concealed = false,
  ) {}

  backend(event: BackendEvent): void {
    this.last = event;
    this.render(event.stepsPerSecond);
  }

  /** Refreshes the measured speed (from progress events) without changing the reason. */
  speed(name: BackendName, stepsPerSecond: number): void {
    if (!this.last || this.last.name !== name) return;
    this.render(stepsPerSecond);
  }

  plain(): void {
    this.element.textContent = this.strings.backendReasons.plain;
  }

  private render(stepsPerSecond: number): void {
    if (!this.last) return;
    if (this.concealed) {
      this.element.textContent = this.strings.backends[this.last.name];
      this.element.dataset.backend = this.last.name;
      return;
    }
    const unavailable = Object.keys(this.last.unavailable ?? {})
      .map((name) => this.strings.backends[name as BackendName] ?? name)
      .join(', ');
    // dense-wasm trains on the CPU backends without tfjs: the badge names the path, not the tfjs backend.
    const path = isNamedComputePath(this.last.path) ? this.strings.computePaths[this.last.path] : null;
    this.element.textContent = fill(this.strings.backendReasons[this.last.reason], {
      backend: path ?? this.strings.backends[this.last.name],
      speed: speedText(this.strings, stepsPerSecond, this.locale),
      unavailable,
    });
    this.element.dataset.backend = this.last.name;
    this.element.dataset.path = this.last.path ?? 'tfjs';
  }
}
