/**
 * GradientCheck on the Lab, in a real Chromium: the elements each planted bug touches are marked red, the controls
 * (layer, h, precision) redraw at once, non-finite values are said in the page's language, and axe finds nothing in
 * the widget with red rows (light and dark) and with non-finite rows. Static: seconds, no training.
 */
import { test, expect, axeViolations, setTheme } from './fixtures';
import { labUrl, waitReady, widget, widgetStrings } from './widgets-helpers';

test('the gradient check marks the elements each planted bug touches, follows its controls and says when values are not finite', async ({ page }) => {
  const set = (host: ReturnType<typeof widget>, name: string, value: number) =>
    host.locator(`input[name="${name}"]`).evaluate((input: HTMLInputElement, next) => {
      input.value = String(next);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  const pt = widgetStrings.pt.gradientCheck;
  await page.goto(labUrl('pt', { gradcheck: 'preset:swish-sigma-prime,seed:1' }));
  const host = widget(page, 'gradcheck');
  await waitReady(host);
  const task = page.locator('figure:has(dp-widget#gradcheck) .dp-task');
  await expect(host).toHaveAttribute('data-verdict', 'fail');
  await expect(host.locator('tr[data-level="fail"]')).toHaveCount(13);
  await expect(host.locator('tr[data-level="pass"]')).toHaveCount(2);
  await expect(host.locator('tr[data-element="x[1,1]"] .dp-gc-error')).toHaveText(`✓ 5,1 × 10⁻¹¹ ${pt.levels.pass}`);
  await expect(host.locator('.dp-gc-verdict')).toContainText('Falha: o maior erro relativo é 2, em x[1, 0]; 13 de 15');
  // The red and green rows keep AA contrast in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    expect(await axeViolations(page, 'dp-widget#gradcheck'), `swish-sigma-prime, ${theme}`).toEqual([]);
  }

  await host.locator('select[name="layer"]').selectOption('swish-missing-x');
  await expect(host).toHaveAttribute('data-failing', JSON.stringify(['beta[0]', 'beta[1]', 'beta[2]']));
  await host.locator('select[name="layer"]').selectOption('swish');
  await expect(host).toHaveAttribute('data-verdict', 'pass');
  await expect(task).toContainText('Swish y = x·σ(βx), passagem reversa correta');
  // h = 10^(−4/4) = 0.1: truncation alone fails the correct layer; a float32 forward pass fails it at h = 1e-5.
  await set(host, 'h', -4);
  await expect(host).toHaveAttribute('data-verdict', 'fail');
  await expect(task).toContainText('h = 0,1');
  await set(host, 'h', -20);
  await expect(host).toHaveAttribute('data-verdict', 'pass');
  await host.locator('select[name="precision"]').selectOption('float32');
  await expect(host).toHaveAttribute('data-verdict', 'fail');

  await host.locator('select[name="layer"]').selectOption('log');
  await expect(host).toHaveAttribute('data-verdict', 'nonFinite');
  await expect(host.locator('tr[data-level="nonFinite"]')).toHaveCount(12);
  await expect(host.locator('tr[data-element="x[1,0]"] td').first()).toHaveText('não é finito (NaN)');
  await expect(host.locator('.dp-readout')).toHaveText(pt.noCurve);
  expect(await axeViolations(page, 'dp-widget#gradcheck'), 'naive log, dark').toEqual([]);
  await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
});

test('on a lesson page each gradient check shows one result: the pre-rendered one until the reader changes something, never both', async ({ page }) => {
  await page.goto('/ru/project-lifecycle/design/');
  const hosts = page.locator('dp-widget[data-family="gradient-check"]');
  await expect(hosts).toHaveCount(2);
  for (const host of await hosts.all()) {
    await host.scrollIntoViewIfNeeded();
    await waitReady(host);
    // The live plots mount hidden beside the static result; a flex rule once beat [hidden] and showed both.
    await expect(host.locator('.dp-gc-verdict:visible')).toHaveCount(1);
  }
});
