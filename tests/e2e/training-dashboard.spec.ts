/**
 * TrainingDashboard in the Lab, in a real Chromium: on a phone one view at a time, picked in the radio group, in the
 * pre-rendered result and live alike; on a wide screen all six side by side. A run on the CPU ends on the
 * pre-rendered numbers with the healthy ranges the lesson quotes (docs/project-lifecycle/claims.md, «dashboard»), the
 * healthy reference overlays views 2, 4 and 5, and axe finds nothing (light and dark).
 */
import { test, expect, axeViolations, setTheme } from './fixtures';
import { labUrl, waitReady, widget, widgetStrings } from './widgets-helpers';

const backend = process.env.E2E_WIDGET_BACKEND ?? 'cpu';
const visibleViews = (host: import('@playwright/test').Locator) =>
  host.locator('section[data-view]').evaluateAll((sections) => sections.filter((s) => (s as HTMLElement).offsetParent !== null).map((s) => s.getAttribute('data-view')));

test('on a phone: one view at a time before and after a run; the run reproduces the pre-render within the healthy ranges; the reference overlays views 2, 4, 5; no axe violations', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(labUrl('pt', { dashboard: `preset:healthy-run,seed:1,backend:${backend},speed:fast` }));
  const host = widget(page, 'dashboard');
  await waitReady(host);
  const t = widgetStrings.pt.dashboard;
  // The pre-rendered result switches views in CSS alone.
  expect(await visibleViews(host)).toEqual(['inputs']);
  await host.locator('.dp-result .dp-dash__tab', { hasText: t.views.gradients }).click();
  expect(await visibleViews(host)).toEqual(['gradients']);
  const exposed = JSON.parse((await host.locator('.dp-result').getAttribute('data-exposed')) ?? '{}') as Record<string, string>;

  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  expect(await host.getAttribute('data-final-losses')).toBe(exposed['final-losses']);
  const dead = JSON.parse((await host.getAttribute('data-dead-fraction')) ?? '[]') as number[];
  expect(dead).toHaveLength(44);
  expect(Math.max(...dead)).toBeLessThan(0.3);
  const ratios = JSON.parse((await host.getAttribute('data-update-ratios')) ?? '{}') as { min: number; max: number };
  expect(ratios.min).toBeGreaterThan(1e-4);
  expect(ratios.max).toBeLessThan(1e-2);

  expect(await visibleViews(host)).toEqual(['inputs']);
  await host.locator('.dp-dash__tab', { hasText: t.views.curves }).click();
  expect(await visibleViews(host)).toEqual(['curves']);
  const curves = host.locator('section[data-view="curves"]');
  await expect(curves.locator('svg path').first()).toBeAttached();
  const reference = `${t.series.train} (referência saudável)`;
  await expect(curves).not.toContainText(reference);
  await host.locator('.dp-dash__reference input').check();
  await expect(curves).toContainText(reference);
  await host.locator('.dp-dash__tab', { hasText: t.views.activations }).click();
  await expect(host.locator('section[data-view="activations"]')).toContainText(`${t.series.dead} (referência saudável)`);
  await expect(host.locator('section[data-view="inputs"]')).not.toContainText('referência saudável');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    expect(await axeViolations(page, 'dp-widget#dashboard'), theme).toEqual([]);
  }
});

test('on a wide screen: all six views side by side, no view picker', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(labUrl('zh', { dashboard: 'preset:healthy-run,seed:1' }));
  const host = widget(page, 'dashboard');
  await waitReady(host);
  expect(await visibleViews(host)).toEqual(['inputs', 'curves', 'weights', 'activations', 'gradients', 'filters']);
  await expect(host.locator('.dp-dash__tabs').first()).toBeHidden();
  await expect(host.locator('section[data-view="inputs"] h3').first()).toHaveText(`1. ${widgetStrings.zh.dashboard.views.inputs}`);
});
