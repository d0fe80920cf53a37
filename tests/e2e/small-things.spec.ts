/**
 * Small defects from the hardening probe: the search highlight keeps ≥ 4.5:1 contrast in both themes, and the
 * root 404 page honours the stored theme like every other page.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

for (const theme of ['light', 'dark'] as const) {
  test(`search hits are highlighted with enough contrast (${theme})`, async ({ page }) => {
    await page.addInitScript((value) => localStorage.setItem('deep-practice:theme', value), theme);
    await page.goto('/pt/search/?q=' + encodeURIComponent('gradiente'));
    await expect(page.locator('#search-results mark').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#search-results').withRules(['color-contrast']).analyze();
    const problems = results.violations.flatMap((violation) => violation.nodes.map((node) => node.failureSummary ?? ''));
    expect(problems).toEqual([]);
  });

  test(`the root 404 page uses the stored ${theme} theme`, async ({ page, pageGuard }) => {
    pageGuard.allowedConsoleErrors.push(/404/);
    await page.emulateMedia({ colorScheme: theme === 'light' ? 'dark' : 'light' });
    await page.addInitScript((value) => localStorage.setItem('deep-practice:theme', value), theme);
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  });
}
