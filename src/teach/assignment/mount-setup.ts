/**
 * Puts an assigned widget setup on the page: the same markup WidgetFrame renders (caption + `<dp-widget>`),
 * its state written into the page hash under its id before it mounts, then its locked controls disabled and
 * its hidden ones removed from view once it is ready. The settings are checked again in the report.
 */
import { element } from '@widgets/shell/dom';
import { readHashEntries, writeHashEntry } from '@widgets/shell/permalink';
import type { WidgetStrings } from '@widgets/shell/text';
import type { Setup } from './model';

export function mountSetup(container: HTMLElement, id: string, setup: Setup, strings: WidgetStrings, locale: string): HTMLElement {
  if (!readHashEntries(location.hash).has(id)) history.replaceState(history.state, '', writeHashEntry(location.hash, id, setup.payload));
  const preset = /(?:^|,)preset:([a-z0-9-]+)/.exec(setup.payload)?.[1] ?? '';
  const family = strings.families[setup.family as keyof WidgetStrings['families']];
  const titleId = `${id}-title`;
  const figure = element('figure', { class: 'dp-widget', 'aria-labelledby': titleId, 'data-family': setup.family });
  const caption = element('figcaption', { class: 'dp-caption' });
  caption.append(
    element('span', { class: 'dp-title', id: titleId }, family?.title ?? setup.family),
    element('span', { class: 'dp-description' }, family?.description ?? ''),
    element('span', { class: 'dp-preset' }, (strings.presets as Record<string, string>)[preset] ?? preset),
  );
  const host = document.createElement('dp-widget');
  const attributes = {
    id, 'data-id': id, 'data-family': setup.family, 'data-preset': preset, 'data-locale': locale, 'data-choose-preset': 'false',
    'data-strings': JSON.stringify(strings), 'data-load-failed': strings.errors.loadFailed, 'data-retry': strings.controls.retry,
  };
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const island = element('div', { class: 'dp-island' });
  island.append(element('p', { class: 'dp-loading' }, strings.loading), element('button', { type: 'button', 'data-action': 'load-and-play' }, strings.controls.play));
  host.append(island);
  figure.append(caption, host);
  container.append(figure);
  const restrict = () => {
    for (const key of setup.locked) {
      const control = host.querySelector<HTMLInputElement | HTMLSelectElement>(`.dp-controls [name="${key}"]`);
      if (control) control.disabled = true;
    }
    for (const key of setup.hidden) {
      const wrapper = host.querySelector(`.dp-controls [name="${key}"]`)?.closest<HTMLElement>('.dp-control');
      if (!wrapper) continue;
      // The control's own CSS sets `display`, which would win over the `hidden` attribute.
      wrapper.hidden = true;
      wrapper.style.display = 'none';
    }
  };
  new MutationObserver((_, observer) => {
    if (host.dataset.ready !== 'true') return;
    restrict();
    observer.disconnect();
  }).observe(host, { attributes: true, attributeFilter: ['data-ready'] });
  return host;
}
