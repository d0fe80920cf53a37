import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking'] });
const [lang, theme, width, ...targets] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(width), height: width === '390' ? 844 : 900 } });
await page.goto(`http://127.0.0.1:4412/${lang}/teach/how-networks-learn/`);
await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
for (const [i, target] of targets.entries()) {
  if (target !== 'top') await page.locator(target).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  else await page.evaluate(() => scrollTo(0, 0));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/shots/${lang}-${theme}-${width}-${i}.png` });
}
await browser.close();
