/**
 * DebugLab (chapter 4's debugging lab) on the Lab page, in pt: the pre-rendered case answers the picker (right,
 * wrong with what the pick would have looked like) while nothing on the page or in its link names the hidden bug;
 * «predict again» tells two predictions apart only when dropout stays on at inference (one live run per case on
 * wasm, seconds each). The engine checks of every bug's signature are tests/claims/project-lifecycle-lab.test.ts.
 */
import { FAULT_KEYS, type FaultKey } from '../../src/engine/faults';
import { BUG_CASES, caseBug } from '../../src/widgets/debug-lab/cases';
import { test, expect, axeViolations } from './fixtures';
import { labUrl, waitReady, widget, widgetStrings } from './widgets-helpers';

const t = widgetStrings.pt;
const names = FAULT_KEYS.map((key) => t.debugLab.bugs[key].name);

/** Everything a reader can read on the page and in its address, except the picker's list (the same for every case). */
async function readable(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const picker = document.querySelector<HTMLElement>('.dp-debug-picker');
    if (picker) picker.hidden = true;
    const text = `${document.title}\n${document.body.innerText}\n${location.href}`;
    if (picker) picker.hidden = false;
    return text;
  });
}

function expectNoBugNamed(text: string): void {
  for (const name of names) expect(text).not.toContain(name);
  for (const key of FAULT_KEYS) expect(text).not.toContain(key);
}

async function pick(host: import('@playwright/test').Locator, key: FaultKey): Promise<void> {
  await host.getByRole('radio', { name: t.debugLab.bugs[key].name }).check();
  await host.getByRole('button', { name: t.debugLab.check }).click();
}

test('the pre-rendered case: right and wrong verdicts, and nothing on the page or in a link names the bug', async ({ page }) => {
  await page.goto('/pt/lab/#debuglab=preset:random-case');
  const host = widget(page, 'debuglab');
  await waitReady(host);
  await expect(host.locator('.dp-result svg').first()).toBeAttached();
  const hidden = caseBug(1);
  expectNoBugNamed(await readable(page));
  const verdict = host.locator('.dp-debug-verdict');
  const wrong = FAULT_KEYS.find((key) => key !== hidden)!;
  await pick(host, wrong);
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  await expect(verdict).toContainText(t.debugLab.bugs[hidden].explain);
  await expect(verdict).toContainText(t.debugLab.bugs[wrong].looks);
  await pick(host, hidden);
  await expect(verdict).toHaveAttribute('data-verdict', 'right');
  await expect(verdict).toContainText(t.debugLab.bugs[hidden].explain);
  await expect(verdict).not.toContainText(t.debugLab.bugs[wrong].looks);
  expect(await axeViolations(page, '#debuglab')).toEqual([]);

  // An exercise preset: its link names the case number, never the bug.
  await host.locator('select[name="preset"]').selectOption('dropout-at-inference');
  await host.locator('[data-action="copy-link"]').click();
  const link = (await host.getAttribute('data-permalink-url')) ?? '';
  expect(link).toContain(`preset:random-case,seed:1,case:${BUG_CASES['dropout-at-inference']}`);
  expectNoBugNamed(link);
  await expect(host.locator('.dp-debug-verdict')).toBeEmpty();
  expectNoBugNamed(await readable(page));
});

for (const key of ['dropout-at-inference', 'zero-init'] as const) {
  test(`«predict again» ${key === 'dropout-at-inference' ? 'differs' : 'gives the same answers'} (${key}), and the badge names no compute path`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`${labUrl('pt', { debuglab: `preset:random-case,seed:1,case:${BUG_CASES[key]},backend:wasm,speed:fast` })}&run`);
    const host = widget(page, 'debuglab');
    await waitReady(host);
    await expect(host).toHaveAttribute('data-state', 'done', { timeout: 150_000 });
    await expect(host.locator('.dp-badge')).toHaveText(t.backends.wasm);
    expectNoBugNamed(await readable(page));
    await host.locator('[data-action="predict-again"]').click();
    await expect(host).toHaveAttribute('data-predict-difference', /.+/);
    const difference = Number(await host.getAttribute('data-predict-difference'));
    if (key === 'dropout-at-inference') {
      expect(difference).toBeGreaterThan(0.05);
      expect(Number(await host.getAttribute('data-predict-changed'))).toBeGreaterThan(0);
    } else {
      expect(difference).toBe(0);
      await expect(host.locator('.dp-debug-predict')).toHaveText(t.debugLab.predictSame.replace('{digits}', '200'));
    }
  });
}
