/**
 * The TrainingDashboard's six views as one reusable module (TrainingDashboard and DebugLab mount it).
 *
 *   const views = createDashboardViews(root, { strings, locale, epochs: 20 });
 *   views.setInputs(projectInputs());            // view 1's digits and input histograms (or inputsFromSummary(…))
 *   // in the family's onEvent:   views.update(event)      (keeps the numbers; draws nothing)
 *   // in the family's render():  views.render()           (the shell's render queue: at most once a frame)
 *   views.setReference(await loadHealthyReference());      // overlay on views 2, 4, 5; null removes it
 *   views.setReference(fixedRun, { label: '{name} (fixed)' });   // another run, named by a template of your strings
 *   views.reset({ epochs: 15 });                  // a new run: clears every view (keeps inputs and reference)
 *   views.record();                               // this run's numbers, in the reference's format
 *   views.destroy();
 *
 * `root` gets the tab list (phone) and the six panels (a grid on a wide screen) as children: pass the family's
 * plot area (`.dp-plots`, so the pre-render draws each panel at both widths) or an element of your own. Views:
 * (1) inputs: sample digits per split, input-value histograms, the last batch's loss and row hash;
 * (2) loss and accuracy, training and validation; (3) weight and bias histograms per layer with a scrubber over the
 * snapshots; (4) hidden pre-activation and activation histograms and the dead-unit ratio; (5) per-layer gradient
 * norms and update/weight ratios with the 10⁻³ band; (6) the 32 first-layer units' weights as images.
 * The events must carry the telemetry of `dashboardTelemetry` (plan.ts). `render()` draws only the views on screen
 * whose data changed; the tab list, the scrubber and `setReference` schedule their own redraw (one animation frame).
 */
import type { EngineEvent } from '@engine/types';
import type { WidgetStrings } from '../shell/text';
import type { DashboardInputs } from './inputs';
import { viewKit } from './kit';
import { createPanels, VIEW_KEYS, type ViewKey } from './panels';
import { DashboardRecorder, type DashboardRecord } from './record';
import { activationsView, curvesView, gradientsView, type CurveView } from './view-curves';
import { inputsView } from './view-inputs';
import { filtersView, parametersView } from './view-weights';

export type { DashboardInputs } from './inputs';
export { inputsFromSummary, projectInputs } from './inputs';
export type { DashboardPoint, DashboardRecord } from './record';
export { recordJson, reviveRecord } from './record';
export { loadHealthyReference } from './reference';
export { dashboardTelemetry, STREAMED_PARAMS } from './plan';

export interface DashboardViewsOptions {
  /** The page's widget strings (the `dashboard` block and the plots' shared labels). */
  strings: WidgetStrings;
  locale: string;
  /** The run's length: the curves' x axes span 0…epochs. */
  epochs: number;
  /** Bins of the parameter histograms (view 3); the engine's own histograms use the telemetry's. Default 30. */
  bins?: number;
  /** Which population member the views show. Default 0. */
  member?: number;
}

export interface DashboardViews {
  /** Keep a progress event's numbers (other events are ignored). Draws nothing: call `render()`. */
  update(event: EngineEvent): void;
  /** Draw what changed (the views on screen only). */
  render(): void;
  /** View 1's images and histograms; null clears them. */
  setInputs(inputs: DashboardInputs | null): void;
  /** Overlay another run (the healthy reference) on views 2, 4 and 5; null removes it. `options.label`: the template of
   * the overlay curves' names, `{name}` standing for the run's curve (default: the strings' «{name} (referência
   * saudável)»; DebugLab names its «fixed» run). */
  setReference(reference: DashboardRecord | null, options?: { label?: string }): void;
  /** A new run: clear every view (inputs and reference stay). */
  reset(options?: { epochs?: number; bins?: number }): void;
  /** This run's numbers so far, in the reference's format. */
  record(): DashboardRecord;
  destroy(): void;
}

type Drawn = Record<ViewKey, readonly unknown[]>;

export function createDashboardViews(root: HTMLElement, options: DashboardViewsOptions): DashboardViews {
  const kit = viewKit(options.strings, options.locale);
  const member = options.member ?? 0;
  let epochs = options.epochs;
  let inputs: DashboardInputs | null = null;
  let reference: DashboardRecord | null = null;
  let scrubs = 0;
  let frame: number | null = null;
  const recorder = new DashboardRecorder(options.bins ?? 30);
  const schedule = () => {
    if (typeof requestAnimationFrame !== 'function') return render();
    frame ??= requestAnimationFrame(() => {
      frame = null;
      render();
    });
  };
  const panels = createPanels(root, kit.t.views, kit.t.tabs, () => schedule());
  const { panel } = panels;
  const inputsPart = inputsView(panel.inputs, kit, () => schedule());
  const parameters = parametersView(panel.weights, kit, () => {
    scrubs++;
    schedule();
  });
  const filters = filtersView(panel.filters, kit);
  let curves: Record<'curves' | 'activations' | 'gradients', CurveView> = buildCurves();
  /** What each view last drew from (its inputs' identities and versions): a view redraws only when they change. */
  let drawn: Partial<Drawn> = {};

  function buildCurves() {
    return { curves: curvesView(panel.curves, kit, epochs), activations: activationsView(panel.activations, kit, epochs), gradients: gradientsView(panel.gradients, kit, epochs) };
  }

  function keys(): Drawn {
    const version = recorder.version;
    return {
      inputs: [version, inputs, inputsPart.layout],
      curves: [version, reference],
      // Views 3 and 6 change only with a parameter snapshot (about once an epoch), not with every event.
      weights: [recorder.parametersVersion, scrubs],
      activations: [version, reference],
      gradients: [version, reference],
      filters: [recorder.parametersVersion],
    };
  }

  function render(): void {
    const now = keys();
    const record = recorder.record();
    for (const key of VIEW_KEYS) {
      if (!panels.shown(key)) continue;
      const before = drawn[key];
      if (before && before.every((value, i) => value === now[key][i])) continue;
      drawn[key] = now[key];
      if (key === 'inputs') inputsPart.draw(record, inputs);
      else if (key === 'weights') parameters.draw(recorder);
      else if (key === 'filters') filters.draw(recorder);
      else curves[key].draw(record, reference);
    }
  }

  return {
    update(event) {
      if (event.type === 'progress') recorder.add(event, member);
    },
    render,
    setInputs(next) {
      inputs = next;
      schedule();
    },
    setReference(next, referenceOptions = {}) {
      reference = next;
      kit.reference = referenceOptions.label ?? kit.t.series.reference;
      // A new label with the same record must still redraw.
      drawn = {};
      schedule();
    },
    reset(next = {}) {
      recorder.clear(next.bins ?? options.bins ?? 30);
      if (next.epochs !== undefined && next.epochs !== epochs) {
        epochs = next.epochs;
        Object.values(curves).forEach((view) => view.destroy());
        panel.curves.querySelectorAll('.dp-dash__chart').forEach((node) => node.remove());
        panel.activations.querySelectorAll('.dp-dash__chart').forEach((node) => node.remove());
        panel.gradients.querySelectorAll('.dp-dash__chart').forEach((node) => node.remove());
        curves = buildCurves();
      }
      drawn = {};
      schedule();
    },
    record: () => recorder.record(),
    destroy() {
      if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      inputsPart.destroy();
      parameters.destroy();
      filters.destroy();
      Object.values(curves).forEach((view) => view.destroy());
      panels.destroy();
    },
  };
}
