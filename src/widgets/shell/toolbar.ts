/** Play/pause, step, reset and copy-link buttons: native buttons, so Enter and Space work everywhere. */
import { element } from './dom';
import type { WidgetStrings } from './text';

export interface ToolbarActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
  copyLink(): void;
}

export class Toolbar {
  readonly element = element('div', { class: 'dp-toolbar', role: 'group' });
  readonly play: HTMLButtonElement;
  readonly linkStatus = element('span', { class: 'dp-link-status', role: 'status' });
  private readonly stepButton: HTMLButtonElement;

  constructor(private readonly strings: WidgetStrings, trains: boolean, actions: ToolbarActions) {
    this.element.setAttribute('aria-label', strings.controls.toolbar);
    this.play = element('button', { type: 'button', class: 'dp-play', 'data-action': 'play' }, strings.controls.play);
    this.stepButton = element('button', { type: 'button', 'data-action': 'step' }, strings.controls.step);
    const reset = element('button', { type: 'button', 'data-action': 'reset' }, strings.controls.reset);
    const copy = element('button', { type: 'button', 'data-action': 'copy-link' }, strings.controls.copyLink);
    this.play.addEventListener('click', actions.togglePlay);
    this.stepButton.addEventListener('click', actions.step);
    reset.addEventListener('click', actions.reset);
    copy.addEventListener('click', actions.copyLink);
    if (trains) this.element.append(this.play, this.stepButton);
    this.element.append(reset, copy, this.linkStatus);
  }

  showPlaying(playing: boolean): void {
    this.play.textContent = playing ? this.strings.controls.pause : this.strings.controls.play;
    this.play.dataset.playing = String(playing);
  }

  setEnabled(enabled: boolean): void {
    this.play.disabled = !enabled;
    this.stepButton.disabled = !enabled;
  }
}
