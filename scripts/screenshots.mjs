// Screenshots of pages for a human to look at: node scripts/screenshots.mjs [base] [path ...]
// Writes screenshots/<path>-<width>-<theme>.png for widths 390 and 1280, light and dark.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4321';
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ['/pt/', '/ru/', '/zh/', '/pt/about/', '/ru/about/', '/zh/about/'];
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
console.log('screenshots written to screenshots/');
