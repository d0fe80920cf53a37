/**
 * Exercises in lessons, in real Chromium: choice with feedback, locale-aware numeric answers, a prediction
 * that unlocks its widget, an experiment task checked from the widget's run, progress that survives a
 * reload and a corrupt record, in pt, ru and zh, with 0 axe violations at phone width in both themes.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, setTheme } from './fixtures';
import { languageCodes } from '../../src/i18n/language-list.mjs';

/** Starts a widget once it has mounted (its toolbar's play button). */
async function play(host: Locator): Promise<void> {
  await host.scrollIntoViewIfNeeded();
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await host.locator('[data-action="play"]').click();
}

/** axe on the exercises only (lesson formulas are the lesson pages' own tests). */
async function exerciseViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dp-exercise').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')})`);
}

const strings = (lang: string) => JSON.parse(readFileSync(`src/i18n/teach/${lang}.json`, 'utf8'));
const lesson = (lang: string, slug: string, hash = '') => `/${lang}/how-networks-learn/${slug}/?backend=cpu${hash}`;

test('choice: feedback per answer, solution after an attempt, progress survives a reload', async ({ page }) => {
  const t = strings('pt').exercises;
  await page.goto(lesson('pt', 'one-neuron'));
  const exercise = page.locator('dp-exercise[data-id="relu-kinks"]');
  await expect(exercise).toHaveAttribute('data-upgraded', 'true');
  await expect(exercise.locator('details.dp-solution')).toBeHidden();
  await exercise.getByRole('radio', { name: /Dez/ }).check();
  await exercise.getByRole('button', { name: t.check }).click();
  await expect(exercise.locator('.dp-exercise-message')).toHaveText(t.incorrect);
  await expect(exercise.locator('.dp-feedback[data-for="ten"]')).toBeVisible();
  await expect(exercise.locator('details.dp-solution')).toBeVisible();
  await exercise.getByRole('radio', { name: /Cinco/ }).check();
  await exercise.getByRole('button', { name: t.check }).click();
  await expect(exercise.locator('.dp-exercise-message')).toHaveText(t.correct);
  await expect(exercise.locator('.dp-feedback[data-for="ten"]')).toBeHidden();
  await page.reload();
  await expect(page.locator('dp-exercise[data-id="relu-kinks"] .dp-exercise-status')).toHaveText(t.status.solved);
});

for (const [lang, typed] of [['pt', '-0,2438'], ['ru', '−0,244'], ['zh', '-0.2438']] as const) {
  test(`numeric (${lang}): "${typed}" is right, garbage gets a localized message`, async ({ page }) => {
    const t = strings(lang).exercises;
    await page.goto(lesson(lang, 'what-training-is'));
    const exercise = page.locator('dp-exercise[data-id="forward-output"]');
    const input = exercise.getByLabel(t.answerLabel);
    await input.fill('abc');
    await input.press('Enter');
    await expect(exercise.locator('.dp-exercise-message')).toHaveText(t.notANumber.replace('{value}', 'abc'));
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill(typed);
    await exercise.getByRole('button', { name: t.check }).click();
    await expect(exercise.locator('.dp-exercise-message')).toHaveText(t.correct);
  });
}

test('predict-then-run: the widget stays locked until the prediction is committed, then the result shows', async ({ page }) => {
  const t = strings('ru').exercises;
  await page.goto(lesson('ru', 'one-neuron', '#ex-fit-linear-stack=preset:five-linear-neurons,seed:1,speed:fast'));
  const exercise = page.locator('dp-exercise[data-id="linear-stack"]');
  const figure = exercise.locator('figure.dp-widget');
  await expect(figure).toHaveAttribute('inert', '');
  // The pre-rendered result would give the answer away: hidden until the prediction is committed.
  await expect(figure.locator('.dp-result')).toBeHidden();
  await exercise.getByRole('radio', { name: 'Прямая.' }).check();
  await exercise.getByRole('button', { name: t.commit }).click();
  await expect(figure).not.toHaveAttribute('inert', '');
  await expect(figure.locator('.dp-result')).toBeVisible();
  await play(exercise.locator('dp-widget'));
  await expect(exercise.locator('.dp-exercise-message')).toContainText(t.predictionRight, { timeout: 60_000 });
  await expect(exercise.locator('.dp-exercise-message')).toContainText(t.result.split('{')[0]!.trim());
});

test('chapter 5: each prediction sits in the text before its experiment, the only copy of that experiment, locked until committed', async ({ page }) => {
  for (const [lang, slug, id, preset] of [
    ['pt', 'borrow-wisely', 'finetune-large-rate', 'finetune-rates'],
    ['zh', 'regularize-and-constrain', 'dropout-small-net', 'dropout-by-size'],
    ['ru', 'look-inside', 'output-width-predict', 'output-width'],
  ] as const) {
    await page.goto(`/${lang}/seven-tips/${slug}/?backend=cpu`);
    const exercise = page.locator(`dp-exercise[data-id="${id}"]`);
    // The lesson shows the experiment once, inside the exercise: no unlocked copy elsewhere reveals the answer.
    await expect(page.locator(`dp-widget[data-preset="${preset}"]`)).toHaveCount(1);
    await expect(exercise.locator('figure.dp-widget')).toHaveAttribute('inert', '');
    await expect(exercise.locator('figure.dp-widget .dp-result')).toBeHidden();
    // The first exercise on the page, in the text: prose before it (the setup) and after it (the answer).
    const placement = await exercise.evaluate((node) => ({
      first: document.querySelector('dp-exercise') === node,
      previous: node.previousElementSibling?.tagName,
      next: node.nextElementSibling?.tagName,
    }));
    expect(placement, `${lang} ${id}`).toEqual({ first: true, previous: 'P', next: 'P' });
    if (lang !== 'ru') {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await exercise.scrollIntoViewIfNeeded();
        await exercise.screenshot({ path: `test-results/ch5-predict-${lang}-${id}-${width}.png` });
      }
    }
  }
});

test('experiment task: a learning rate that diverges solves it, a stable one does not', async ({ page }) => {
  const t = strings('zh').exercises;
  await page.goto(lesson('zh', 'one-neuron', '#ex-fit-diverge=preset:one-neuron-line,seed:1,speed:fast'));
  const exercise = page.locator('dp-exercise[data-id="sgd-diverges"]');
  const host = exercise.locator('dp-widget');
  await play(host);
  await expect(exercise.locator('.dp-exercise-message')).toContainText(t.notYet.split('：')[0]!, { timeout: 60_000 });
  // The learning-rate slider moves in quarter decades: 0 is a rate of 1.
  await host.locator('input[name="lr"]').fill('0');
  await host.locator('input[name="lr"]').dispatchEvent('change');
  await host.locator('[data-action="play"]').click();
  await expect(exercise.locator('.dp-exercise-message')).toContainText(t.solved.split('：')[0]!, { timeout: 60_000 });
  await expect(exercise.locator('.dp-exercise-status')).toHaveText(t.status.solved);
});

test('a corrupt progress record is dropped with a localized notice and the page keeps working', async ({ page }) => {
  await page.goto(lesson('ru', 'bias-variance'));
  await page.evaluate(() => localStorage.setItem('deep-practice:progress', '{"version":1,"lessons":{"x/y":{"readAt":"never"}}'));
  await page.reload();
  await expect(page.locator('.dp-progress-notice').first()).toHaveText(strings('ru').progress.dropped);
  const exercise = page.locator('dp-exercise[data-id="noise-term"]');
  await exercise.getByLabel(strings('ru').exercises.answerLabel).fill('0,09');
  await exercise.getByRole('button', { name: strings('ru').exercises.check }).click();
  await expect(exercise.locator('.dp-exercise-message')).toHaveText(strings('ru').exercises.correct);
});

for (const lang of languageCodes) {
  for (const theme of ['light', 'dark'] as const) {
    test(`exercises (${lang}, ${theme}, 390 px): 0 axe violations after an attempt`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(lesson(lang, 'bias-variance'));
      await setTheme(page, theme);
      const t = strings(lang).exercises;
      const noiseFloor = page.locator('dp-exercise[data-id="noise-floor"]');
      await noiseFloor.locator('input[type="radio"]').first().check();
      await noiseFloor.getByRole('button', { name: t.check }).click();
      await noiseFloor.locator('details.dp-solution summary').click();
      // The diagnosis exercise carries a table of losses; its first option (A bias, B variance) is the right one.
      const diagnosis = page.locator('dp-exercise[data-id="bias-or-variance"]');
      await expect(diagnosis.locator('table tbody tr')).toHaveCount(2);
      await diagnosis.locator('input[type="radio"]').first().check();
      await diagnosis.getByRole('button', { name: t.check }).click();
      await expect(diagnosis.locator('.dp-exercise-message')).toHaveText(t.correct);
      await diagnosis.locator('details.dp-solution summary').click();
      expect(await exerciseViolations(page)).toEqual([]);
    });
  }
}
