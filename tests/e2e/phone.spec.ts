/**
 * At 390 px (a phone) in each language: the sticky header is one row of at most 56 px and its menu opens, and
 * every plot on a widget lesson, pre-rendered and live after a run, has at least three ticks on each axis; axe
 * finds nothing there after the run, nor on the digits chapter's lessons (seven-tips) in both themes.
 */
import { readdirSync } from 'node:fs';
import { test, expect, axeViolations, languages, setTheme } from './fixtures';
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
    expect(await axeViolations(page), 'after a run at 390 px').toEqual([]);
  });
}

/** The digits chapter's lessons, each with DigitsExperiment/ModelGraph widgets. */
const digitsLessons = readdirSync('src/content/pt/seven-tips').filter((file) => file.endsWith('.mdx')).map((file) => file.replace(/\.mdx$/, ''));

test('390 px: no axe violations on the digits chapter lessons, light and dark, the last one after a digits run', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const RUN_LESSON = 'regularize-and-constrain';
  for (const [index, lesson] of [...digitsLessons.filter((name) => name !== RUN_LESSON), RUN_LESSON].entries()) {
    const run = lesson === RUN_LESSON;
    await page.goto(`/pt/seven-tips/${lesson}/${run ? '#digits-max-norm=preset:max-norm,seed:1,backend:cpu,speed:fast' : ''}`);
    const theme = index % 2 === 0 ? 'light' : 'dark';
    await setTheme(page, theme);
    if (run) {
      const host = widget(page, 'digits-max-norm');
      await waitReady(host);
      await host.locator('[data-action="play"]').click();
      await waitForLosses(host, 2);
    }
    expect(await axeViolations(page), `${lesson} in ${theme}${run ? ' after a run' : ''}`).toEqual([]);
  }
});
