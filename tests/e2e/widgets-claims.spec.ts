/**
 * What each preset claims, checked on the numbers the widgets expose (data-* attributes), in a real Chromium.
 * Runs at full speed on the cpu backend (E2E_WIDGET_BACKEND=wasm to compare).
 */
import { test, expect } from './fixtures';
import { labUrl, waitReady, widget } from './widgets-helpers';

const backend = process.env.E2E_WIDGET_BACKEND ?? 'cpu';

async function runToEnd(page: import('@playwright/test').Page, id: string, preset: string, seed = 1): Promise<Record<string, string>> {
  await page.goto(labUrl('pt', { [id]: `preset:${preset},seed:${seed},backend:${backend},speed:fast` }));
  const host = widget(page, id);
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  return host.evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Record<string, string>);
}

const json = (value: string | undefined) => JSON.parse(value ?? 'null') as Record<string, number | null>;

test.describe('preset claims', () => {
  test.setTimeout(180_000);

  test('sgd-vs-momentum: momentum ends below SGD at the same rate and below SGD at the ten-times rate', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'sgd-vs-momentum')).finalLosses);
    expect(finals.momentum ?? Infinity).toBeLessThan(finals.sgd ?? 0);
    // SGD at η/(1 − μ) may diverge (null): momentum still ends below it.
    expect(finals.momentum ?? Infinity).toBeLessThan(finals.sgdLarge ?? Infinity);
  });

  test('plateaus-ceiling: 32 units end well below 8 on the plateau target', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'plateaus-ceiling')).finalLosses);
    expect(finals['32'] ?? Infinity).toBeLessThan((finals['8'] ?? 0) / 3);
  });

  test('tanh-initializers: he_normal beats glorot_normal and zeros, which stays stuck', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'tanh-initializers')).finalLosses);
    expect(finals.he_normal ?? Infinity).toBeLessThan((finals.zeros ?? 0) / 5);
    expect(finals.he_normal ?? Infinity).toBeLessThan(finals.glorot_normal ?? 0);
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

  test('relu-neurons vs five-linear-neurons: ReLU bends the line and fits the curve better', async ({ page }) => {
    const linear = json((await runToEnd(page, 'fit', 'five-linear-neurons')).finalLosses);
    const relu = json((await runToEnd(page, 'fit', 'relu-neurons')).finalLosses);
    expect(relu.fit ?? Infinity).toBeLessThan((linear.fit ?? 0) / 2);
  });

  test('two-hidden-layers: at 97 parameters each, one layer of 32 ends below two layers of 8', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'two-hidden-layers')).finalLosses);
    expect(finals.oneLayer ?? Infinity).toBeLessThan(finals.twoLayers ?? 0);
  });

  test('tanh-vs-relu: tanh ends below ReLU on the plateau target', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'tanh-vs-relu')).finalLosses);
    expect(finals.tanh ?? Infinity).toBeLessThan(finals.relu ?? 0);
  });

  test('width-sweep: wider helps at first, then the curve flattens', async ({ page }) => {
    const finals = json((await runToEnd(page, 'fit', 'width-sweep')).finalLosses);
    const at = (width: number) => finals[String(width)] ?? Infinity;
    expect(at(1)).toBeGreaterThan(5 * at(8));
    // Past 8 units, no width is five times better than 8.
    expect(Math.min(at(16), at(32), at(64))).toBeGreaterThan(at(8) / 5);
  });

  test('too-small-vs-too-large: the largest rate diverges, a middle rate beats the smallest (U shape)', async ({ page }) => {
    const finals = json((await runToEnd(page, 'lr', 'too-small-vs-too-large')).finalLosses);
    const rates = Object.keys(finals).map(Number).sort((a, b) => a - b);
    const value = (rate: number) => finals[String(rate)] ?? finals[rates.find((r) => r === rate)!.toString()];
    expect(value(rates.at(-1)!)).toBeNull();
    const smallest = value(rates[0]!) ?? Infinity;
    const best = Math.min(...rates.map((rate) => value(rate) ?? Infinity));
    expect(best).toBeLessThan(smallest / 5);
    // The right arm: 0.2 still trains (a curve the reader sees) but ends above the best rate.
    expect(value(0.2)).not.toBeNull();
    expect(value(0.2)!).toBeGreaterThan(best);
  });

  test('range-test: a learning rate is suggested inside the swept range', async ({ page }) => {
    const suggested = Number((await runToEnd(page, 'lr', 'range-test')).suggestedLr);
    expect(suggested).toBeGreaterThan(1e-5);
    expect(suggested).toBeLessThan(1);
  });

  test('bias-variance over epochs: high bias early, high variance late', async ({ page }) => {
    const rows = JSON.parse((await runToEnd(page, 'bv', 'epochs')).decomposition ?? '[]') as { bias2: number; variance: number }[];
    expect(rows.length).toBeGreaterThan(2);
    const first = rows[0]!;
    const last = rows.at(-1)!;
    // Early on bias² dominates; at the end variance does, and it has grown back from its low point
    // (every member starts from the same weights; the first rows carry the early jump as each reacts to its sample).
    expect(first.bias2).toBeGreaterThan(first.variance);
    expect(last.variance).toBeGreaterThan(last.bias2);
    expect(last.bias2).toBeLessThan(first.bias2 / 5);
    expect(last.variance).toBeGreaterThan(1.2 * Math.min(...rows.map((row) => row.variance)));
  });

  test('square-area: the learned area is within 5 % of d²/2 on [0.5, 3] and departs from it at d = 4 (seed 1: 2.6 %, 5.94)', async ({ page }) => {
    const data = await runToEnd(page, 'program', 'square-area');
    expect(Number(data.relativeError)).toBeLessThan(0.05);
    expect(Math.abs(Number(data.outsideValue) - 8)).toBeGreaterThan(0.8);
  });

  test('bad-init: the loss barely moves and the gradient does not reach the first layer', async ({ page }) => {
    const data = await runToEnd(page, 'grad', 'bad-init');
    const history = JSON.parse(data.lossHistory ?? '[]') as number[];
    expect(Number(data.loss)).toBeGreaterThan(0.8 * (history[0] ?? Infinity));
    expect(Number(data.gradientRatio)).toBeLessThan(1e-6);
  });
});

