// Screenshots of pages for a human to look at: node scripts/screenshots.mjs [base] [path ...]
// Writes screenshots/<path>-<width>-<theme>.png for widths 390 and 1280, light and dark. Without paths: in every
// language, the home page, the Lab and the first lesson of every chapter that has lessons (read from
// src/content/<lang>/<chapter>/*.mdx frontmatter, so a new chapter is shot without editing this file).
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { languageCodes } from '../src/i18n/language-list.mjs';

/** `/<lang>/<chapter>/<slug>/` of the lesson with `order: 1` in each chapter folder of this language. */
function firstLessons(lang) {
  const root = `src/content/${lang}`;
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap(({ name: chapter }) => {
      const first = readdirSync(`${root}/${chapter}`).find((file) => /^order:\s*1\s*$/m.test(readFileSync(`${root}/${chapter}/${file}`, 'utf8')));
      return first ? [`/${lang}/${chapter}/${first.replace(/\.mdx?$/, '')}/`] : [];
    });
}

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const given = process.argv.slice(3);
const paths = given.length ? given : languageCodes.flatMap((lang) => [`/${lang}/`, `/${lang}/lab/`, ...firstLessons(lang)]);
const widths = (process.env.WIDTHS ?? '390,1280').split(',').map(Number);
const themes = (process.env.THEMES ?? 'light,dark').split(',');
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu'],
});
for (const theme of themes) {
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
    await page.addInitScript((value) => localStorage.setItem('deep-practice:theme', value), theme);
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(Number(process.env.WAIT ?? 300));
      const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
      await page.screenshot({ path: `screenshots/${name}-${width}-${theme}.png`, fullPage: process.env.FULL !== '0' });
    }
    await page.close();
  }
}
await browser.close();
console.log(`${paths.length} pages × ${widths.length} widths × ${themes.length} themes written to screenshots/`);
