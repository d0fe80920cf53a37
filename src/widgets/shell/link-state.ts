/**
 * From URL to widget state, with the reader told why when a link is refused. Two inputs: the widget's entry in
 * the hash (its permalink and the flags after it) and `?backend=` on the page URL (overrides "auto" for every
 * widget on the page).
 * Pure functions of strings, so the property tests can throw anything at them.
 */
import { backendChoices, presetState, type BackendSetting, type WidgetDefinition } from './definition';
import type { AnyState } from './params';
import { checkFlags, decodeState, linkScope } from './permalink';
import { describeProblem, fill, type NumberFormatter, type WidgetStrings } from './text';
import { safeDisplay } from './validate';

export interface LinkResult {
  state: AnyState;
  /** Localized reasons the link was refused (the state is then the embedded preset's), or null. */
  notice: string | null;
  /** The link asks to start the run once the widget has mounted (`&run`); never true for a refused link. */
  run: boolean;
}

/** The state a permalink (its payload and the flags after it) selects, or the embedded preset's state and a
 * notice: never a mix of the two. A bad flag refuses the link like a bad parameter does. */
export function stateFromLink(
  definition: WidgetDefinition,
  widget: { preset: string; choosePreset: boolean },
  payload: string,
  strings: WidgetStrings,
  format: NumberFormatter,
  flags: readonly string[] = [],
): LinkResult {
  const decoded = decodeState(definition, payload, linkScope(definition, widget.preset, widget.choosePreset));
  const checked = checkFlags(flags);
  if (decoded.ok && checked.problems.length === 0) return { state: decoded.state, notice: decoded.stale ? strings.errors.permalinkOlder : null, run: checked.run };
  const problems = [...(decoded.ok ? [] : decoded.problems), ...checked.problems];
  const reasons = problems.map((problem) => describeProblem(strings, problem, format)).join(' ');
  return { state: presetState(definition, widget.preset), notice: fill(strings.errors.permalinkRejected, { reasons }), run: false };
}

export interface BackendOverride {
  /** The backend `?backend=` asks for, when it names one. */
  backend: BackendSetting | null;
  /** The refused value (safe characters only, for display), or null when there was nothing to refuse. */
  rejected: string | null;
}

export function readBackendOverride(search: string): BackendOverride {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null) return { backend: null, rejected: null };
  const known = (backendChoices as readonly string[]).includes(raw);
  return known ? { backend: raw as BackendSetting, rejected: null } : { backend: null, rejected: safeDisplay(raw) };
}

/** The localized notice for a refused `?backend=` value. */
export function backendNotice(strings: WidgetStrings, rejected: string): string {
  return fill(strings.errors.backendRejected, { value: rejected, allowed: backendChoices.join(', ') });
}
