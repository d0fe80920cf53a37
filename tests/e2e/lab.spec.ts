/**
 * The Lab page in each language, in a real Chromium: every widget loads and trains (its plot changes and
 * the loss falls), a permalink reproduces a run, the keyboard alone starts and stops a widget, bad links are
 * rejected with a localized message, one broken widget does not break the others, and axe finds nothing.
 */
import { test, expect, axeViolations, languages, setTheme } from './fixtures';
import { labUrl, labWidgets, lossHistory, plotSignature, waitForLosses, waitReady, widget, widgetStrings } from './widgets-helpers';

// Training tests pin the cpu backend (the widget is under test, not the backend; E2E_WIDGET_BACKEND=wasm to compare).
// The backends themselves are exercised by the tests at the end of this file.
const backend = process.env.E2E_WIDGET_BACKEND ?? 'cpu';
const fast = (preset: string, extra = '') => `preset:${preset},seed:1,backend:${backend},speed:fast${extra}`;

for (const { lang } of languages) {
  test.describe(`Lab in ${lang}`, () => {
    test('every widget loads and trains: new points are drawn and the loss falls', async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(labUrl(lang, Object.fromEntries(labWidgets.map(({ id, preset }) => [id, fast(preset)]))));
      for (const entry of labWidgets) {
        const { id, trains } = entry;
        const host = widget(page, id);
        await waitReady(host);
        if (!trains) {
          if (entry.plotsAtOnce) await expect(host.locator('svg path').first()).toBeAttached();
          // The first draw comes from the render queue (a timer and an animation frame) after the widget is ready.
          await expect.poll(async () => Number(await host.getAttribute(`data-${entry.shows}`)), { message: id }).toBeGreaterThan(0);
          continue;
        }
        if (entry.probes) {
          // Nothing trains: Evaluate runs once and ends on the numbers the pre-render exposed, drawn live.
          const exposed = JSON.parse((await host.locator('.dp-result').getAttribute('data-exposed')) ?? '{}') as Record<string, string>;
          expect(exposed.accuracies, id).toBeTruthy();
          await host.locator('[data-action="play"]').click();
          await expect(host, id).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
          await expect(host.locator('.dp-result')).toHaveCount(0);
          expect(await host.getAttribute('data-accuracies'), id).toBe(exposed.accuracies);
          await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
          continue;
        }
        const before = await plotSignature(host);
        await host.locator('[data-action="play"]').click();
        const losses = await waitForLosses(host, 5);
        await expect.poll(async () => plotSignature(host), { message: `${id} plot changes` }).not.toBe(before);
        const first = losses[0] ?? Number.NaN;
        await expect.poll(async () => {
          const now = await lossHistory(host);
          return Math.min(...now.slice(1));
        }, { message: `${id} loss falls`, timeout: 60_000 }).toBeLessThan(first);
        // Stop it (unless it already finished) so the next widget trains alone.
        if ((await host.getAttribute('data-state')) === 'running') {
          await host.locator('[data-action="play"]').click({ timeout: 10_000 }).catch(async (error: unknown) => {
            // It can finish between the check and the click; a finished widget disables its play button.
            if ((await host.getAttribute('data-state')) !== 'done') throw error;
          });
        }
        await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
      }
    });

    test('a permalink reproduces the same first 20 loss values', async ({ page }) => {
      test.setTimeout(120_000);
      const url = labUrl(lang, { fit: fast('relu-neurons', ',width:8,lr:0.03'), });
      const run = async () => {
        await page.goto('about:blank');
        await page.goto(url);
        const host = widget(page, 'fit');
        await waitReady(host);
        await host.locator('[data-action="play"]').click();
        return (await waitForLosses(host, 20)).slice(0, 20);
      };
      const first = await run();
      const second = await run();
      expect(first).toHaveLength(20);
      second.forEach((value, index) => expect(value, `loss ${index}`).toBeCloseTo(first[index] ?? Number.NaN, 6));
    });

    test('the keyboard alone starts and stops a widget', async ({ page }) => {
      await page.goto(labUrl(lang, { surface: 'preset:optimizers,speed:slow' }));
      const host = widget(page, 'surface');
      await waitReady(host);
      await page.locator('#section-surface .lab-presets a').last().focus();
      const play = host.locator('[data-action="play"]');
      for (let presses = 0; presses < 40; presses += 1) {
        await page.keyboard.press('Tab');
        if (await play.evaluate((element) => element === document.activeElement).catch(() => false)) break;
      }
      await expect(play).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(host).toHaveAttribute('data-state', 'running');
      await waitForLosses(host, 2);
      await page.keyboard.press('Space');
      await expect(host).toHaveAttribute('data-state', 'paused');
      const stopped = (await lossHistory(host)).length;
      await page.waitForTimeout(800);
      expect((await lossHistory(host)).length).toBeLessThanOrEqual(stopped + 1);
    });

    test('a hostile permalink is rejected with a localized message and the defaults are used', async ({ page }) => {
      const hostile = encodeURIComponent('preset:relu-neurons,width:<img src=x onerror=window.__pwned=1>');
      await page.goto(`/${lang}/lab/#fit=${hostile}`);
      const host = widget(page, 'fit');
      await waitReady(host);
      const notice = host.locator('.dp-error[data-kind="notice"]');
      await expect(notice).toBeVisible();
      const prefix = widgetStrings[lang].errors.permalinkRejected.split('{')[0] ?? '';
      await expect(notice).toContainText(prefix.trim());
      await expect(host.locator('img')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(host.locator('select[name="preset"]')).toHaveValue('one-neuron-line');
    });

    test('a widget that fails stays inside its frame, with a retry, and the others keep working', async ({ page, pageGuard }) => {
      pageGuard.allowedConsoleErrors.push(/Failed to load resource|net::ERR_FAILED|worker/i);
      // The engine client cannot be fetched (offline, blocked): the widget must say so and offer a retry.
      await page.route(/\/_astro\/client\.[\w-]+\.js/, (route) => route.abort());
      await page.goto(labUrl(lang, { fit: fast('relu-neurons'), surface: 'preset:optimizers,speed:fast' }));
      const broken = widget(page, 'fit');
      await waitReady(broken);
      await broken.locator('[data-action="play"]').click();
      const error = broken.locator('.dp-error[data-kind="error"]');
      await expect(error).toBeVisible({ timeout: 30_000 });
      await expect(error.getByRole('button', { name: widgetStrings[lang].controls.retry })).toBeVisible();
      const healthy = widget(page, 'surface');
      await waitReady(healthy);
      await healthy.locator('[data-action="play"]').click();
      await waitForLosses(healthy, 5);
    });

    test('no axe violations with every widget loaded, after a run, with a download menu open, in light and dark themes', async ({ page }) => {
      // Two axe passes over every widget's DOM (the dashboard and the lab draw six views each): ~1 min on an idle
      // 2-core machine, over 2 under load. The limit only stops a hung test.
      test.setTimeout(300_000);
      await page.goto(labUrl(lang, { fit: fast('relu-neurons') }));
      for (const { id } of labWidgets) await waitReady(widget(page, id));
      // The live plots (and their download menus) replace the pre-rendered result once a run starts.
      const fit = widget(page, 'fit');
      await fit.locator('[data-action="play"]').click();
      await waitForLosses(fit, 5);
      // The download menu works from the keyboard: Enter opens it on its first item, the arrows move.
      const menuButton = fit.getByRole('button', { name: widgetStrings[lang].plots.common.download }).first();
      await menuButton.focus();
      await page.keyboard.press('Enter');
      await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('ArrowDown');
      await expect(page.locator(':focus')).toHaveText(widgetStrings[lang].plots.common.exportSvg);
      for (const theme of ['light', 'dark'] as const) {
        await setTheme(page, theme);
        expect(await axeViolations(page), theme).toEqual([]);
      }
    });
  });
}

