/** Engine error codes → one localized sentence. Codes are stable strings; unknown ones get the generic text. */
import type { ErrorEvent } from '@engine/types';
import { fill, type WidgetStrings } from './text';

export function engineErrorText(strings: WidgetStrings, event: ErrorEvent): string {
  const code = event.code.toLowerCase();
  if (code.includes('device')) return strings.errors.deviceLost;
  if (code.includes('backend')) return strings.errors.backendUnavailable;
  if (code.includes('worker') || code.includes('load')) return strings.errors.workerFailed;
  if (code.includes('diverg')) return strings.errors.diverged;
  if (event.issues?.length || code.includes('invalid') || code.includes('range')) {
    return fill(strings.errors.invalidConfig, { field: event.field ?? event.issues?.[0]?.field ?? '' });
  }
  return strings.errors.generic;
}
