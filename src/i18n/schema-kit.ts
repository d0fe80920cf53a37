import { z } from 'zod';

/** The building blocks of the widget strings' schemas (widgets-schema.ts, family-strings.ts). */

/** A strict object of non-empty strings with exactly these keys. */
export function texts<const Key extends string>(keys: readonly Key[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.string().min(1)])) as { [K in Key]: z.ZodString };
  return z.strictObject(shape);
}

/** Like `texts`, but an empty string is allowed (units with no visible suffix). */
export function maybeEmpty<const Key extends string>(keys: readonly Key[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.string()])) as { [K in Key]: z.ZodString };
  return z.strictObject(shape);
}

/** Plural forms (CLDR categories) of a text that shows a count; the locale's Intl.PluralRules picks one. */
export const widgetPluralSchema = z.strictObject({
  one: z.string().min(1).optional(),
  few: z.string().min(1).optional(),
  many: z.string().min(1).optional(),
  other: z.string().min(1),
});
export type WidgetPlural = z.infer<typeof widgetPluralSchema>;

/** A chart's title, description and axis labels. */
export const chart = texts(['title', 'description', 'x', 'y']);