test('stepping (normal speed) and free running (fast) give the same loss values', async ({ page }) => {
  test.setTimeout(120_000);
  const run = async (speed: string) => {
    await page.goto('about:blank');
    await page.goto(labUrl('pt', { fit: `preset:relu-neurons,seed:5,backend:${backend},speed:${speed}` }));
    const host = widget(page, 'fit');
    await waitReady(host);
    await host.locator('[data-action="play"]').click();
    return (await waitForLosses(host, 15)).slice(0, 15);
  };
  const stepped = await run('normal');
  const free = await run('fast');
  free.forEach((value, index) => expect(value, `loss ${index}`).toBeCloseTo(stepped[index] ?? Number.NaN, 6));
});

for (const choice of ['wasm', 'auto'] as const) {
  test(`the ${choice} backend trains a widget and the badge says what runs and why`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(labUrl('pt', { fit: `preset:relu-neurons,seed:1,backend:${choice},speed:fast` }));
    const host = widget(page, 'fit');
    await waitReady(host);
    await host.locator('[data-action="play"]').click();
    await waitForLosses(host, 5);
    const badge = host.locator('.dp-badge');
    await expect(badge).not.toBeEmpty();
    const ran = await host.getAttribute('data-backend');
    if (choice === 'wasm') expect(ran).toBe('wasm');
    else expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(ran);
    // A dense network on a CPU backend trains on dense-wasm (the kernel fetched and run in the worker).
    if (choice === 'wasm') await expect(badge).toHaveAttribute('data-path', 'dense-wasm');
    // auto times dense-wasm against tfjs on every backend: whichever won, the badge names it, and dense-wasm
    // only ever runs under a CPU backend.
    const path = await badge.getAttribute('data-path');
    expect(['dense-wasm', 'tfjs']).toContain(path);
    if (path === 'dense-wasm') expect(['wasm', 'cpu']).toContain(ran);
    await expect(host.locator('.dp-error[data-kind="error"]')).toBeHidden();
  });
}

