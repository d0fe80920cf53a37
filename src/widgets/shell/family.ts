/**
 * The contract between the shell and a widget family's island code. The shell owns state, controls, runs,
 * permalinks and errors; a family turns a state into runs and turns events into plots and readouts.
 */
import type { EngineEvent } from '@engine/types';
import type { WidgetDefinition } from './definition';
import type { AnyState } from './params';
import type { RunPlan } from './run';
import type { NumberFormatter, WidgetStrings } from './text';

export interface ViewContext {
  /** Where the family puts its plots. */
  plotArea: HTMLElement;
  /** A text area under the plots for readouts (learned w and b, final losses…). */
  readout: HTMLElement;
  strings: WidgetStrings;
  locale: string;
  format: NumberFormatter;
  reducedMotion: boolean;
  /** Machine-readable results on the widget element as `data-<name>` (for tests and curious readers). */
  expose(name: string, value: string | number): void;
  /** Ask a run for its weights; they arrive as a 'checkpoint' event through `onEvent`. */
  requestCheckpoint(runIndex: number): void;
}

export interface FamilyView {
  /** The runs for a state (called on every reset). */
  plan(state: AnyState): RunPlan;
  /** Clear plots and readouts for a fresh run of `state`. */
  reset(state: AnyState): void;
  onEvent(runIndex: number, event: EngineEvent): void;
  /** Redraw; the shell calls it at most once per frame (less under reduced motion) after events. */
  render(): void;
  destroy(): void;
}

export interface Family {
  definition: WidgetDefinition;
  createView(context: ViewContext): FamilyView;
}
