/**
 * URL inputs in a real page: a refused `?backend=` and a lesson link that asks for more than the widget shows
 * both get a localized notice inside the widget, which keeps its own preset and still trains. A permalink lands
 * on its widget, and `&run` starts it.
 * (The parsers themselves are fuzzed in tests/unit/url-state.)
 */
import type { Page } from '@playwright/test';
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

/** A widget far down a long lesson (10 widgets): the link must bring the reader there. */
const landingPage = '/pt/how-networks-learn/deeper-networks/';
const landingId = 'grad-deep-relu-he';

/** The widget's frame is inside the view, below the sticky header. */
async function frameInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((target) => {
    const frame = document.getElementById(target)?.closest('figure');
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const box = frame?.getBoundingClientRect();
    return box !== undefined && box.top >= header - 1 && box.top < innerHeight / 2;
  }, id);
}

test('a permalink lands on its widget: scrolled to, focused, outlined for a moment, loaded at once; &run starts it and leaves the URL', async ({ page }) => {
  const entry = `${landingId}=preset:deep-relu-he,seed:5`;
  await page.goto(`${landingPage}#${entry}&run`);
  const host = widget(page, landingId);
  const frame = page.locator('figure', { has: host });
  await expect(frame).toBeFocused();
  expect(await frameInView(page, landingId)).toBe(true);
  // Outlined while it loads ('true') and while the outline fades once it has loaded ('fading', when that was quick).
  const [landed, outline] = await frame.evaluate((element) => [element.dataset.landed, getComputedStyle(element).outlineStyle]);
  expect([landed, outline]).toEqual([expect.stringMatching(/^(true|fading)$/), 'solid']);
  // Loaded without any scrolling by the test, and started by the link.
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // Loaded: the outline fades (for a few seconds from the mount).
  expect(await frame.evaluate((element) => [element.dataset.landed, getComputedStyle(element).animationName])).toEqual(['fading', 'dp-landed']);
  await waitForLosses(host, 2);
  expect(await frameInView(page, landingId)).toBe(true);
  await expect(host.locator('input[name="seed"]')).toHaveValue('5');
  // The run was an action: the URL keeps the state and drops the flag; the outline goes.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${entry}`);
  await expect(frame).not.toHaveAttribute('data-landed', /.*/, { timeout: 10_000 });
  // The page's first widget, far above, was not loaded on the way (it loads when the reader nears it).
  await expect(widget(page, 'fit-tanh-vs-relu')).not.toHaveAttribute('data-ready', 'true');
});

test('with reduced motion the landing outline does not fade, and a link without &run leaves the widget idle', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${landingPage}#${landingId}=preset:deep-relu-he,seed:2`);
  const host = widget(page, landingId);
  const frame = page.locator('figure', { has: host });
  await expect(frame).toBeFocused();
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(frame).toHaveAttribute('data-landed', 'fading');
  expect(await frame.evaluate((element) => [getComputedStyle(element).outlineStyle, getComputedStyle(element).animationName])).toEqual(['solid', 'none']);
  await expect(host).toHaveAttribute('data-state', 'idle');
  expect(await frameInView(page, landingId)).toBe(true);
});

test('a bad flag after a permalink is refused with the localized notice, and nothing starts (390 px: the landing clears the two-row header)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/zh/how-networks-learn/deeper-networks/#${landingId}=preset:deep-relu-he,seed:5&rnu`);
  const host = widget(page, landingId);
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const notice = host.locator('.dp-error[data-kind="notice"]');
  await expect(notice).toContainText(prefix(widgetStrings.zh.errors.permalinkRejected));
  await expect(notice).toContainText(widgetStrings.zh.problems.unknownParam.replace('{param}', 'rnu'));
  await expect(host).toHaveAttribute('data-state', 'idle');
  // Refused as a whole: the preset's own seed, not the link's.
  await expect(host.locator('input[name="seed"]')).not.toHaveValue('5');
  expect(await frameInView(page, landingId)).toBe(true);
});
