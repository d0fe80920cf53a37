/** The translated name of a curve key (`sgd`, `he_normal`, `fit`, …): series names first, then option names,
 * then the engine's initializer and optimizer names. */
import type { WidgetStrings } from '../shell/text';

export function seriesName(strings: WidgetStrings, key: string): string {
  for (const table of [strings.series, strings.options, strings.initializers, strings.optimizers]) {
    const name: unknown = Object.hasOwn(table, key) ? (table as Record<string, unknown>)[key] : undefined;
    if (typeof name === 'string') return name;
  }
  return key;
}
