/** Turns a `dp-run-end` event from a `<dp-widget>` into a RunOutcome (state decoded with the family's table). */
import { allDefinitions } from '@widgets/definitions';
import { decodeState, linkScope } from '@widgets/shell/permalink';
import type { RunOutcome } from './outcome';

export interface RunEndDetail {
  id: string;
  family: string;
  state: string;
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
  const definition = allDefinitions.find((candidate) => candidate.family === detail.family);
  if (!definition) return null;
  // Any preset of the family and every control: the state was written by the widget itself.
  const decoded = decodeState(definition, detail.state, linkScope(definition, '', true));
  if (!decoded.ok) return null;
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(host.dataset)) if (value !== undefined) data[key] = value;
  return { id: detail.id, family: detail.family, payload: detail.state, state: decoded.state, outcome: detail.outcome, reason: detail.reason, data };
}
