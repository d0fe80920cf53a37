import { test, expect, axeViolations, setTheme, languages } from './fixtures';
import { readFileSync, readdirSync } from 'node:fs';
import { waitReady, widget } from './widgets-helpers';

const strings = Object.fromEntries(languages.map(({ lang }) => [lang, JSON.parse(readFileSync(`src/i18n/${lang}.json`, 'utf8'))])) as Record<(typeof languages)[number]['lang'], { search: { searching: string } }>;

/** How many chapters have lessons in a language (a chapter goes live when its folder of lessons lands). */
const chaptersWithLessons = (lang: string) => readdirSync(`src/content/${lang}`, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;

const chapter = 'how-networks-learn';
const lessons = ['one-neuron', 'deeper-networks', 'what-training-is', 'hyperparameters', 'bias-variance', 'training-recipe'];

for (const { lang, htmlLang } of languages) {
  test.describe(`chapter 2 in ${lang}`, () => {
    test('the chapter page lists its lessons in order and is linked from home', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await page.locator(`[data-chapter="${chapter}"] h3 a`).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter}/$`));
      const links = page.locator('article ol > li > a');
      await expect(links).toHaveCount(lessons.length);
      for (const [index, slug] of lessons.entries()) {
        await expect(links.nth(index)).toHaveAttribute('href', `/${lang}/${chapter}/${slug}/`);
      }
    });

    test('a lesson has the sidebar with the current lesson marked, a table of contents, sources and pager', async ({ page }) => {
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.goto(`/${lang}/${chapter}/${lessons[1]}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
      const current = page.locator('.sidebar a[aria-current="page"]');
      await expect(current).toHaveCount(1);
      await expect(current).toHaveAttribute('href', `/${lang}/${chapter}/${lessons[1]}/`);
      // Chapters without lessons in this language are listed, but without a link (only chapter 4 once chapter 3 is live).
      await expect(page.locator('.sidebar .chapter-title.unavailable')).toHaveCount(5 - chaptersWithLessons(lang));
      const tocLinks = page.locator('.toc a');
      expect(await tocLinks.count()).toBeGreaterThan(3);
      for (const link of await tocLinks.all()) {
        const target = (await link.getAttribute('href'))!.slice(1);
        await expect(page.locator(`[id="${target}"]`)).toHaveCount(1);
      }
      await expect(page.locator('.sources li')).not.toHaveCount(0);
      await expect(page.locator('a[rel="prev"]')).toHaveAttribute('href', `/${lang}/${chapter}/${lessons[0]}/`);
      await page.locator('a[rel="next"]').click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter}/${lessons[2]}/$`));
    });

    test('every lesson renders its formulas with no KaTeX error and every widget placeholder', async ({ page }) => {
      for (const slug of lessons) {
        await page.goto(`/${lang}/${chapter}/${slug}/`);
        expect(await page.locator('.katex').count(), slug).toBeGreaterThan(0);
        await expect(page.locator('.katex-error')).toHaveCount(0);
        expect(await page.locator('figure.dp-widget').count(), slug).toBeGreaterThan(0);
      }
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`no axe violations on the chapter page and a lesson (${theme})`, async ({ page }) => {
        for (const path of [`/${lang}/${chapter}/`, `/${lang}/${chapter}/${lessons[0]}/`]) {
          await page.goto(path);
          await setTheme(page, theme);
          expect(await axeViolations(page), `${path} in ${theme}`).toEqual([]);
        }
      });
    }
  });
}

// Chapters 1 («Practical tricks»), 3 («The deep learning myth») and 4 («A deep learning project from start to
// finish»), live in the three languages: each reached from home and the sidebar, its lessons in order, formulas
// and experiments where the lesson has them. (Chapter 3's last lesson is prose only — its live version is chapter
// 1's pretraining experiment — and its first lesson's only formulas are chapter 1's; chapter 4's first two
// lessons have experiments and no formulas.)
const walkedChapters = [
  { number: 1, key: 'practical-tricks', lessons: ['what-you-need', 'reading-the-curves', 'regularize-and-augment', 'stand-on-shoulders'], withFormulas: ['what-you-need', 'reading-the-curves', 'regularize-and-augment', 'stand-on-shoulders'], proseOnly: [] },
  { number: 3, key: 'deep-learning-myth', lessons: ['myth-and-history', 'black-box', 'priors', 'differentiable-programming', 'data-and-what-next'], withFormulas: ['black-box', 'priors', 'differentiable-programming'], proseOnly: ['data-and-what-next'] },
  { number: 4, key: 'project-lifecycle', lessons: ['project-research', 'dataset', 'design', 'visualization', 'debugging', 'tuning'], withFormulas: ['design', 'visualization', 'debugging', 'tuning'], proseOnly: [] },
] as const;
for (const chapter of walkedChapters) {
  for (const { lang } of languages) {
    test(`chapter ${chapter.number} in ${lang}: linked from home and the sidebar, its ${chapter.lessons.length} lessons in order, formulas and experiments where the lesson has them`, async ({ page }) => {
      await page.goto(`/${lang}/`);
      await page.locator(`[data-chapter="${chapter.key}"] h3 a`).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/${chapter.key}/$`));
      const links = page.locator('article ol > li > a');
      await expect(links).toHaveCount(chapter.lessons.length);
      for (const [index, slug] of chapter.lessons.entries()) {
        await expect(links.nth(index)).toHaveAttribute('href', `/${lang}/${chapter.key}/${slug}/`);
      }
      for (const slug of chapter.lessons) {
        await page.goto(`/${lang}/${chapter.key}/${slug}/`);
        await expect(page.locator(`.sidebar a[href="/${lang}/${chapter.key}/${slug}/"]`)).toHaveAttribute('aria-current', 'page');
        await expect(page.locator('.katex-error')).toHaveCount(0);
        if ((chapter.withFormulas as readonly string[]).includes(slug)) expect(await page.locator('.katex-display').count(), slug).toBeGreaterThan(0);
        if ((chapter.proseOnly as readonly string[]).includes(slug)) await expect(page.locator('.dp-exercise').first()).toBeVisible();
        else expect(await page.locator('figure.dp-widget').count(), slug).toBeGreaterThan(0);
      }
    });
  }
}

