/**
 * Build time: turn a recorded run into the static result of one widget in one language. A fresh view gets the
 * recorded engine events (and re-runs its plain-TS simulations, which are instant), draws once, and its plots
 * are kept as static SVG: the controls that need a script (table toggle, downloads, keyboard hints) are dropped.
 * Colours are CSS variables, so one SVG serves the light and the dark theme.
 */
import type { ShellFamily } from '../shell/family';
import type { AnyState } from '../shell/params';
import { describeTask } from '../shell/task';
import type { WidgetStrings } from '../shell/text';
import { headlessContext, type RecordedEvent } from './record';

export interface StaticResult {
  /**
   * The plots as static HTML (figures with inline SVG). A drawing scales to its column, so a plot whose drawing
   * follows the width is drawn twice, at the default 640 px and at NARROW_WIDTH, and widget.css shows the one
   * that fits its cell (`.dp-static`): the wide drawing's 11 px text would read at about 6 px on a 390 px phone.
   */
  plots: string;
  /** The readout under the plots (final losses, learned w and b…), as text. */
  readout: string;
  /** The one-line task (data; network; optimizer; loss), or null for widgets that do not train on the engine. */
  task: string | null;
  /** What the live widget exposes as data-* attributes at the end of the same run. */
  exposed: Record<string, string>;
}

/** Selectors of plot parts that only work with a script (`.dp-live-only`: any part a view marks so, e.g. a run button). */
const INTERACTIVE_ONLY = ['.dp-live-only', '.dp-plot__toolbar', '.dp-plot__hint', '.dp-plot__live', '.dp-plot__table', '.dp-plot__readout:empty', 'canvas'];

/** Geometry to a tenth of a pixel (the SVG's user units are pixels): a third of the markup, the same picture. */
export function compactNumbers(markup: string): string {
  return markup.replace(/\s(d|points|transform|x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"/g, (_match, name: string, value: string) =>
    ` ${name}="${value.replace(/(\d\.\d)\d+/g, '$1')}"`);
}

/** Logical width of the narrow drawing: at most a plot's cell on a 390 px phone (about 326 px in a lesson, 291 px
 * in an exercise) and in the two-column grid of a desktop page (about 354 px), so its 11 px text renders at 11 px
 * or more there; widget.css shows it in cells narrower than 560 px (the wide drawing's text would read below
 * 9.6 px there, the narrow one's at most 22 px). */
export const NARROW_WIDTH = 280;
/** The width the figures fall back to when nothing can be measured (plots/figure.ts). */
const DEFAULT_WIDTH = 640;

export function renderStatic(family: ShellFamily, state: AnyState, events: RecordedEvent[], strings: WidgetStrings, locale: string): StaticResult {
  const { children, ...rest } = drawStatic(family, state, events, strings, locale);
  const responsive = (markup: string) => markup.includes(`viewBox="0 0 ${DEFAULT_WIDTH} `);
  const narrow = children.some(responsive) ? withWidth(NARROW_WIDTH, () => drawStatic(family, state, events, strings, locale).children) : [];
  const cells = children.map((wide, index) => {
    const small = narrow[index];
    if (!responsive(wide) || small === undefined) return wide;
    const span = /^<[^>]*class="[^"]*\bdp-wide\b/.test(wide) ? ' dp-wide' : '';
    return `<div class="dp-static${span}"><div class="dp-static__wide">${wide}</div><div class="dp-static__narrow">${small}</div></div>`;
  });
  return { ...rest, plots: cells.join('') };
}

/** Runs `draw` with every element measuring `width` px wide (jsdom lays nothing out: clientWidth is 0). */
function withWidth<T>(width: number, draw: () => T): T {
  const prototype = HTMLElement.prototype;
  const own = Object.getOwnPropertyDescriptor(prototype, 'clientWidth');
  Object.defineProperty(prototype, 'clientWidth', { configurable: true, get: () => width });
  try {
    return draw();
  } finally {
    if (own) Object.defineProperty(prototype, 'clientWidth', own);
    else delete (prototype as { clientWidth?: number }).clientWidth;
  }
}

/** One drawing of the result: the plot area's children as static markup, and the rest of the result. */
function drawStatic(family: ShellFamily, state: AnyState, events: RecordedEvent[], strings: WidgetStrings, locale: string): Omit<StaticResult, 'plots'> & { children: string[] } {
  const exposed: Record<string, string> = {};
  const context = headlessContext(strings, locale, { expose: (name, value) => (exposed[name] = String(value)) });
  const view = family.createView(context);
  try {
    view.reset(state);
    const plan = view.plan(state);
    for (const [run, event] of events) view.onEvent(run, event);
    plan.runs.forEach((spec, run) => {
      if (spec.kind !== 'local') return;
      const handle = spec.create((event) => view.onEvent(run, event));
      handle.step(Number.MAX_SAFE_INTEGER);
    });
    view.render();
    const area = context.plotArea;
    area.querySelectorAll(INTERACTIVE_ONLY.join(',')).forEach((node) => node.remove());
    area.querySelectorAll('[hidden]').forEach((node) => node.remove());
    area.querySelectorAll('[tabindex]').forEach((node) => node.removeAttribute('tabindex'));
    area.querySelectorAll('.dp-plot__area').forEach((node) => ['role', 'aria-labelledby', 'aria-describedby'].forEach((name) => node.removeAttribute(name)));
    const children = [...area.children].map((child) => compactNumbers(child.outerHTML));
    return { children, readout: context.readout.textContent ?? '', task: describeTask(plan, strings, locale), exposed };
  } finally {
    view.destroy();
  }
}
