/** Reads the serialized props of a `<dp-widget>` and mounts the shell on its island element. */
import type { WidgetStrings } from '@i18n/widgets-schema';
import type { Family } from './family';
import { Widget } from './widget';

export function mountWidget(island: HTMLElement, host: HTMLElement, family: Family, playAfter: boolean): Widget {
  const hadFocus = island.contains(document.activeElement);
  const strings = JSON.parse(host.dataset.strings ?? '{}') as WidgetStrings;
  const widget = new Widget(island, family, {
    id: host.dataset.id ?? family.definition.family,
    preset: host.dataset.preset ?? '',
    strings,
    locale: host.dataset.locale ?? 'en',
    choosePreset: host.dataset.choosePreset === 'true',
  }, host);
  if (playAfter) widget.start();
  // The placeholder's button was replaced: keep keyboard users where they were.
  if (hadFocus) island.querySelector<HTMLButtonElement>('[data-action="play"], button')?.focus();
  return widget;
}