/** DigitsExperiment (docs/seven-tips/outline.md T1–T6): each claim on the preset's default seeds, from `data-*`. */
test.describe('digits presets', () => {
  test.setTimeout(180_000);
  type Arms = Record<string, (number | null)[]>;
  const arms = (value: string | undefined) => JSON.parse(value ?? '{}') as Arms;
  /** Mean over seeds, a diverged seed counting as 0. */
  const average = (values: (number | null)[] | undefined) => (values ?? []).reduce<number>((sum, v) => sum + (v ?? 0), 0) / (values?.length || 1);

  test('pretrained-vs-random: on 100 new digits the pretrained start ends 20+ points above random init', async ({ page }) => {
    const finals = arms((await runToEnd(page, 'digits', 'pretrained-vs-random', 2)).finalAccuracies);
    expect(average(finals.pretrained)).toBeGreaterThan(average(finals.random) + 0.2);
  });

  test('finetune-rates: after 3 steps at 1e-1 every seed is 20+ points below the start; at 1e-4 none moved', async ({ page }) => {
    const data = await runToEnd(page, 'digits', 'finetune-rates', 2);
    const start = Number(data.startAccuracy);
    const early = arms(data.earlyAccuracies);
    for (const value of early['0.1'] ?? [null]) expect(value ?? 0).toBeLessThan(start - 0.2);
    for (const value of early['0.0001'] ?? [null]) expect(value ?? 0).toBeGreaterThanOrEqual(start - 0.02);
  });

  test('dropout-by-size: dropout 0.5 costs the 16-unit net more than the 128-unit net', async ({ page }) => {
    const finals = arms((await runToEnd(page, 'digits', 'dropout-by-size')).finalAccuracies);
    const cost = (units: number) => average(finals[`${units}/0`]) - average(finals[`${units}/0.5`]);
    expect(cost(16)).toBeGreaterThan(0.04);
    expect(cost(16)).toBeGreaterThan(cost(128));
  });

  test('max-norm: at a rate too large max-norm holds every unit at norm 5, the free weights grow past it, neither arm trains', async ({ page }) => {
    const data = await runToEnd(page, 'digits', 'max-norm');
    const host = page.locator('dp-widget#digits');
    // The largest unit norms come from the final weights, asked for at the last step.
    await expect(host).toHaveAttribute('data-max-unit-norms', /"5":/);
    const norms = arms((await host.getAttribute('data-max-unit-norms')) ?? '{}');
    for (const value of norms['5'] ?? [null]) expect(value ?? Infinity).toBeLessThanOrEqual(5.001);
    for (const value of norms['0'] ?? [null]) expect(value ?? 0).toBeGreaterThan(5);
    // The norm plot draws that quantity at every event: the capped arm never above 5 in either hidden layer, the
    // free arm past it by the end; the cap itself is drawn as a guide line.
    const curves = JSON.parse((await host.getAttribute('data-unit-norm-curves')) ?? '{}') as Record<string, Record<string, (number | null)[]>>;
    for (const layer of ['relu128', 'tanh128']) {
      const capped = curves['5']?.[layer] ?? [];
      expect(capped.length).toBeGreaterThan(5);
      for (const value of capped) expect(value ?? Infinity).toBeLessThanOrEqual(5.001);
    }
    expect(Math.max(...['relu128', 'tanh128'].map((layer) => curves['0']?.[layer]?.at(-1) ?? 0))).toBeGreaterThan(5);
    await expect(host.locator('.dp-plot__guide')).not.toHaveCount(0);
    const finals = arms(data.finalAccuracies);
    expect(average(finals['0'])).toBeLessThan(0.3);
    expect(average(finals['5'])).toBeLessThan(0.3);
  });

  test('frozen-layers: on even/odd every arm lands within 12 points, and the weight tiles show before and after', async ({ page }) => {
    const finals = arms((await runToEnd(page, 'digits', 'frozen-layers', 2)).finalAccuracies);
    const all = ['scratch', 'frozen', 'free'].flatMap((arm) => finals[arm] ?? []).map((value) => value ?? 0);
    expect(all).toHaveLength(15);
    expect(Math.max(...all) - Math.min(...all)).toBeLessThan(0.12);
    await expect(page.locator('dp-widget#digits .dp-plot--weight-tiles image')).toHaveCount(6);
  });

  test('output-width: 14 outputs instead of 10 differ by less than the seed-to-seed spread', async ({ page }) => {
    const data = await runToEnd(page, 'digits', 'output-width');
    expect(Math.abs(Number(data.meanDifference))).toBeLessThan(Math.max(Number(data.seedSpread), 0.01));
  });
});
