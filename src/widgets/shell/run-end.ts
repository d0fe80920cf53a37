/**
 * Tells the page a run ended (exercises, progress, assignment reports): `dp-run-end` bubbles from the
 * `<dp-widget>` with the widget id, family, its permalink payload, the state it ran (already validated by the
 * widget, so page scripts need no widget definition to read it) and how it ended; numbers are in data-*.
 */
import type { WidgetDefinition } from './definition';
import type { AnyState } from './params';
import { encodeState } from './permalink';

export function announceRunEnd(host: HTMLElement, id: string, definition: WidgetDefinition, state: AnyState, outcome: 'done' | 'failed', reason?: string): void {
  const detail = { id, family: definition.family, state: encodeState(definition, state), decoded: structuredClone(state), outcome, reason };
  host.dispatchEvent(new CustomEvent('dp-run-end', { bubbles: true, detail }));
}
