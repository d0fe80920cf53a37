/**
 * The server-rendered result of a preset (`.dp-result`, see WidgetFrame.astro) inside a mounted widget: it stays
 * in place of the live plots while the state is the preset's and nothing ran, and gives way to them for good
 * once the reader runs, steps or changes what trains.
 */
import { presetState, type WidgetDefinition } from './definition';
import type { AnyState } from './params';
import { encodeState } from './permalink';

/** Whether `state` trains what the preset trains (speed and backend change how, not what): its result still holds. */
export function isPresetRun(definition: WidgetDefinition, presetName: string, state: AnyState): boolean {
  const preset = presetState(definition, presetName);
  return encodeState(definition, { ...preset, ...state, speed: preset.speed ?? 'normal', backend: preset.backend ?? 'auto' }) === encodeState(definition, preset);
}

export class PrerenderedResult {
  private result: HTMLElement | null;

  constructor(root: HTMLElement, private readonly live: HTMLElement[]) {
    this.result = root.querySelector<HTMLElement>('.dp-result');
  }

  /** The element to keep in the widget (null when there is none, or it gave way). */
  get element(): HTMLElement | null {
    return this.result;
  }

  /** Show the result instead of the (empty) live plots. */
  keep(): void {
    if (this.result) this.live.forEach((element) => (element.hidden = true));
    else this.showLive();
  }

  showLive(): void {
    this.result?.remove();
    this.result = null;
    this.live.forEach((element) => (element.hidden = false));
  }
}