test('a training widget pauses off screen and resumes when it comes back', async ({ page }) => {
  await page.goto(labUrl('pt', { surface: 'preset:optimizers,speed:slow,steps:1000' }));
  const host = widget(page, 'surface');
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'running');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(host).toHaveAttribute('data-state', 'pausedOffscreen');
  const frozen = (await lossHistory(host)).length;
  await page.waitForTimeout(700);
  expect((await lossHistory(host)).length).toBeLessThanOrEqual(frozen + 1);
  await host.scrollIntoViewIfNeeded();
  await expect(host).toHaveAttribute('data-state', 'running');
});

test('"copy link" captures the whole state, and opening that link restores it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  await page.goto('/ru/lab/');
  const host = widget(page, 'fit');
  await waitReady(host);
  await host.locator('select[name="preset"]').selectOption('tanh-units');
  await host.locator('input[name="seed"]').fill('42');
  await host.locator('input[name="seed"]').press('Enter');
  await host.locator('[data-action="copy-link"]').click();
  await expect(host).toHaveAttribute('data-permalink-url', /#fit=preset:tanh-units,seed:42,v:[0-9a-z]+$/);
  await expect(host.locator('.dp-link-status')).not.toBeEmpty();
  const link = (await host.getAttribute('data-permalink-url')) ?? '';
  await page.goto('about:blank');
  await page.goto(link);
  const restored = widget(page, 'fit');
  await waitReady(restored);
  await expect(restored.locator('select[name="preset"]')).toHaveValue('tanh-units');
  await expect(restored.locator('input[name="seed"]')).toHaveValue('42');
});

test('with reduced motion, nothing plays by itself and a widget still trains on request', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(labUrl('pt', { fit: `preset:relu-neurons,seed:1,backend:${backend},speed:fast` }));
  const host = widget(page, 'fit');
  await waitReady(host);
  await page.waitForTimeout(1000);
  await expect(host).toHaveAttribute('data-state', 'idle');
  expect(await lossHistory(host)).toEqual([]);
  await host.locator('[data-action="play"]').click();
  await waitForLosses(host, 5);
});

test('the model graph shows the engine\'s parameter counts, follows its controls and refuses a bad setting', async ({ page }) => {
  const ru = (count: number) => new Intl.NumberFormat('ru').format(count);
  const counts = async (host: ReturnType<typeof widget>) =>
    (JSON.parse((await host.getAttribute('data-param-counts')) ?? '[]') as { count: number }[]).map((layer) => layer.count);
  const set = (host: ReturnType<typeof widget>, name: string, value: number) =>
    host.locator(`input[name="${name}"]`).evaluate((input: HTMLInputElement, next) => {
      input.value = String(next);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  await page.goto(labUrl('ru', { graph: 'preset:source-net,seed:1' }));
  const host = widget(page, 'graph');
  await waitReady(host);
  const task = page.locator('figure:has(dp-widget#graph) .dp-task');
  expect(await counts(host)).toEqual([100480, 16512, 1290]);
  const boxes = host.locator('.dp-plot__box');
  await expect(boxes).toHaveCount(4);
  for (const [index, count] of [100480, 16512, 1290].entries()) await expect(boxes.nth(index + 1)).toContainText(ru(count));
  await expect(host.locator('.dp-plot__total')).toContainText(ru(118282));
  await expect(task).toContainText(`784 → 128 → 128 → 10; ${ru(118282)}`);

  await set(host, 'layers', 1);
  await expect(host).toHaveAttribute('data-param-total', String(100480 + 1290));
  await expect(boxes).toHaveCount(3);
  await expect(task).toContainText(`784 → 128 → 10; ${ru(101770)}`);
  await set(host, 'frozen', 1);
  await expect(host).toHaveAttribute('data-param-trainable', '1290');
  await expect(host.locator('.dp-plot__box--frozen')).toHaveCount(1);
  await set(host, 'outputs', 14);
  expect(await counts(host)).toEqual([100480, 128 * 14 + 14]);

  await page.goto('about:blank');
  await page.goto(labUrl('ru', { graph: 'preset:digits-mlp,seed:1,hidden:999' }));
  const refused = widget(page, 'graph');
  await waitReady(refused);
  await expect(refused.locator('.dp-error[data-kind="notice"]')).toContainText('от 1 до 256');
  await expect(refused).toHaveAttribute('data-param-total', '25450');
});
