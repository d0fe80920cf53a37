/** Reads the serialized props of a `<dp-widget>` and mounts the shell on its island element. */
import type { ShellFamily } from './family';
import { keepingViewStill } from './keep-view';
import { readStrings } from './strings-block';
import { Widget } from './widget';

export function mountWidget(island: HTMLElement, host: HTMLElement, family: ShellFamily, playAfter: boolean): Widget {
  const hadFocus = island.contains(document.activeElement);
  const strings = readStrings(host.dataset.lang ?? '');
  const widget = keepingViewStill(host, () => new Widget(island, family, {
    id: host.dataset.id ?? family.definition.family,
    preset: host.dataset.preset ?? '',
    strings,
    locale: host.dataset.locale ?? 'en',
    choosePreset: host.dataset.choosePreset === 'true',
  }, host));
  // The run starts after the mount: when the reader pressed play early, or the page's link ends in `&run`.
  if (widget.takeRunFlag() || playAfter) widget.start();
  // The placeholder's button was replaced: keep keyboard users where they were.
  if (hadFocus) island.querySelector<HTMLButtonElement>('[data-action="play"], button')?.focus();
  return widget;
}
