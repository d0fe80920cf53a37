import { z } from 'zod';

/**
 * UI strings of the widgets (controls, status line, errors, plot labels). Owned by the widget kit;
 * every language file's `widgets` section must match this shape exactly.
 */
export const widgetStringsSchema = z.strictObject({
  loading: z.string(),
});
