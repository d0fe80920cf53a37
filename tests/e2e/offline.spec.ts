/**
 * Offline: after a reader opened one lesson, its chapter keeps working with the network off. The service worker
 * caches the chapter when the lesson is opened (<html data-offline="ready">); then the network goes off, the
 * lesson reloads, another lesson of the chapter opens and one of its experiments trains to the end on the wasm
 * backend (engine chunks, worker and tfjs wasm binaries all from the cache). Search works on the cached index.
 */
import { test, expect } from './fixtures';
import { waitReady, widget } from './widgets-helpers';

test.use({ serviceWorkers: 'allow' });

test('a visited chapter works offline: reload, another lesson, an experiment to the end, search', async ({ page, context, pageGuard }) => {
  test.setTimeout(180_000);
  // Requests that fail while offline (the probe below) are expected to say so in the console.
  pageGuard.allowedConsoleErrors.push(/Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await page.goto('/pt/how-networks-learn/one-neuron/');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 120_000 });

  await context.setOffline(true);
  // The network is really off for the service worker too: a page it never cached cannot load.
  const probe = await page.evaluate(() => fetch(`/pt/about/?probe=${Math.random()}`).then((response) => response.status, () => 'failed'));
  expect(probe).toBe('failed');

  await page.reload();
  await expect(page.locator('h1')).toBeVisible();
  const id = 'grad-deep-relu-he';
  await page.goto(`/pt/how-networks-learn/deeper-networks/#${id}=preset:deep-relu-he,seed:1,backend:wasm,speed:fast,epochs:20`);
  const host = widget(page, id);
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect(host).toHaveAttribute('data-backend', 'wasm');
  expect(Number(await host.getAttribute('data-loss'))).toBeGreaterThan(0);
  await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();

  await page.goto('/pt/search/?q=' + encodeURIComponent('gradiente'));
  await expect(page.locator('#search-results a').first()).toBeVisible();
});

test('a new deploy replaces the cache: the new worker deletes the caches of other versions when it activates', async ({ page }) => {
  await page.goto('/pt/how-networks-learn/one-neuron/');
  await expect(page.locator('html')).toHaveAttribute('data-offline', 'ready', { timeout: 120_000 });
  const names = await page.evaluate(async () => {
    await caches.open('deep-practice-0000000000000000');
    // A worker script at another URL is an update, as a changed sw.js is after a deploy: install, then activate.
    const registration = await navigator.serviceWorker.register('/sw.js?deploy=next', { scope: '/' });
    await new Promise<void>((resolve) => {
      const worker = registration.installing ?? registration.waiting;
      if (!worker) return resolve();
      worker.addEventListener('statechange', () => {
        if (worker.state === 'activated') resolve();
      });
    });
    return caches.keys();
  });
  expect(names).not.toContain('deep-practice-0000000000000000');
  expect(names.filter((name) => name.startsWith('deep-practice-'))).toHaveLength(1);
});
