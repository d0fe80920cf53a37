/**
 * URL inputs in a real page: a refused `?backend=` and a lesson link that asks for more than the widget shows
 * both get a localized notice inside the widget, which keeps its own preset and still trains.
 * (The parsers themselves are fuzzed in tests/unit/url-state.)
 */
import { test, expect } from './fixtures';
import { waitForLosses, waitReady, widget, widgetStrings } from './widgets-helpers';

const prefix = (template: string) => (template.split('{')[0] ?? '').trim();

test('an unknown ?backend= value is refused with a localized notice, and the widget still trains', async ({ page }) => {
  await page.goto('/ru/lab/?backend=quantum#fit=preset:relu-neurons,seed:1,speed:fast');
  const host = widget(page, 'fit');
  await waitReady(host);
  const notice = host.locator('.dp-error[data-kind="notice"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(prefix(widgetStrings.ru.errors.backendRejected));
  await expect(notice).toContainText('backend=quantum');
  await host.locator('[data-action="play"]').click();
  await waitForLosses(host, 3);
  await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
});

test('a lesson widget refuses a link to another preset or to a parameter it does not show', async ({ page }) => {
  const id = 'fit-one-neuron-line';
  await page.goto(`/pt/how-networks-learn/one-neuron/#${id}=preset:relu-neurons`);
  const host = widget(page, id);
  await waitReady(host);
  const notice = host.locator('.dp-error[data-kind="notice"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(prefix(widgetStrings.pt.problems.presetNotHere));
  await page.evaluate((entry) => (location.hash = entry), `${id}=preset:one-neuron-line,experiment:width-sweep`);
  await expect(notice).toContainText(prefix(widgetStrings.pt.problems.hiddenParam));
  await page.evaluate((entry) => (location.hash = entry), `${id}=preset:one-neuron-line,seed:7`);
  await expect(notice).toBeHidden();
  await expect(host.locator('input[name="seed"]')).toHaveValue('7');
});
