import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { languageTable } from '../../src/i18n/language-list.mjs';

/**
 * Every e2e test gets a page that records console errors, uncaught exceptions and any request to a host
 * other than 127.0.0.1; the test fails at the end if there were any. Tests that provoke an error on
 * purpose list the messages they expect in `allowedConsoleErrors`.
 */
export const test = base.extend<{ pageGuard: { allowedConsoleErrors: RegExp[] } }>({
  pageGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const guard = { allowedConsoleErrors: [] as RegExp[] };
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (guard.allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
        problems.push(`console error: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (['data:', 'blob:'].includes(url.protocol)) return;
        if (url.hostname !== '127.0.0.1') problems.push(`request to a non-local host: ${request.url()}`);
      });
      await use(guard);
      expect(problems, 'console errors, exceptions and non-local requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core on the whole page; returns readable violations (empty when clean). */
/** Axe's violations on the page, or only inside `include` (a CSS selector: one widget checks in seconds, a whole Lab in ~15 s). */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`,
  );
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value;
  }, theme);
}

/** Each language with its `<html lang>` and its own name, from the one list (src/i18n/language-list.mjs). */
export const languages = languageTable.map(({ code, htmlLang }) => ({
  lang: code,
  htmlLang,
  name: (JSON.parse(readFileSync(`src/i18n/${code}.json`, 'utf8')) as { meta: { languageName: string } }).meta.languageName,
}));
