/**
 * Turns a `dp-run-end` event from a `<dp-widget>` into a RunOutcome. The widget sends the state it ran, checked
 * against its own definition; reading it here keeps every widget definition out of the page's first script.
 */
import type { AnyState } from '@widgets/shell/params';
import type { RunOutcome } from './outcome';

export interface RunEndDetail {
  id: string;
  family: string;
  state: string;
  /** The state the payload encodes, as the widget ran it. */
  decoded: AnyState;
  outcome: 'done' | 'failed';
  reason?: string;
}

/**
 * The `data-*` attributes that carry results (not the shell's UI state); what reports record and replay compares.
 * `w` and `b` (one neuron) are left out: they come from a checkpoint that may land after the run ends.
 */
export const resultAttributes = [
  'finalLosses', 'insideSlope', 'outsideSlope', 'gradientRatio', 'suggestedLr', 'decomposition',
  'finalLoss', 'initialLosses', 'bestGrid', 'bestRandom', 'step',
  'finalAccuracies', 'earlyAccuracies', 'startAccuracy', 'meanDifference', 'seedSpread', 'maxUnitNorms',
] as const;

export function resultNumbers(data: Record<string, string | undefined>): Record<string, string> {
  const numbers: Record<string, string> = {};
  for (const key of resultAttributes) {
    const value = data[key];
    if (value !== undefined) numbers[key] = value;
  }
  return numbers;
}

export function outcomeOf(detail: RunEndDetail, host: HTMLElement): RunOutcome | null {
  if (typeof detail.family !== 'string' || typeof detail.state !== 'string' || !detail.decoded || typeof detail.decoded !== 'object') return null;
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(host.dataset)) if (value !== undefined) data[key] = value;
  return { id: detail.id, family: detail.family, payload: detail.state, state: detail.decoded, outcome: detail.outcome, reason: detail.reason, data };
}
