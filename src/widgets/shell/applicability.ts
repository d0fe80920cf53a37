/**
 * Which of a widget's controls apply in a state, declared once in the family's definition (`inapplicable`):
 * a control its preset does not use is hidden (the Lab switches presets in place); a control that does nothing
 * in the current state (the width of a network with no hidden layer, a setting the experiment itself compares)
 * stays visible but disabled, with the reason (`widgets.inapplicable.<reason>`) tied to it by aria-describedby.
 * Its value is kept: the plan ignores it, and it applies again once the state changes back.
 */
import type { AnyState, StateOf, StateTable } from './params';

/** Why a control does nothing in a state; keys of `widgets.inapplicable` in the language files. */
export const inapplicableReasons = ['noHiddenLayers', 'compared', 'listedRates'] as const;
export type InapplicableReason = (typeof inapplicableReasons)[number];

/** Control key → the reason it does not apply in `state`, or null where it does. */
export type InapplicableRules = Readonly<Record<string, (state: AnyState) => InapplicableReason | null>>;

/** The rules as a family declares them: keys of its table, each reading the family's typed state. defineWidget
 * turns them into `InapplicableRules` for the shell, through the same checked door as the view (typed-state.ts). */
export type TypedRules<Table extends StateTable> = { readonly [Key in keyof Table]?: (state: StateOf<Table>) => InapplicableReason | null };

/** What the definition's rules need of it (kept structural: definition.ts imports this module's types). */
interface Declares {
  controls: readonly string[];
  presetControls?: Readonly<Record<string, readonly string[]>>;
  inapplicable?: InapplicableRules;
}

export interface ControlStatus {
  /** False: the current preset does not use this control (hidden). */
  shown: boolean;
  /** Why the control is disabled in this state, or null when it applies. */
  reason: InapplicableReason | null;
}

export function controlStatus(definition: Declares, key: string, state: AnyState): ControlStatus {
  const narrowed = definition.presetControls?.[String(state.preset)];
  const shown = !definition.controls.includes(key) || narrowed === undefined || narrowed.includes(key);
  const rule = Object.hasOwn(definition.inapplicable ?? {}, key) ? definition.inapplicable?.[key] : undefined;
  return { shown, reason: rule?.(state) ?? null };
}

/** A rule for the common case: the control does nothing when `when(state)` holds. */
export const unless = <State>(reason: InapplicableReason, when: (state: State) => boolean) => (state: State): InapplicableReason | null =>
  when(state) ? reason : null;
