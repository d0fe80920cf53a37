/** The reader controls the run: Run again after the end, Reset vs the preset's defaults, the status line's metric. */
import { test, expect } from './fixtures';
import { labUrl, waitReady, widget, widgetStrings } from './widgets-helpers';

test('after a run ends, Run again trains from step 0; the status line names the best of the population', async ({ page }) => {
  const text = widgetStrings.pt;
  await page.goto(labUrl('pt', { lr: 'preset:too-small-vs-too-large,epochs:10,speed:fast' }));
  const host = widget(page, 'lr');
  await waitReady(host);
  const play = host.locator('[data-action="play"]');
  await play.click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(play).toBeEnabled();
  await expect(play).toHaveText(text.controls.again);
  await expect(host.locator('[data-action="step"]')).toBeDisabled();
  // "melhor de 6 redes": the status line says whose loss it shows; epochs are whole numbers.
  const status = host.locator('.dp-status-numbers');
  await expect(status).toContainText('6 redes');
  expect(await status.textContent()).not.toMatch(/Época \d+,\d/);
  const finals = async () => JSON.parse((await host.getAttribute('data-final-losses')) ?? '{}') as Record<string, number | null>;
  const first = await finals();
  await play.click();
  await expect(host).toHaveAttribute('data-state', /running|loading|done/);
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  // The same run again (within float tolerance: "auto" may pick another backend the second time).
  const again = await finals();
  expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
  for (const [rate, loss] of Object.entries(first)) {
    if (loss === null) expect(again[rate]).toBeNull();
    else expect(Math.abs((again[rate] ?? Number.NaN) - loss)).toBeLessThan(1e-4 * loss + 1e-7);
  }
});

test('Reset keeps the reader\'s settings; the defaults button brings back the preset\'s', async ({ page }) => {
  await page.goto(labUrl('pt', { lr: 'preset:too-small-vs-too-large,epochs:20' }));
  const host = widget(page, 'lr');
  await waitReady(host);
  const epochs = host.getByLabel(widgetStrings.pt.params.epochs);
  await expect(epochs).toHaveValue('20');
  await host.locator('[data-action="reset"]').click();
  await expect(epochs).toHaveValue('20');
  await host.locator('[data-action="defaults"]').click();
  await expect(epochs).toHaveValue('60');
  await expect(page).not.toHaveURL(/epochs:20/);
});

test('the step button says how many optimizer steps a click makes, and makes exactly that many', async ({ page }) => {
  await page.goto(labUrl('ru', { lr: 'preset:too-small-vs-too-large,speed:slow', surface: 'preset:optimizers' }));
  const sweep = widget(page, 'lr');
  await waitReady(sweep);
  const step = sweep.locator('[data-action="step"]');
  // One click is one progress event of the plan: 10 steps here, so the button reads «+10 шагов», not «Один шаг».
  await expect(step).toHaveText('+10 шагов');
  await step.click();
  await expect(sweep).toHaveAttribute('data-step', '10', { timeout: 60_000 });
  await expect(step).toBeEnabled();
  await step.click();
  await expect(sweep).toHaveAttribute('data-step', '20', { timeout: 60_000 });
  // The loss surface moves its walkers one step per click: the button keeps «Один шаг».
  const surface = widget(page, 'surface');
  await waitReady(surface);
  const one = surface.locator('[data-action="step"]');
  await expect(one).toHaveText(widgetStrings.ru.controls.step);
  await one.click();
  await expect(surface).toHaveAttribute('data-step', '1');
});

test('a control that does nothing is disabled with its reason in the page language, and applies again when the state changes', async ({ page }) => {
  const ru = widgetStrings.ru;
  await page.goto(labUrl('ru', { fit: 'preset:one-neuron-line', lr: 'preset:too-small-vs-too-large' }));
  const fit = widget(page, 'fit');
  await waitReady(fit);
  const width = fit.getByLabel(ru.params.width);
  await expect(width).toBeDisabled();
  await expect(width).toHaveAccessibleDescription(ru.inapplicable.noHiddenLayers);
  await expect(fit.getByLabel(ru.params.activation)).toBeDisabled();
  await fit.getByLabel(ru.params.layers).fill('1');
  await expect(width).toBeEnabled();
  await expect(width).not.toHaveAttribute('aria-describedby');
  const sweep = widget(page, 'lr');
  await waitReady(sweep);
  const count = sweep.getByLabel(ru.params.lrCount);
  await expect(count).toHaveAccessibleDescription(ru.inapplicable.listedRates);
  await sweep.getByLabel(ru.params.rates).selectOption('log-range');
  await expect(count).toBeEnabled();
  await expect(page).toHaveURL(/rates:log-range/);
});
