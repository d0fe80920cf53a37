import { chromium } from '@playwright/test';
const [lang = 'pt', width = '1280', theme = 'light', mode = 'static', out = '/tmp/dash-shots'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
const hash = mode === 'static' ? '' : `#dashboard=preset:healthy-run,seed:1,backend:cpu,speed:fast`;
await page.goto(`http://127.0.0.1:4611/${lang}/lab/${hash}`);
const host = page.locator('dp-widget[data-family="training-dashboard"], dp-widget#dashboard').first();
await host.scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
if (mode !== 'static') {
  await host.locator('[data-action="play"]').click();
  await page.waitForFunction(() => document.querySelector('dp-widget#dashboard')?.getAttribute('data-state') === 'done', null, { timeout: 120000 });
  if (mode === 'reference') {
    await host.locator('.dp-dash__reference input').check();
    await page.waitForTimeout(1500);
  }
  if (mode.startsWith('tab')) {
    await host.locator('[role="tab"]').nth(Number(mode.slice(3))).click();
    await page.waitForTimeout(800);
  }
}
await page.waitForTimeout(500);
await host.screenshot({ path: `${out}/${lang}-${width}-${theme}-${mode}.png` });
console.log(JSON.stringify({ errors, state: await host.getAttribute('data-state'), readout: await host.locator('.dp-readout').textContent().catch(() => null) }));
await browser.close();
