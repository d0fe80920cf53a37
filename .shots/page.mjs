import { chromium } from 'playwright-core';
const [base, out, ...paths] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const spec of paths) {
  const [path, width] = spec.split('@');
  const p = await b.newPage({ viewport: { width: Number(width), height: 900 } });
  const errors = [];
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(base + path);
  await p.waitForTimeout(1500);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const name = path.replaceAll('/', '_') + '-' + width;
  await p.screenshot({ path: `${out}/${name}.png`, fullPage: false });
  // the first widget, scrolled into view
  const w = p.locator('figure.dp-widget').first();
  if (await w.count()) { await w.scrollIntoViewIfNeeded(); await p.waitForTimeout(800); await w.screenshot({ path: `${out}/${name}-widget.png` }); }
  console.log(name, 'overflow', overflow, 'errors', errors.length, errors.slice(0, 2).join(' | '));
  await p.close();
}
await b.close();
