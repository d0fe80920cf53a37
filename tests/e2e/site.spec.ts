import { test, expect, axeViolations, setTheme, languages } from './fixtures';

for (const { lang, htmlLang } of languages) {
  test.describe(`site in ${lang}`, () => {
    test('home lists the five chapters and sets the language', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
      await expect(page.locator('[data-chapter]')).toHaveCount(5);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // A chapter without lessons has no link; one with lessons links to its overview.
      for (const card of await page.locator('[data-chapter]').all()) {
        const key = await card.getAttribute('data-chapter');
        const link = card.getByRole('heading', { level: 3 }).getByRole('link');
        if ((await link.count()) > 0) {
          await expect(link).toHaveAttribute('href', `/${lang}/${key}/`);
          const response = await page.request.get(`/${lang}/${key}/`);
          expect(response.status()).toBe(200);
        } else {
          const response = await page.request.get(`/${lang}/${key}/`);
          expect(response.status(), `${key} has no lessons, so no page`).toBe(404);
        }
      }
    });

    test('About renders formulas with KaTeX and credits the sources', async ({ page }) => {
      await page.goto(`/${lang}/about/`);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
      expect(await page.locator('.katex').count()).toBeGreaterThan(2);
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('#sources')).toBeAttached();
      // KaTeX fonts are served by the site itself.
      const fontsOk = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].some((font) => font.family.includes('KaTeX') && font.status === 'loaded');
      });
      expect(fontsOk).toBe(true);
    });

    test('a missing page gets the 404 page of its language', async ({ page, pageGuard }) => {
      pageGuard.allowedConsoleErrors.push(/404/);
      const response = await page.goto(`/${lang}/no-such-page/`);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
      await expect(page.getByRole('link', { name: /./ }).filter({ has: page.locator(`[href="/${lang}/"]`) }).or(page.locator(`main a[href="/${lang}/"]`))).toBeVisible();
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`no axe violations on home, About, 404 and search (${theme})`, async ({ page, pageGuard }) => {
        pageGuard.allowedConsoleErrors.push(/404/);
        for (const path of [`/${lang}/`, `/${lang}/about/`, `/${lang}/missing/`, `/${lang}/search/`]) {
          await page.goto(path);
          await setTheme(page, theme);
          expect(await axeViolations(page), `${path} in ${theme}`).toEqual([]);
        }
      });
    }
  });
}

test('the switcher lands on the same page in the other language, named in that language', async ({ page }) => {
  await page.goto('/pt/about/');
  const switcher = page.getByRole('navigation', { name: 'Idioma' });
  await expect(switcher.getByRole('link', { name: 'Русский' })).toHaveAttribute('lang', 'ru');
  await switcher.getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/about\/$/);
  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/zh\/about\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('search finds a page from a Russian word and from a Chinese word', async ({ page }) => {
  // The word's inflected forms count (Russian stemming: «градиенты» finds «градиентный спуск»), and every result is
  // a page of the reader's language whose text contains the word.
  for (const [lang, query, stem] of [['ru', 'градиенты', /градиент/i], ['zh', '梯度', /梯度/]] as const) {
    await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
    const results = page.locator('#search-results > li');
    await expect(results.first()).toBeVisible();
    expect(await results.count()).toBeGreaterThan(2);
    for (const text of await results.allInnerTexts()) expect(text).toMatch(stem);
    for (const href of await page.locator('#search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')))
      expect(href.startsWith(`/${lang}/`), href).toBe(true);
  }
});

test('a hostile query is shown as text, never as markup', async ({ page }) => {
  await page.goto('/pt/search/?q=' + encodeURIComponent('<img src=x onerror="window.hacked=1">'));
  await expect(page.locator('#search-status')).toContainText('<img src=x');
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

test('search does not index formulas', async ({ page }) => {
  // On the About pages "mathbb" occurs only inside KaTeX markup. Pagefind may still return fuzzy
  // matches from other pages, but never About and never an excerpt with the LaTeX source.
  await page.goto('/pt/search/?q=mathbb');
  await expect(page.locator('#search-status')).not.toBeEmpty();
  await expect(page.locator('#search-results a[href="/pt/about/"]')).toHaveCount(0);
  await expect(page.locator('#search-results')).not.toContainText('mathbb');
});

test.describe('the root page', () => {
  test.use({ locale: 'ru-RU' });
  test('pre-selects the browser language, works as links, and remembers the choice', async ({ page }) => {
    await page.goto('/');
    const russian = page.locator('a[data-lang-choice="ru"]');
    await expect(russian).toHaveClass(/preferred/);
    await expect(russian).toBeFocused();
    await page.locator('a[data-lang-choice="zh"]').click();
    await expect(page).toHaveURL(/\/zh\/$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh\/$/);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`no axe violations on the root language picker (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('the root page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('still offers the three languages as plain links', async ({ page }) => {
    await page.goto('/');
    for (const { lang } of languages) await expect(page.locator(`a[href="/${lang}/"]`).first()).toBeVisible();
  });
});

test('the theme toggle switches and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/pt/');
  const toggle = page.getByRole('button', { name: 'Alternar tema claro/escuro' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/ru/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 20, 25)');
});

test('dark theme follows the system without a choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh/');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 20, 25)');
});

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/pt/about/');
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

test('no horizontal overflow at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const path of ['/pt/', '/ru/about/', '/zh/about/', '/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
