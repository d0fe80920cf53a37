/** Play/pause, step, reset and copy-link buttons: native buttons, so Enter and Space work everywhere. */
import { element } from './dom';
import { plural } from './task';
import type { WidgetStrings } from './text';

export interface ToolbarActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
  /** Back to the preset's own settings (Reset keeps the reader's). */
  defaults(): void;
  copyLink(): void;
}

export class Toolbar {
  readonly element = element('div', { class: 'dp-toolbar', role: 'group' });
  readonly play: HTMLButtonElement;
  readonly linkStatus = element('span', { class: 'dp-link-status', role: 'status' });
  private readonly stepButton: HTMLButtonElement;

  /** `stepping`: whether a step button is offered (a widget that only evaluates has no steps). */
  constructor(private readonly strings: WidgetStrings, trains: boolean, actions: ToolbarActions, stepping = true) {
    this.element.setAttribute('aria-label', strings.controls.toolbar);
    this.play = element('button', { type: 'button', class: 'dp-play', 'data-action': 'play' }, strings.controls.play);
    this.stepButton = element('button', { type: 'button', 'data-action': 'step' }, strings.controls.step);
    const reset = element('button', { type: 'button', 'data-action': 'reset' }, strings.controls.reset);
    const defaults = element('button', { type: 'button', 'data-action': 'defaults' }, strings.controls.defaults);
    const copy = element('button', { type: 'button', 'data-action': 'copy-link' }, strings.controls.copyLink);
    defaults.addEventListener('click', actions.defaults);
    this.play.addEventListener('click', actions.togglePlay);
    this.stepButton.addEventListener('click', actions.step);
    reset.addEventListener('click', actions.reset);
    copy.addEventListener('click', actions.copyLink);
    if (trains) this.element.append(this.play);
    if (trains && stepping) this.element.append(this.stepButton);
    this.element.append(reset, defaults, copy, this.linkStatus);
  }

  /**
   * The step button advances one progress event of the plan: `count` optimizer steps (a chunk; progress falls on
   * multiples of it, which keeps every speed on the same numbers). With more than one it says how many
   * ("+10 passos", «+10 шагов»), so the reader is never told "one step" for ten.
   */
  showStepSize(count: number, locale: string): void {
    this.stepButton.textContent = count > 1 ? plural(this.strings.controls.steps, count, locale) : this.strings.controls.step;
    this.stepButton.dataset.steps = String(count);
  }

  showPlaying(playing: boolean): void {
    this.play.textContent = playing ? this.strings.controls.pause : this.strings.controls.play;
    this.play.dataset.playing = String(playing);
  }

  setEnabled(enabled: boolean): void {
    this.play.disabled = !enabled;
    this.stepButton.disabled = !enabled;
  }

  /** After a run ended (or failed): the main button trains again from step 0; one step has nothing to add. */
  showEnded(): void {
    this.play.disabled = false;
    this.play.textContent = this.strings.controls.again;
    this.play.dataset.playing = 'false';
    this.stepButton.disabled = true;
  }
}
