/**
 * Build time: turn a recorded run into the static result of one widget in one language. A fresh view gets the
 * recorded engine events (and re-runs its plain-TS simulations, which are instant), draws once, and its plots
 * are kept as static SVG: the controls that need a script (table toggle, downloads, keyboard hints) are dropped.
 * Colours are CSS variables, so one SVG serves the light and the dark theme.
 */
import type { Family } from '../shell/family';
import type { AnyState } from '../shell/params';
import { describeTask } from '../shell/task';
import type { WidgetStrings } from '../shell/text';
import { headlessContext, type RecordedEvent } from './record';

export interface StaticResult {
  /** The plots as static HTML (figures with inline SVG). */
  plots: string;
  /** The readout under the plots (final losses, learned w and b…), as text. */
  readout: string;
  /** The one-line task (data; network; optimizer; loss), or null for widgets that do not train on the engine. */
  task: string | null;
  /** What the live widget exposes as data-* attributes at the end of the same run. */
  exposed: Record<string, string>;
}

/** Selectors of plot parts that only work with a script. */
const INTERACTIVE_ONLY = ['.dp-plot__toolbar', '.dp-plot__hint', '.dp-plot__live', '.dp-plot__table', '.dp-plot__readout:empty', 'canvas'];

/** Geometry to a tenth of a pixel (the SVG's user units are pixels): a third of the markup, the same picture. */
export function compactNumbers(markup: string): string {
  return markup.replace(/\s(d|points|transform|x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"]*)"/g, (_match, name: string, value: string) =>
    ` ${name}="${value.replace(/(\d\.\d)\d+/g, '$1')}"`);
}

export function renderStatic(family: Family, state: AnyState, events: RecordedEvent[], strings: WidgetStrings, locale: string): StaticResult {
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
    return { plots: compactNumbers(area.innerHTML), readout: context.readout.textContent ?? '', task: describeTask(plan, strings, locale), exposed };
  } finally {
    view.destroy();
  }
}
