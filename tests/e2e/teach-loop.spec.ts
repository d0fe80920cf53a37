/**
 * The whole teaching loop in real Chromium, in two separate browser contexts: the instructor builds an
 * assignment → the student opens the link, does exercises and an experiment, downloads a report → the
 * instructor imports it (and a hand-edited copy) and sees the experiment verified by replay (✓) and the edit
 * caught (✗). Plus hostile links, phone width, both themes and 0 axe violations.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, axeViolations, setTheme } from './fixtures';
import { languageCodes } from '../../src/i18n/language-list.mjs';

const strings = (lang: string) => JSON.parse(readFileSync(`src/i18n/teach/${lang}.json`, 'utf8'));

/** How far the page's content reaches past the viewport's right edge, in CSS pixels (0: no horizontal overflow). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function buildAssignment(page: Page, lang: string): Promise<string> {
  const t = strings(lang).teach;
  await page.goto(`/${lang}/teach/`);
  await page.locator('input[name="lesson"][value="how-networks-learn/one-neuron"]').check();
  await page.locator('input[name="exercise"][value="relu-kinks"]').check();
  await page.locator('input[name="exercise"][value="forward-output"]').check();
  await page.locator('#setup-source').selectOption('function-fit|relu-neurons');
  await page.getByRole('button', { name: t.addSetup }).click();
  await page.locator('[data-setups] select[data-control="width"]').selectOption('locked');
  await page.locator('[data-setups] select[data-control="init"]').selectOption('hidden');
  await page.locator('#assignment-title').fill('Capítulo 2 — ReLU');
  await page.locator('#assignment-due').fill('2026-12-01');
  await page.locator('#assignment-note').fill('Leiam a lição e rodem o experimento.');
  await page.getByRole('button', { name: t.build }).click();
  const link = await page.locator('[data-link]').getAttribute('href');
  expect(link).toMatch(/\/teach\/assignment\/#a=[A-Za-z0-9_-]+$/);
  await expect(page.locator('[data-qr] svg path')).toHaveAttribute('d', /^M/);
  await expect(page.locator('[data-handout-items] li')).toHaveCount(4);
  return link ?? '';
}

test('instructor → student → report → verified by replay; a tampered copy shows ✗', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const link = await buildAssignment(page, 'pt');
  expect(await axeViolations(page)).toEqual([]);

  // The student, in a separate browser context (own localStorage).
  const studentContext = await browser.newContext({ acceptDownloads: true });
  const student = await studentContext.newPage();
  const t = strings('pt');
  await student.goto(link);
  await expect(student.locator('[data-title]')).toHaveText('Capítulo 2 — ReLU');
  await expect(student.locator('[data-checklist] li')).toHaveCount(4);
  await expect(student.locator('[data-checklist] li[data-done="true"]')).toHaveCount(0);
  // Exercises, in their lessons.
  await student.goto('/pt/how-networks-learn/one-neuron/');
  const choice = student.locator('dp-exercise[data-id="relu-kinks"]');
  await choice.getByRole('radio', { name: /Cinco/ }).check();
  await choice.getByRole('button', { name: t.exercises.check }).click();
  await student.goto('/pt/how-networks-learn/what-training-is/');
  const numeric = student.locator('dp-exercise[data-id="forward-output"]');
  await numeric.getByLabel(t.exercises.answerLabel).fill('-0,2438');
  await numeric.getByRole('button', { name: t.exercises.check }).click();
  await expect(numeric.locator('.dp-exercise-message')).toHaveText(t.exercises.correct);
  // The experiment, on the assignment page, with its locked and hidden controls.
  await student.goto(link);
  const host = student.locator('dp-widget#as-1');
  await host.scrollIntoViewIfNeeded();
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(host.locator('[name="width"]')).toBeDisabled();
  await expect(host.locator('[name="init"]')).toBeHidden();
  await host.locator('select[name="speed"]').selectOption('fast');
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(student.locator('[data-checklist] li[data-done="true"]')).toHaveCount(3);
  await student.locator('#student-name').fill('Ana Souza');
  const [download] = await Promise.all([student.waitForEvent('download'), student.getByRole('button', { name: t.assignment.export }).click()]);
  const report = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
  expect(report.summary[0]).toContain('Ana Souza');
  expect(report.experiments[0].backend).toBe('cpu');
  expect(report.exercises.map((entry: { solved: boolean }) => entry.solved)).toEqual([true, true]);
  await studentContext.close();

  // A hand-edited copy: a better final loss than the run gave, under another name.
  const tampered = structuredClone(report);
  tampered.student = 'Ana (editado)';
  const finals = JSON.parse(tampered.experiments[0].numbers.finalLosses);
  finals.fit = finals.fit / 10;
  tampered.experiments[0].numbers.finalLosses = JSON.stringify(finals);

  await page.locator('#reports-input').setInputFiles([
    { name: 'ana.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) },
    { name: 'ana-editado.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) },
    { name: 'lixo.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"deep-practice-report","version":1,"<img src=x>":1}') },
  ]);
  const honest = page.locator('tr[data-student="Ana Souza"]');
  const edited = page.locator('tr[data-student="Ana (editado)"]');
  await expect(honest.locator('[data-verdict="ok"]')).toHaveCount(1, { timeout: 120_000 });
  await expect(honest.locator('td').nth(0)).toHaveText('2 / 2');
  await expect(honest.locator('td').nth(2)).toHaveText('100%');
  await expect(edited.locator('[data-verdict="bad"]')).toHaveCount(1, { timeout: 120_000 });
  await expect(edited.locator('[data-verdict="bad"]')).toContainText('✗');
  await expect(edited.locator('[data-verdict="bad"]')).toContainText('finalLosses');
  await expect(page.locator('[data-report-problems] li')).toHaveCount(1);
  await expect(page.locator('[data-report-problems] li')).toContainText('lixo.json');
  expect(await axeViolations(page)).toEqual([]);
  // The class table scrolls inside its own container on a phone; the page itself does not.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await horizontalOverflow(page)).toBe(0);
});

test('hostile and malformed links are refused with a message naming the problem, in the reader\'s language', async ({ page }) => {
  for (const [lang, code] of [['ru', '%%%'], ['zh', btoa('{"v":2}')], ['pt', btoa(JSON.stringify({ v: 1, t: '', d: '2026-02-30', n: '', l: ['x/y'], e: ['nope'], w: [['function-fit', 'preset:relu-neurons,lr:5', [], []], ['function-fit', 'preset:relu-neurons', [], ['bogus']]] }))], ['pt', btoa(JSON.stringify({ v: 1, t: '', d: '', n: '', l: [], e: [], w: [['function-fit', 'preset:relu-neurons', [], ['__proto__']]] }))]] as const) {
    await page.goto('about:blank');
    await page.goto(`/${lang}/teach/assignment/#a=${code.replace(/=+$/, '')}`);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    const problems = strings(lang).problems;
    if (lang === 'ru') await expect(alert).toContainText(problems.malformed);
    if (lang === 'zh') await expect(alert).toContainText(problems.version.replace('{value}', '2'));
    if (lang === 'pt' && atob(code).includes('__proto__')) {
      await expect(alert).toContainText(problems.field.replace('{field}', 'w'));
      continue;
    }
    if (lang === 'pt') {
      await expect(alert).toContainText(problems.badControl.replace('{n}', '2').replace('{value}', 'bogus'));
      for (const text of [problems.badDate.replace('{value}', '2026-02-30'), problems.unknownLesson.replace('{value}', 'x/y'), problems.unknownExercise.replace('{value}', 'nope')]) {
        await expect(alert).toContainText(text);
      }
      await expect(alert).toContainText(problems.badSetup.split('{')[0]!);
    }
  }
});

for (const lang of languageCodes) {
  for (const theme of ['light', 'dark'] as const) {
    test(`teach pages (${lang}, ${theme}, 390 px): 0 axe violations, no horizontal overflow; screenshots`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      const link = await buildAssignment(page, lang);
      await setTheme(page, theme);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: `test-results/teach-${lang}-${theme}-390.png`, fullPage: true });
      await page.goto(link);
      await setTheme(page, theme);
      await expect(page.locator('[data-checklist] li')).toHaveCount(4);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: `test-results/assignment-${lang}-${theme}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `test-results/assignment-${lang}-${theme}-1280.png`, fullPage: true });

      // The chapter's teacher notes, reached from the chapter page.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/${lang}/how-networks-learn/`);
      await page.getByRole('link', { name: strings(lang).teach.notesLink }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/teach/how-networks-learn/$`));
      await setTheme(page, theme);
      await expect(page.locator('[data-assignment-link]')).toHaveCount(4);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: `test-results/notes-${lang}-${theme}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `test-results/notes-${lang}-${theme}-1280.png`, fullPage: true });

      // Chapter 5's notes, the same way.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`/${lang}/seven-tips/`);
      await page.getByRole('link', { name: strings(lang).teach.notesLink }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/teach/seven-tips/$`));
      await setTheme(page, theme);
      await expect(page.locator('[data-assignment-link]')).toHaveCount(3);
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.screenshot({ path: `test-results/notes-ch5-${lang}-${theme}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `test-results/notes-ch5-${lang}-${theme}-1280.png`, fullPage: true });
    });
  }

  test(`teacher notes (${lang}): linked from the instructor page; every assignment link opens as a valid assignment`, async ({ page, request }) => {
    await page.goto(`/${lang}/teach/`);
    const listed = page.locator('.teach-notes-list a');
    // Every chapter (1–5) has notes.
    await expect(listed).toHaveCount(5);
    const notes = await listed.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    // No link from the instructor page to notes leads to a missing page.
    for (const href of notes) expect((await request.get(href)).status(), href).toBe(200);
    expect(notes.map((href) => new URL(href).pathname)).toEqual([`/${lang}/teach/practical-tricks/`, `/${lang}/teach/how-networks-learn/`, `/${lang}/teach/deep-learning-myth/`, `/${lang}/teach/project-lifecycle/`, `/${lang}/teach/seven-tips/`]);
    for (const [index, href] of notes.entries()) {
      await page.goto(`/${lang}/teach/`);
      await listed.nth(index).click();
      await expect(page).toHaveURL(href);
      const cards = page.locator('.note-assignment');
      const plans = await cards.evaluateAll((nodes) => nodes.map((node) => ({
        title: node.querySelector('h3')?.textContent ?? '',
        href: node.querySelector<HTMLAnchorElement>('[data-assignment-link]')?.href ?? '',
        items: node.querySelectorAll('li').length,
      })));
      expect(plans).toHaveLength(href.endsWith('/how-networks-learn/') ? 4 : 3);
      for (const plan of plans) {
        await page.goto('about:blank');
        await page.goto(plan.href);
        await expect(page.locator('[data-body]'), plan.title).toBeVisible();
        await expect(page.locator('[data-rejected]')).toBeHidden();
        await expect(page.locator('[data-title]')).toHaveText(plan.title);
        await expect(page.locator('[data-checklist] li')).toHaveCount(plan.items);
      }
    }
  });
}
