/**
 * The six views' frame: one panel each, side by side in the plot grid on a wide screen, one at a time behind a
 * tab list on a phone (widget.css, `.dp-dash`). The tab list is `dp-live-only`: the pre-rendered result shows
 * every panel, stacked. Keyboard: ←/→, Home and End move between tabs (WAI-ARIA tabs pattern, automatic activation).
 */
export const VIEW_KEYS = ['inputs', 'curves', 'weights', 'activations', 'gradients', 'filters'] as const;
export type ViewKey = (typeof VIEW_KEYS)[number];

export interface Panels {
  panel: Record<ViewKey, HTMLElement>;
  /** Whether a view is on screen now (every view on a wide screen; the chosen tab on a phone). */
  shown(key: ViewKey): boolean;
  destroy(): void;
}

let instances = 0;

/** `names`: the views' titles; `label`: the tab list's accessible name; `onShow`: a tab was chosen (redraw it). */
export function createPanels(root: HTMLElement, names: Record<ViewKey, string>, label: string, onShow: (key: ViewKey) => void): Panels {
  const id = `dp-dash-${++instances}`;
  root.classList.add('dp-dash');
  const tabs = document.createElement('div');
  tabs.className = 'dp-dash__tabs dp-wide dp-live-only';
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', label);
  const buttons = {} as Record<ViewKey, HTMLButtonElement>;
  const panel = {} as Record<ViewKey, HTMLElement>;
  let active: ViewKey = 'inputs';
  const narrow = typeof matchMedia === 'function' ? matchMedia('(max-width: 40rem)') : null;

  VIEW_KEYS.forEach((key, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `${id}-tab-${key}`;
    button.setAttribute('role', 'tab');
    button.setAttribute('aria-controls', `${id}-${key}`);
    button.textContent = `${index + 1}. ${names[key]}`;
    button.addEventListener('click', () => select(key));
    buttons[key] = button;
    tabs.append(button);
    const section = document.createElement('section');
    section.id = `${id}-${key}`;
    section.className = 'dp-dash__panel';
    section.dataset.view = key;
    section.setAttribute('role', 'tabpanel');
    section.setAttribute('aria-labelledby', `${id}-heading-${key}`);
    const heading = document.createElement('h3');
    heading.id = `${id}-heading-${key}`;
    heading.className = 'dp-dash__heading';
    heading.textContent = `${index + 1}. ${names[key]}`;
    section.append(heading);
    panel[key] = section;
  });
  tabs.addEventListener('keydown', (event) => {
    const index = VIEW_KEYS.indexOf(active);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEW_KEYS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const key = VIEW_KEYS[(next + VIEW_KEYS.length) % VIEW_KEYS.length]!;
    select(key);
    buttons[key].focus();
  });
  root.append(tabs, ...VIEW_KEYS.map((key) => panel[key]));

  function select(key: ViewKey, notify = true): void {
    active = key;
    VIEW_KEYS.forEach((other) => {
      const on = other === key;
      buttons[other].setAttribute('aria-selected', String(on));
      buttons[other].tabIndex = on ? 0 : -1;
      panel[other].classList.toggle('is-active', on);
    });
    if (notify) onShow(key);
  }
  select(active, false);
  // Crossing the breakpoint shows panels that were not drawn while hidden.
  const crossed = () => onShow(active);
  narrow?.addEventListener('change', crossed);

  return {
    panel,
    shown: (key) => !narrow?.matches || key === active,
    destroy() {
      narrow?.removeEventListener('change', crossed);
      tabs.remove();
      VIEW_KEYS.forEach((key) => panel[key].remove());
      root.classList.remove('dp-dash');
    },
  };
}
