/**
 * The numbers a widget exposes on its `<dp-widget>` as data-* attributes, for exercises, reports and tests:
 * the family view's results (`expose`) and the shell's progress (step, loss, the first losses of run 0).
 * Cleared on restart, so none goes stale.
 */
import type { ProgressEvent } from '@engine/types';

const HISTORY_LENGTH = 40;

export class HostData {
  /** Names of the data-* attributes the family view exposed for the current run. */
  private readonly exposed = new Set<string>();
  private lossHistory: number[] = [];

  constructor(private readonly host: HTMLElement) {}

  expose(name: string, value: unknown): void {
    this.exposed.add(name);
    this.host.setAttribute(`data-${name}`, String(value));
  }

  /** Whether the current run reported progress yet. */
  get hasProgress(): boolean {
    return this.lossHistory.length > 0;
  }

  progress(index: number, event: ProgressEvent, loss: number): void {
    if (index === 0 && this.lossHistory.length < HISTORY_LENGTH) {
      this.lossHistory.push(loss);
      this.host.dataset.lossHistory = JSON.stringify(this.lossHistory);
    }
    this.host.dataset.step = String(event.step);
    this.host.dataset.loss = String(loss);
  }

  clear(): void {
    this.lossHistory = [];
    for (const name of ['loss-history', 'step', 'loss', ...this.exposed]) this.host.removeAttribute(`data-${name}`);
    this.exposed.clear();
  }
}