test('the switcher keeps the reader on the same lesson', async ({ page }) => {
  await page.goto(`/ru/${chapter}/bias-variance/`);
  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Português' }).click();
  await expect(page).toHaveURL(new RegExp(`/pt/${chapter}/bias-variance/$`));
  await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/${chapter}/bias-variance/$`));
});

test('the switcher carries the widget settings the reader changed, and drops a heading anchor', async ({ page }) => {
  const id = 'fit-one-neuron-line';
  await page.goto(`/pt/${chapter}/one-neuron/`);
  const host = widget(page, id);
  await waitReady(host);
  await host.locator('input[name="seed"]').fill('42');
  await host.locator('input[name="seed"]').press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('seed:42');
  const hash = await page.evaluate(() => location.hash);
  await page.getByRole('navigation', { name: 'Idioma' }).getByRole('link', { name: 'Русский' }).click();
  await expect(page).toHaveURL(new RegExp(`/ru/${chapter}/one-neuron/${hash.replace(/[.+]/g, '\\$&')}$`));
  const there = widget(page, id);
  await waitReady(there);
  await expect(there.locator('input[name="seed"]')).toHaveValue('42');
  await expect(there.locator('.dp-error[data-kind="notice"]')).toBeHidden();
  // A heading anchor is a slug of this language's heading: the other page has none, so it is not carried.
  const heading = await page.locator('main h2[id]').first().getAttribute('id');
  await page.goto(`/ru/${chapter}/one-neuron/#${heading}`);
  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(new RegExp(`/zh/${chapter}/one-neuron/$`));
});

test('search finds lessons from a Russian and a Chinese word', async ({ page }) => {
  await page.goto('/ru/search/?q=' + encodeURIComponent('переобучение'));
  await expect(page.locator(`#search-results a[href^="/ru/${chapter}/"]`).first()).toBeVisible();
  await page.goto('/zh/search/?q=' + encodeURIComponent('过拟合'));
  await expect(page.locator(`#search-results a[href^="/zh/${chapter}/"]`).first()).toBeVisible();
});

test('search says it is searching, links each hit to its section under its heading, and does not index the meta line', async ({ page }) => {
  // Hold the index back to see the state the reader sees while it loads.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/pagefind.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/pt/search/?q=Glorot');
  const status = page.locator('#search-status');
  await expect(status).toHaveText(strings.pt.search.searching);
  await expect(page.locator('#search-results')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(status).not.toHaveText(strings.pt.search.searching);
  await expect(page.locator('#search-results')).not.toHaveAttribute('aria-busy', /.*/);
  const section = page.locator(`#search-results .search-sections a[href^="/pt/${chapter}/"][href*="#"]`).first();
  await expect(section).toBeVisible();
  const [href, title] = [await section.getAttribute('href'), (await section.textContent())?.trim()];
  await section.click();
  await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).hash).toBe(href);
  const heading = page.locator(`[id="${decodeURIComponent((href ?? '').split('#')[1] ?? '')}"]`);
  await expect(heading).toHaveText(title ?? '');
  expect(await heading.evaluate((element) => /^H[1-6]$/.test(element.tagName))).toBe(true);
  await expect(heading).toBeInViewport();
  // The meta line ("N минут чтения", "阅读约需 N 分钟") is not content: no excerpt quotes it.
  for (const [lang, query, meta] of [['ru', 'чтения', /\d+\s*минут[аы]?\s+чтения/], ['zh', '分钟', /阅读约需/]] as const) {
    await page.goto(`/${lang}/search/?q=${encodeURIComponent(query)}`);
    await expect(page.locator('#search-status')).not.toHaveText(strings[lang].search.searching);
    expect(await page.locator('#search-results').innerText()).not.toMatch(meta);
  }
});

test('pressing play on a widget that has not loaded yet loads it and starts training', async ({ page }) => {
  await page.goto(`/zh/${chapter}/bias-variance/?backend=cpu`);
  const host = page.locator('dp-widget').first();
  // The widget may mount (it is near the viewport) while the click scrolls to it: press whichever Run is there.
  await host.locator('[data-action="load-and-play"], [data-action="play"]').first().click();
  await expect(host).toHaveAttribute('data-state', /loading|running|done/, { timeout: 30_000 });
  await expect.poll(async () => Number(await host.getAttribute('data-step')), { timeout: 60_000 }).toBeGreaterThan(0);
});
