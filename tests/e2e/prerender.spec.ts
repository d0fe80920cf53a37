/**
 * The pre-rendered results: with JavaScript off every lesson shows every experiment finished (a plot with
 * data, the readout), in its language, with no button that would do nothing, and carries the widget strings once; with JavaScript on, Run trains
 * live from step 0 (on the CPU backend, as the build did) and ends on the pre-rendered numbers.
 */
import { readdirSync } from 'node:fs';
import { test, expect, languages } from './fixtures';
import { waitReady, widgetStrings } from './widgets-helpers';

const chapters = readdirSync('src/content/pt', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const lessons = chapters.flatMap((chapter) => readdirSync(`src/content/pt/${chapter}`).map((file) => `${chapter}/${file.replace(/\.mdx$/, '')}`));

/** Marks that carry data: a drawn path (not an axis) with some length, or table cells / circles of a graph. */
function dataMarks(root: Element): number {
  const paths = [...root.querySelectorAll('svg path')].filter((path) => !path.closest('.dp-plot__axis, .dp-plot__legend') && (path.getAttribute('d') ?? '').length > 20);
  return paths.length + root.querySelectorAll('svg circle').length;
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  for (const { lang } of languages) {
    test(`every ${lang} lesson shows every widget's result`, async ({ page }) => {
      for (const lesson of lessons) {
        await page.goto(`/${lang}/${lesson}/`);
        const widgets = page.locator('dp-widget');
        const count = await widgets.count();
        for (let index = 0; index < count; index += 1) {
          const host = widgets.nth(index);
          const id = await host.getAttribute('id');
          if ((await host.getAttribute('data-family')) === 'compute-paths') {
            // A benchmark has no result before the reader's own run: it says what it will measure, and shows no number.
            await expect(host.locator('.dp-benchmark p').first(), `${lang}/${lesson} #${id}: what it will measure`).toContainText('784');
            await expect(host.locator('svg'), `${lang}/${lesson} #${id}: no plot before a run`).toHaveCount(0);
          } else {
            const marks = await host.evaluate(dataMarks);
            expect(marks, `${lang}/${lesson} #${id}: marks with data`).toBeGreaterThan(0);
          }
          await expect(host.locator('button'), `${lang}/${lesson} #${id}: no button without a script`).toHaveCount(0);
        }
        // The widget strings go once per page, however many widgets share them (deeper-networks has 10).
        await expect(page.locator('script[id^="dp-widget-strings-"]'), `${lang}/${lesson}: widget strings blocks`).toHaveCount(count > 0 ? 1 : 0);
        if (count > 0) await expect(page.locator(`script#dp-widget-strings-${lang}[type="application/json"]`)).toHaveCount(1);
      }
      expect(lessons, 'a lesson with many widgets is among those checked').toContain('how-networks-learn/deeper-networks');
    });
  }

  test('the model graph is drawn without a script: boxes, exact counts and the task line in the page language', async ({ page }) => {
    const zh = (count: number) => new Intl.NumberFormat('zh-CN').format(count);
    await page.goto('/zh/lab/');
    const host = page.locator('dp-widget#graph');
    const boxes = host.locator('.dp-plot__box');
    await expect(boxes).toHaveCount(3);
    await expect(boxes.nth(1)).toContainText(`784 · 32 + 32 = ${zh(25120)}`);
    await expect(boxes.nth(2)).toContainText(`32 · 10 + 10 = ${zh(330)}`);
    await expect(host.locator('.dp-plot__total')).toContainText(zh(25450));
    await expect(page.locator('figure:has(dp-widget#graph) .dp-task')).toHaveText(`784 → 32 → 10；${zh(25450)} 个参数`);
    const exposed = JSON.parse((await host.locator('.dp-result').getAttribute('data-exposed')) ?? '{}') as Record<string, string>;
    expect((JSON.parse(exposed['param-counts'] ?? '[]') as { count: number }[]).map((layer) => layer.count)).toEqual([25120, 330]);
  });

  test('the gradient check is drawn without a script: verdict, element table, error curve and task line in the page language', async ({ page }) => {
    await page.goto('/ru/lab/');
    const host = page.locator('dp-widget#gradcheck');
    await expect(host.locator('.dp-gc-verdict')).toHaveText('Проверка пройдена: наибольшая относительная ошибка — 2,4 × 10⁻¹⁰ (в β[2]), меньше 10⁻⁶.');
    await expect(host.locator('.dp-gc-table tbody tr[data-level="pass"]')).toHaveCount(15);
    expect(await host.evaluate(dataMarks), 'the error curve has data').toBeGreaterThan(0);
    await expect(page.locator('figure:has(dp-widget#gradcheck) .dp-task')).toContainText('вход 4 × 3, по одному β на нейрон; h = 10⁻⁵');
  });

  test('the result is in the page language and prints without controls', async ({ page }) => {
    await page.goto('/ru/how-networks-learn/one-neuron/');
    const result = page.locator('dp-widget#fit-relu-neurons .dp-result');
    await expect(result.locator('.dp-result-note')).toHaveText(widgetStrings.ru.result.note);
    await expect(result.locator('.dp-readout')).toContainText(','); // decimal comma
    await page.emulateMedia({ media: 'print' });
    await expect(result.locator('svg').first()).toBeVisible();
  });
});

test('Run trains from step 0 on cpu and ends on the pre-rendered numbers', async ({ page }) => {
  await page.goto('/pt/how-networks-learn/one-neuron/?backend=cpu#fit-relu-neurons=preset:relu-neurons,seed:1,speed:fast');
  const host = page.locator('dp-widget#fit-relu-neurons');
  const exposed = JSON.parse((await host.locator('.dp-result').getAttribute('data-exposed')) ?? '{}') as Record<string, string>;
  const expected = JSON.parse(exposed['final-losses'] ?? '{}') as Record<string, number>;
  expect(Object.keys(expected)).toEqual(['fit']);
  await waitReady(host);
  await expect(host.locator('.dp-result'), 'the result stays until the reader runs').toHaveCount(1);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 80_000 });
  await expect(host.locator('.dp-result')).toHaveCount(0);
  expect(await host.getAttribute('data-backend')).toBe('cpu');
  const history = JSON.parse((await host.getAttribute('data-loss-history')) ?? '[]') as number[];
  expect(history.length).toBeGreaterThan(0);
  const actual = JSON.parse((await host.getAttribute('data-final-losses')) ?? '{}') as Record<string, number>;
  expect(actual.fit).toBeCloseTo(expected.fit ?? Number.NaN, 5);
  expect(Math.abs((actual.fit ?? 0) - (expected.fit ?? 0)) / (expected.fit ?? 1)).toBeLessThan(1e-3);
});
