/**
 * The Content-Security-Policy holds on every built page (light; a sample in dark, see `sampled`), with every widget on the page mounted:
 * no `securitypolicyviolation` event and no CSP console error (the fixture fails on any console error, workers'
 * included). Each page carries the policy in <head> before any script (static hosts) and gets it as a header
 * with frame-ancestors and a Referrer-Policy from scripts/serve.mjs. Training (worker + wasm) and search
 * (Pagefind's wasm) run under it.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForLosses, waitReady, widget } from './widgets-helpers';
import { languageCodes } from '../../src/i18n/language-list.mjs';

function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : builtPages(path);
    if (!entry.name.endsWith('.html')) return [];
    const url = `/${relative('dist', path).replaceAll('\\', '/')}`;
    return [url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url];
  });
}

const pages = builtPages().sort();
const groups = [...languageCodes, 'root'].map((group) => ({
  group,
  urls: pages.filter((url) => (group === 'root' ? !languageCodes.some((lang) => url.startsWith(`/${lang}/`)) : url.startsWith(`/${group}/`))),
}));

async function recordViolations(page: Page): Promise<void> {
  page.on('worker', (worker) => worker.on('console', (message) => {
    if (message.type() === 'error') throw new Error(`worker console error: ${message.text()}`);
  }));
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = found;
    document.addEventListener('securitypolicyviolation', (event) => {
      found.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the build has pages to check', () => {
  expect(pages.length).toBeGreaterThan(30);
  expect(groups.reduce((sum, { urls }) => sum + urls.length, 0)).toBe(pages.length);
});

/**
 * Light: every page. Dark: every fifth page of each group (its first included). What a theme changes is the same
 * on every page (the head script that applies it, the stylesheet), so the sample checks it under the policy at
 * half the cost of a second full pass; the light pass still mounts every widget of every page.
 */
const sampled = (urls: string[], theme: 'light' | 'dark') => (theme === 'light' ? urls : urls.filter((_, index) => index % 5 === 0));

for (const theme of ['light', 'dark'] as const) {
  for (const { group, urls: all } of groups) {
    const urls = sampled(all, theme);
    test(`no CSP violation on the ${group} pages (${theme})`, async ({ page, pageGuard }) => {
      test.setTimeout(60_000 + urls.length * 20_000);
      pageGuard.allowedConsoleErrors.push(/404/);
      await page.emulateMedia({ colorScheme: theme });
      await page.addInitScript((value) => localStorage.setItem('deep-practice:theme', value), theme);
      await recordViolations(page);
      for (const url of urls) {
        const response = await page.goto(url);
        const header = response?.headers()['content-security-policy'] ?? '';
        expect(header, url).toContain("frame-ancestors 'none'");
        expect(header, url).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(response?.headers()['referrer-policy'], url).toBe('no-referrer');
        const meta = await page.evaluate(() => {
          const element = document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');
          const firstScript = document.head.querySelector('script');
          const beforeScripts = !firstScript || Boolean(element && element.compareDocumentPosition(firstScript) & Node.DOCUMENT_POSITION_FOLLOWING);
          return beforeScripts ? element?.getAttribute('content') : 'after a script';
        });
        expect(meta, `${url}: the policy comes before any script in <head>`).toContain("object-src 'none'");
        expect(await page.locator('html').getAttribute('data-theme'), url).toBe(theme);
        // Mount every widget on the page: scroll through it, then wait until each is ready.
        const widgets = page.locator('dp-widget');
        for (const host of await widgets.all()) {
          await host.scrollIntoViewIfNeeded();
          await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
        }
        expect(await violations(page), url).toEqual([]);
      }
    });
  }
}

test('training in a worker on wasm, and on cpu, runs under the policy', async ({ page }) => {
  test.setTimeout(120_000);
  await recordViolations(page);
  for (const backend of ['wasm', 'cpu']) {
    await page.goto(`/zh/lab/#fit=preset:relu-neurons,seed:1,backend:${backend},speed:fast`);
    const host = widget(page, 'fit');
    await waitReady(host);
    await host.locator('[data-action="play"]').click();
    await waitForLosses(host, 5);
    await expect(host).toHaveAttribute('data-backend', backend);
    expect(await violations(page), backend).toEqual([]);
  }
});

test('search (Pagefind, wasm) runs under the policy', async ({ page }) => {
  await recordViolations(page);
  await page.goto('/pt/search/?q=' + encodeURIComponent('gradiente'));
  await expect(page.locator('#search-results a').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
