import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking'] });
for (const [lang, theme] of [['ru', 'light'], ['zh', 'dark']]) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`http://127.0.0.1:4412/${lang}/teach/`);
  await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
  await page.locator('#setup-source').selectOption('function-fit|relu-neurons');
  await page.locator('[data-action="add-setup"]').click();
  await page.screenshot({ path: `/tmp/shots/teach-${lang}-${theme}-0.png` });
  await page.locator('[data-setups]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `/tmp/shots/teach-${lang}-${theme}-1.png` });
  console.log(lang, await page.evaluate(() => document.documentElement.scrollWidth));
}
await browser.close();
