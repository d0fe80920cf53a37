/**
 * A diverging member never corrupts the others, on WebGPU too (SwiftShader's software adapter under
 * --enable-unsafe-webgpu). tfjs-backend-webgpu 4.22's batched matMul with inner dimension 1 spreads NaN
 * from one member into member 0; the engine must keep every finite member's numbers as on the CPU, and a
 * run never ends "done" with NaN results. Short runs (10 epochs): software WebGPU is slow.
 */
import { test, expect } from './fixtures';
import { labUrl, waitReady, widget } from './widgets-helpers';

type Dataset = Record<string, string>;

async function runToEnd(page: import('@playwright/test').Page, lang: string, id: string, payload: string): Promise<Dataset> {
  await page.goto(labUrl(lang, { [id]: payload }));
  const host = widget(page, id);
  await waitReady(host);
  await host.locator('[data-action="play"]').click();
  await expect(host).toHaveAttribute('data-state', /^(done|failed)$/, { timeout: 150_000 });
  return host.evaluate((element) => ({ ...(element as HTMLElement).dataset }) as Dataset);
}

/** |a - b| within a relative tolerance (float32 on different backends, 80 steps). */
function close(a: number, b: number, relative = 2e-3): boolean {
  return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + 1e-6;
}

test.describe('WebGPU: divergence stays inside its member', () => {
  test.setTimeout(300_000);

  test('too-small-vs-too-large: the finite members end with the CPU run\'s losses', async ({ page }) => {
    const payload = (backend: string) => `preset:too-small-vs-too-large,seed:1,backend:${backend},speed:fast,epochs:10`;
    const cpu = await runToEnd(page, 'ru', 'lr', payload('cpu'));
    const gpu = await runToEnd(page, 'ru', 'lr', payload('webgpu'));
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.state).toBe('done');
    const cpuFinals = JSON.parse(cpu.finalLosses ?? '{}') as Record<string, number | null>;
    const gpuFinals = JSON.parse(gpu.finalLosses ?? '{}') as Record<string, number | null>;
    const finite = Object.keys(cpuFinals).filter((rate) => cpuFinals[rate] !== null);
    // The sweep is meaningful only if some members diverge and several do not.
    expect(finite.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(cpuFinals).length - finite.length).toBeGreaterThanOrEqual(1);
    for (const rate of finite) {
      const g = gpuFinals[rate];
      expect(g, `rate ${rate}: finite on CPU, must be finite on WebGPU`).not.toBeNull();
      expect(close(g as number, cpuFinals[rate] as number), `rate ${rate}: WebGPU ${g} vs CPU ${cpuFinals[rate]}`).toBe(true);
    }
  });

  test('random-vs-grid: never ends done with NaN, and finds the CPU run\'s best losses', async ({ page }) => {
    const payload = (backend: string) => `preset:random-vs-grid,seed:1,backend:${backend},speed:fast,epochs:10`;
    const cpu = await runToEnd(page, 'pt', 'search', payload('cpu'));
    const gpu = await runToEnd(page, 'pt', 'search', payload('webgpu'));
    expect(gpu.backend).toBe('webgpu');
    expect(gpu.state).toBe('done');
    for (const key of ['bestGrid', 'bestRandom']) {
      const g = Number(gpu[key]);
      const c = Number(cpu[key]);
      expect(Number.isFinite(g), `${key} on WebGPU: ${gpu[key]}`).toBe(true);
      expect(close(g, c), `${key}: WebGPU ${g} vs CPU ${c}`).toBe(true);
    }
  });
});
