/**
 * The engine in a real Chromium page (served from 127.0.0.1, a secure context), through the client API and a
 * module Worker: 50 steps on each of webgpu, webgl, wasm and cpu with falling loss and no console error,
 * and a clean fallback when the browser has no WebGPU adapter. Uses its own bundled harness and server
 * (tests/fixtures/engine), not the site.
 */
import { test, expect, chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHarness } from '../fixtures/engine/build';
import { serve, type StaticServer } from '../fixtures/engine/server';
import { chromiumPath } from '../../playwright.config';

type Event = { type: string; name?: string; reason?: string; step?: number; members?: { trainLoss: number }[]; unavailable?: Record<string, string>; code?: string; message?: string };

let root = '';
let server: StaticServer;

test.beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'engine-e2e-'));
  await buildHarness(root);
  server = await serve(root);
});

test.afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function run(page: Page, query: string, steps = 50, base = server.url): Promise<{ events: Event[]; consoleErrors: string[] }> {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(`${base}/index.html?${query}`);
  const result = await page.evaluate((n) => window.runEngine(n), steps);
  return { events: result.events as Event[], consoleErrors };
}

function losses(events: Event[]): number[] {
  return events.filter((e) => e.type === 'progress').map((e) => (e.members ?? []).reduce((sum, m) => sum + m.trainLoss, 0));
}

for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu'] as const)
  test(`trains 50 steps on ${backend} in a worker with falling loss and no console error`, async ({ page }) => {
    test.setTimeout(180_000); // software WebGPU runs ~10 steps/s
    const { events, consoleErrors } = await run(page, `backend=${backend}`);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    expect(events.find((e) => e.type === 'backend')).toMatchObject({ name: backend, reason: 'forced' });
    const curve = losses(events);
    expect(curve.length).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.type === 'progress').at(-1)?.step).toBe(50);
    expect(curve.at(-1)!).toBeLessThan(curve[0]!);
    expect(consoleErrors).toEqual([]);
  });

test('without a WebGPU adapter the engine falls back cleanly', async () => {
  test.setTimeout(180_000);
  // Headless Chromium without --enable-unsafe-webgpu exposes navigator.gpu but returns no adapter.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    const { events, consoleErrors } = await run(page, 'backend=first');
    const backend = events.find((e) => e.type === 'backend')!;
    expect(backend.name).not.toBe('webgpu');
    expect(backend.reason).toBe('first-available');
    expect(backend.unavailable?.webgpu).toBeDefined();
    const forced = await browser.newPage();
    const second = await run(forced, 'backend=webgpu');
    expect(second.events.find((e) => e.type === 'backend')).toMatchObject({ reason: 'fallback-after-failure', unavailable: { webgpu: 'init_failed' } });
    for (const result of [{ events, consoleErrors }, second]) {
      const curve = losses(result.events);
      expect(curve.at(-1)!).toBeLessThan(curve[0]!);
      expect(result.consoleErrors).toEqual([]);
    }
  } finally {
    await browser.close();
  }
});

test('main-thread fallback (no worker) trains on wasm', async ({ page }) => {
  const { events, consoleErrors } = await run(page, 'backend=wasm&worker=false');
  expect(events.find((e) => e.type === 'backend')).toMatchObject({ name: 'wasm' });
  const curve = losses(events);
  expect(curve.at(-1)!).toBeLessThan(curve[0]!);
  expect(consoleErrors).toEqual([]);
});

test('a lost WebGPU device falls back to the next backend and continues from the last snapshot', async ({ page }) => {
  test.setTimeout(180_000);
  const { events, consoleErrors } = await run(page, 'backend=webgpu&worker=false&loseDeviceAt=20');
  const backends = events.filter((e) => e.type === 'backend');
  expect(backends[0]).toMatchObject({ name: 'webgpu', reason: 'forced' });
  expect(backends[1]).toMatchObject({ name: 'webgl', reason: 'device-lost' });
  const progress = events.filter((e) => e.type === 'progress');
  const lostAt = events.indexOf(backends[1]!);
  const before = progress.filter((e) => events.indexOf(e) < lostAt).at(-1)!;
  const after = progress.filter((e) => events.indexOf(e) > lostAt)[0]!;
  // Training resumed from the last snapshot (taken at every progress event), not from scratch: a restart
  // would report step 10 first. The replayed step gives nearly the same loss on the new backend (the snapshot
  // holds weights, not Adam's moments, which restart there).
  expect(after.step).toBeGreaterThan(10);
  expect(after.step).toBeLessThanOrEqual(before.step! + 10);
  const replayed = progress.find((e) => events.indexOf(e) < lostAt && e.step === after.step);
  if (replayed) expect(Math.abs(losses([after])[0]! - losses([replayed])[0]!)).toBeLessThan(2e-2);
  expect(progress.at(-1)!.step).toBe(50);
  const curve = losses(events);
  expect(curve.at(-1)!).toBeLessThan(curve[0]!);
  expect(consoleErrors.filter((text) => !/device|destroyed|lost/i.test(text))).toEqual([]);
});

test('wasm in a cross-origin-isolated page still runs the single-threaded build', async ({ page }) => {
  const isolated = await serve(root, true);
  const wasmRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
  });
  try {
    const { events, consoleErrors } = await run(page, 'backend=wasm', 50, isolated.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(events.find((e) => e.type === 'backend')).toMatchObject({ name: 'wasm', reason: 'forced' });
    expect(wasmRequests.some((url) => url.includes('threaded'))).toBe(false);
    const curve = losses(events);
    expect(curve.at(-1)!).toBeLessThan(curve[0]!);
    expect(consoleErrors).toEqual([]);
  } finally {
    await isolated.close();
  }
});
