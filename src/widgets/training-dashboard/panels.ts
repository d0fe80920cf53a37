/**
 * The six views' frame: one panel each, side by side in the plot grid on a wide screen, one at a time on a phone,
 * picked in a row of radio buttons (a `radiogroup`: arrows move between views). The switching is CSS only
 * (widget.css, `.dp-dash__tabs`), so it works the same in the pre-rendered result, before any script runs; the
 * script only learns which view is shown, to draw nothing else on a phone.
 */
export const VIEW_KEYS = ['inputs', 'curves', 'weights', 'activations', 'gradients', 'filters'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export interface Panels {
  panel: Record<ViewKey, HTMLElement>;
  /** Whether a view is on screen now (every view on a wide screen; the chosen one on a phone). */
  shown(key: ViewKey): boolean;
  destroy(): void;
}

let instances = 0;

/** `names`: the views' titles; `label`: the group's accessible name; `onShow`: another view was chosen (draw it). */
export function createPanels(root: HTMLElement, names: Record<ViewKey, string>, label: string, onShow: (key: ViewKey) => void): Panels {
  // The live widget's group name differs from the pre-rendered copy's that stays in the page (radio names are global).
  const live = root.isConnected ? 'live' : 'static';
  const id = `dp-dash-${live}-${++instances}`;
  root.classList.add('dp-dash');
  const tabs = document.createElement('div');
  tabs.className = 'dp-dash__tabs dp-wide';
  tabs.setAttribute('role', 'radiogroup');
  tabs.setAttribute('aria-label', label);
  const panel = {} as Record<ViewKey, HTMLElement>;
  let active: ViewKey = 'inputs';
  const narrow = typeof matchMedia === 'function' ? matchMedia('(max-width: 40rem)') : null;

  VIEW_KEYS.forEach((key, index) => {
    const option = document.createElement('label');
    option.className = 'dp-dash__tab';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = id;
    input.value = key;
    if (key === active) input.setAttribute('checked', '');
    const text = document.createElement('span');
    text.textContent = `${index + 1}. ${names[key]}`;
    option.append(input, text);
    tabs.append(option);
    const section = document.createElement('section');
    section.className = 'dp-dash__panel';
    section.dataset.view = key;
    section.setAttribute('aria-labelledby', `${id}-heading-${key}`);
    const heading = document.createElement('h3');
    heading.id = `${id}-heading-${key}`;
    heading.className = 'dp-dash__heading';
    heading.textContent = `${index + 1}. ${names[key]}`;
    section.append(heading);
    panel[key] = section;
  });
  const chosen = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (!input.checked) return;
    active = input.value as ViewKey;
    onShow(active);
  };
  tabs.addEventListener('change', chosen);
  root.append(tabs, ...VIEW_KEYS.map((key) => panel[key]));
  // Crossing the breakpoint shows panels that were not drawn while hidden.
  const crossed = () => onShow(active);
  narrow?.addEventListener('change', crossed);

  return {
    panel,
    shown: (key) => !narrow?.matches || key === active,
    destroy() {
      narrow?.removeEventListener('change', crossed);
      tabs.removeEventListener('change', chosen);
      tabs.remove();
      VIEW_KEYS.forEach((key) => panel[key].remove());
      root.classList.remove('dp-dash');
    },
  };
}
