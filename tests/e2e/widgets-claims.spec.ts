/**
 * What each preset claims, checked on the numbers the widgets expose (data-* attributes), in a real Chromium.
 * Runs at full speed on the cpu backend (E2E_WIDGET_BACKEND=wasm to compare).
 */
import { test, expect } from './fixtures';
import { labUrl, waitReady, widget } from './widgets-helpers';

const backend = process.env.E2E_WIDGET_BACKEND ?? 'cpu';

async function runToEnd(page: import('@playwright/test').Page, id: string, preset: string): Promise<Record<string, string>> {
  await page.goto(labUrl('pt', { [id]: `preset:${preset},seed:1,backend:${backend},speed:fast` }));
  const host = widget(page, id);
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  return host.evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Record<string, string>);
}

const json = (value: string | undefined) => JSON.parse(value ?? 'null') as Record<string, number | null>;

test.describe('preset claims', () => {
  test.setTimeout(180_000);

  test('sgd-vs-momentum: momentum reaches a lower loss than SGD at the same seed', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'sgd-vs-momentum')).finalLosses);
    expect(finals.momentum ?? Infinity).toBeLessThan(finals.sgd ?? 0);
  });

  test('tanh-initializers: he_normal beats zeros, which stays stuck', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'tanh-initializers')).finalLosses);
    expect(finals.he_normal ?? Infinity).toBeLessThan((finals.zeros ?? 0) / 5);
  });

  test('extrapolation: the fit is flat far outside [-3, 3]', async ({ page }) => {
    const data = await runToEnd(page, 'fit', 'extrapolation');
    expect(Number(data.outsideSlope)).toBeLessThan(Number(data.insideSlope) / 2);
  });

  test('one-neuron-line: learns w = 0.5 and b = 1', async ({ page }) => {
    const data = await runToEnd(page, 'fit', 'one-neuron-line');
    expect(Number(data.w)).toBeCloseTo(0.5, 2);
    expect(Number(data.b)).toBeCloseTo(1, 2);
  });

  test('overfit-one-batch: the batch loss goes below 1e-3', async ({ page }) => {
    expect(Number((await runToEnd(page, 'recipe', 'overfit-one-batch')).finalLoss)).toBeLessThan(1e-3);
  });

  test('input-independent-baseline: real inputs beat zeroed inputs', async ({ page }) => {
    const finals = json((await runToEnd(page, 'recipe', 'input-independent-baseline')).finalLosses);
    expect(finals.real ?? Infinity).toBeLessThan((finals.zeroed ?? 0) / 5);
  });

  test('final-layer-bias: the bias at the target mean removes the hockey stick', async ({ page }) => {
    const initial = json((await runToEnd(page, 'recipe', 'final-layer-bias')).initialLosses);
    expect(initial.meanBias ?? Infinity).toBeLessThan((initial.defaultBias ?? 0) / 5);
  });

  test('random-vs-grid: random search finds a better learning rate than the grid', async ({ page }) => {
    const data = await runToEnd(page, 'search', 'random-vs-grid');
    expect(Number(data.bestRandom)).toBeLessThan(Number(data.bestGrid));
  });

  test('deep-sigmoid vs deep-relu-he: the gradient vanishes with sigmoid, not with ReLU + He', async ({ page }) => {
    const sigmoid = Number((await runToEnd(page, 'grad', 'deep-sigmoid')).gradientRatio);
    const relu = Number((await runToEnd(page, 'grad', 'deep-relu-he')).gradientRatio);
    expect(sigmoid).toBeLessThan(1e-3);
    expect(relu).toBeGreaterThan(0.05);
  });
});
