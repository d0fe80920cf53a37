import { z } from 'zod';

/** A strict object of non-empty strings with exactly these keys. */
export function texts<const Key extends string>(keys: readonly Key[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.string().min(1)])) as { [K in Key]: z.ZodString };
  return z.strictObject(shape);
}

/** A chart's labels: its title, the description screen readers get, and the axis titles. */
export const chart = texts(['title', 'description', 'x', 'y']);
