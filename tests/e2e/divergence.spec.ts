/**
 * Divergence always speaks: a run whose every member diverges ends in the localized "diverged" message with a
 * retry button, never in a silent "done", even when the divergence lands on the very first progress report
 * (before the widget knows how many members it trains). Reset clears every number the widget exposed.
 */
import { test, expect } from './fixtures';
import { labUrl, lossHistory, waitForLosses, waitReady, widget, widgetStrings } from './widgets-helpers';

const cases = [
  { lang: 'zh', id: 'fit', payload: 'preset:relu-neurons,seed:1,backend:cpu,speed:fast,optimizer:sgd,lr:1,layers:3,width:64' },
  { lang: 'pt', id: 'grad', payload: 'preset:deep-relu-he,seed:1,backend:cpu,speed:fast,lr:1' },
  { lang: 'ru', id: 'grad', payload: 'preset:deep-relu-he,seed:1,backend:cpu,speed:normal,lr:1' },
] as const;

for (const { lang, id, payload } of cases) {
  test(`${lang} ${id}: divergence at the first report shows the diverged message and a retry (${payload})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(labUrl(lang, { [id]: payload }));
    const host = widget(page, id);
    await waitReady(host);
    await host.locator('[data-action="play"]').click();
    await expect(host).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
    const error = host.locator('.dp-error[data-kind="error"]');
    await expect(error).toBeVisible();
    await expect(error).toContainText(widgetStrings[lang].errors.diverged);
    await expect(host.locator('.dp-status-state')).toHaveText(widgetStrings[lang].status.failed);
    const retry = error.getByRole('button', { name: widgetStrings[lang].controls.retry });
    await expect(retry).toBeVisible();
    await retry.click();
    await expect(host).toHaveAttribute('data-state', 'idle');
    await expect(error).toBeHidden();
  });
}

test('Reset clears data-step, data-loss, data-loss-history and data-final-losses', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(labUrl('pt', { fit: 'preset:relu-neurons,seed:1,backend:cpu,speed:fast,epochs:200' }));
  const host = widget(page, 'fit');
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(host).toHaveAttribute('data-final-losses', /fit/);
  expect(await host.getAttribute('data-step')).not.toBeNull();
  await host.locator('[data-action="reset"]').click();
  await expect(host).toHaveAttribute('data-state', 'idle');
  for (const name of ['data-step', 'data-loss', 'data-loss-history', 'data-final-losses']) {
    expect(await host.getAttribute(name), name).toBeNull();
  }
  await host.locator('[data-action="play"]').click();
  await waitForLosses(host, 2);
  expect((await lossHistory(host)).length).toBeGreaterThan(0);
});
