/**
 * The contract between the shell and a widget family's island code. The shell owns state, controls, runs,
 * permalinks and errors; a family turns a state into runs and turns events into plots and readouts.
 * A family is typed by its own state table: its view's `plan` and `reset` take `StateOf<Table>`. The shell
 * holds every family in the erased form (`ShellFamily`), made by `shellFamily` in the one list (registry.ts):
 * the single place where the shell's state becomes a family's (typed-state.ts checks it on the way).
 */
import type { EngineEvent } from '@engine/types';
import type { FamilyName, WidgetDefinition } from './definition';
import type { StateOf, StateTable, StateValue } from './params';
import type { RunPlan } from './run';
import type { NumberFormatter, WidgetStrings } from './text';
import { stateOf } from './typed-state';

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
  /** In a page: an area under the readout that stays live while the pre-rendered result is shown (a family's own
   * buttons and forms, which the pre-render leaves out). */
  actions?: HTMLElement;
  /** In a page: the reader changed a setting through the family's own button (as through its control), and
   * with `play` the new runs start. */
  change?(key: string, value: StateValue, play: boolean): void;
}

/**
 * `plan` and `reset` are function properties, not methods: TypeScript then checks their parameter strictly, so a
 * family's view cannot pass for a view of another table (nor of the erased one) without `shellFamily`.
 */
export interface FamilyView<Table extends StateTable = StateTable> {
  /** The runs for a state (called on every reset). */
  plan: (state: StateOf<Table>) => RunPlan;
  /** Clear plots and readouts for a fresh run of `state`. */
  reset: (state: StateOf<Table>) => void;
  onEvent(runIndex: number, event: EngineEvent): void;
  /** Redraw; the shell calls it at most once per frame (less under reduced motion) after events. */
  render(): void;
  destroy(): void;
}

export interface Family<Table extends StateTable = StateTable, Name extends string = string> {
  definition: WidgetDefinition<Table, Name>;
  createView(context: ViewContext): FamilyView<Table>;
  /**
   * Data a view draws that comes neither from the engine's events nor from its own code, loaded asynchronously
   * (DebugLab: view 1's statistics of the faulty dataset). A view asks for it on reset and draws it when it comes;
   * the pre-render awaits this before it draws a result, so the static result holds it too.
   */
  viewData?: (state: StateOf<Table>) => Promise<void>;
}

/** A family as the shell holds it: any family, its state erased to `AnyState`. */
export type ShellFamily = Family<StateTable, FamilyName>;

/** A family's island: its definition and its view, typed by the definition's table. */
export function defineFamily<Table extends StateTable, Name extends string>(
  definition: WidgetDefinition<Table, Name>,
  createView: (context: ViewContext) => FamilyView<Table>,
  viewData?: (state: StateOf<Table>) => Promise<void>,
): Family<Table, Name> {
  return viewData ? { definition, createView, viewData } : { definition, createView };
}

/** The shell's side of a family: each state it hands the view is checked against the family's table on the way. */
export function shellFamily<Table extends StateTable, Name extends string>(family: Family<Table, Name>): Family<StateTable, Name> {
  const { definition, viewData } = family;
  return {
    definition,
    ...(viewData ? { viewData: (state: StateOf<StateTable>) => viewData(stateOf(definition.table, state)) } : {}),
    createView(context) {
      const view = family.createView(context);
      return {
        plan: (state) => view.plan(stateOf(definition.table, state)),
        reset: (state) => view.reset(stateOf(definition.table, state)),
        onEvent: (runIndex, event) => view.onEvent(runIndex, event),
        render: () => view.render(),
        destroy: () => view.destroy(),
      };
    },
  };
}
