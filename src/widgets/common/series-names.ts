/** The translated name of a curve key (`sgd`, `he_normal`, `fit`, …): series names first, then option names. */
import type { WidgetStrings } from '../shell/text';

export function seriesName(strings: WidgetStrings, key: string): string {
  return (strings.series as Record<string, string>)[key] ?? (strings.options as Record<string, string>)[key] ?? key;
}
