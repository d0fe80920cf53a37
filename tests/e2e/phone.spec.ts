/**
 * At 390 px (a phone) in each language: the sticky header is one row of at most 56 px and its menu opens, and
 * every plot on a widget lesson, pre-rendered and live after a run, has at least three ticks on each axis.
 */
import { test, expect, languages } from './fixtures';
import { waitForLosses, waitReady, widget } from './widgets-helpers';

const LESSON = 'how-networks-learn/one-neuron';
const WIDGET = 'fit-relu-neurons';

/** Tick counts of every visible plot axis on the page: `[label, count]`. */
async function tickCounts(page: import('@playwright/test').Page): Promise<Array<[string, number]>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('.dp-plot__axis')]
      .filter((axis) => axis.getBoundingClientRect().width > 0 || axis.getBoundingClientRect().height > 0)
      .map((axis): [string, number] => [
        `${axis.closest('dp-widget')?.id ?? '?'} ${axis.closest('figure')?.querySelector('figcaption, title')?.textContent ?? ''} ${axis.getAttribute('class')}`,
        axis.querySelectorAll('.dp-plot__tick').length,
      ]),
  );
}

for (const { lang } of languages) {
  test(`390 px in ${lang}: a one-row header of at most 56 px and at least 3 ticks per plot axis`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/${lang}/${LESSON}/#${WIDGET}=preset:relu-neurons,seed:1,backend:cpu,speed:fast`);
    const header = page.locator('.site-header');
    expect((await header.boundingBox())?.height ?? 0).toBeLessThanOrEqual(56);
    // The folded navigation opens from the menu button and closes with Escape.
    const menu = page.locator('.menu-button');
    await menu.click();
    await expect(page.locator('#site-menu').getByRole('link').first()).toBeVisible();
    await expect(page.locator('.lang-switcher [aria-current="true"]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-menu')).toBeHidden();
    await expect(menu).toBeFocused();

    const host = widget(page, WIDGET);
    await waitReady(host);
    // Still one row once scrolled (the header is sticky).
    expect((await header.boundingBox())?.height ?? 0).toBeLessThanOrEqual(56);
    const prerendered = await tickCounts(page);
    expect(prerendered.length).toBeGreaterThan(0);
    await host.locator('[data-action="play"]').click();
    await waitForLosses(host, 3);
    const live = await tickCounts(page);
    expect(live.length).toBeGreaterThan(0);
    expect([...prerendered, ...live].filter(([, count]) => count < 3)).toEqual([]);
  });
}
