/**
 * ComputePaths in headless Chromium: no number before a run (pre-rendered or mounted), and the run button shows once
 * mounted even where the page holds the pre-rendered result; a run on the paths that
 * start here gives a positive throughput for every population measured and draws them; WebGPU without an
 * adapter is listed as not available, never as zero; Stop ends the run and the widget keeps working.
 * Chromium is launched here without --enable-unsafe-webgpu and without a GPU (--disable-gpu and no software
 * rasterizer, so no WebGL either): its software GPUs take a
 * minute or more over the four populations, and "not available" is what is checked for them. The run is stopped
 * once the WASM path has every population (seconds).
 */
import { test, expect } from './fixtures';
import { chromiumPath } from '../../playwright.config';
import { labUrl, waitReady, widget, widgetStrings } from './widgets-helpers';

test.use({ launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu', '--disable-software-rasterizer'] } });

const POPULATIONS = ['1', '8', '32', '128'];

test('the benchmark shows nothing made up, measures the paths that start and stops on request', async ({ page }) => {
  test.setTimeout(120_000);
  const t = widgetStrings.pt.benchmark;
  await page.goto(labUrl('pt', { compute: 'preset:default,seed:1,seconds:1' }));
  const host = widget(page, 'compute');
  await waitReady(host);
  await expect(host).toHaveAttribute('data-benchmark', 'idle');
  expect(JSON.parse((await host.getAttribute('data-throughput')) ?? 'null')).toEqual({});
  await expect(host.locator('.dp-benchmark__paths li')).toHaveCount(5);
  await expect(host.locator('.dp-benchmark__paths li').first()).toContainText(t.pending);
  await expect(host.locator('figure')).toBeHidden();

  const run = host.locator('[data-action="benchmark"]');
  await expect(run).toHaveText(t.run);
  await run.click();
  await expect(host).toHaveAttribute('data-benchmark', 'running');
  await expect(run).toHaveText(t.stop);
  const throughput = async () => JSON.parse((await host.getAttribute('data-throughput')) ?? '{}') as Record<string, Record<string, number>>;
  await expect.poll(async () => Object.keys((await throughput()).wasm ?? {}), { timeout: 90_000 }).toEqual(POPULATIONS);
  await run.click();
  await expect(host).toHaveAttribute('data-benchmark', 'done');
  await expect(host.locator('[role="status"]').last()).toHaveText(t.stopped);

  const measured = await throughput();
  for (const [path, cells] of Object.entries(measured)) for (const value of Object.values(cells)) expect(value, path).toBeGreaterThan(0);
  expect(measured.webgpu, 'a path that did not start has no numbers').toBeUndefined();
  expect(measured.webgl, 'a path that did not start has no numbers').toBeUndefined();
  expect(JSON.parse((await host.getAttribute('data-unavailable')) ?? '{}')).toMatchObject({ webgpu: expect.stringMatching(/^(init_failed|no_navigator_gpu)$/), webgl: expect.stringMatching(/^(init_failed|no_canvas)$/) });
  for (const index of [0, 1]) await expect(host.locator('.dp-benchmark__paths li').nth(index)).toContainText(t.unavailable.split(' (')[0]!);
  // One line per measured path, with a mark per population.
  await expect(host.locator('figure')).toBeVisible();
  await expect(host.locator('.dp-plot__legend')).toContainText(widgetStrings.pt.backends.wasm);
  expect(await host.locator('svg path').evaluateAll((paths) => paths.filter((p) => !p.closest('.dp-plot__axis, .dp-plot__legend') && (p.getAttribute('d') ?? '').length > 20).length)).toBeGreaterThan(0);
  await expect(run).toHaveText(t.again);
  await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
});

test('on a page where it is pre-rendered, the live widget shows its run button (the static result has none)', async ({ page }) => {
  const t = widgetStrings.ru.benchmark;
  const html = await (await page.request.get(labUrl('ru', {}))).text();
  const served = html.slice(html.indexOf('id="compute"'), html.indexOf('</dp-widget>', html.indexOf('id="compute"')));
  expect(served, 'the Lab pre-renders the preset').toContain('dp-result');
  expect(served, 'no run button without a script').not.toContain('data-action="benchmark"');
  await page.goto(labUrl('ru', {}));
  const host = widget(page, 'compute');
  await waitReady(host);
  await expect(host.locator('[data-action="benchmark"]')).toBeVisible();
  await expect(host.locator('[data-action="benchmark"]')).toHaveText(t.run);
  await expect(host.locator('.dp-result')).toHaveCount(0);
  await expect(host).toHaveAttribute('data-benchmark', 'idle');
});
