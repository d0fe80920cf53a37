/** Helpers for the widget e2e tests: find a widget on the Lab, drive it, read what it exposes. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { WidgetStrings } from '../../src/i18n/widgets-schema';

const read = (lang: string) => (JSON.parse(readFileSync(`src/i18n/${lang}.json`, 'utf8')) as { widgets: WidgetStrings }).widgets;
export const widgetStrings: Record<'pt' | 'ru' | 'zh', WidgetStrings> = { pt: read('pt'), ru: read('ru'), zh: read('zh') };

/** Every Lab widget (permalink id, a preset that trains quickly, whether it trains; what a static one exposes). */
export const labWidgets = [
  { id: 'fit', preset: 'relu-neurons', trains: true },
  { id: 'grad', preset: 'deep-relu-he', trains: true },
  { id: 'lr', preset: 'too-small-vs-too-large', trains: true },
  { id: 'act', preset: 'default', trains: false, shows: 'curves' },
  { id: 'fb', preset: 'default', trains: true },
  { id: 'bv', preset: 'epochs', trains: true },
  { id: 'recipe', preset: 'input-independent-baseline', trains: true },
  { id: 'search', preset: 'random-vs-grid', trains: true },
  { id: 'surface', preset: 'optimizers', trains: true },
  { id: 'digits', preset: 'output-width', trains: true },
  { id: 'graph', preset: 'digits-mlp', trains: false, shows: 'param-total' },
] as const;

/** A Lab URL whose hash sets each listed widget (backend and speed included). */
export function labUrl(lang: string, entries: Record<string, string>): string {
  const hash = Object.entries(entries).map(([id, payload]) => `${id}=${payload}`).join('&');
  return `/${lang}/lab/${hash ? `#${hash}` : ''}`;
}

export function widget(page: Page, id: string): Locator {
  return page.locator(`dp-widget#${id}`);
}

export async function waitReady(host: Locator): Promise<void> {
  await host.scrollIntoViewIfNeeded();
  await expect(host).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

export async function lossHistory(host: Locator): Promise<number[]> {
  const raw = await host.getAttribute('data-loss-history');
  return raw ? (JSON.parse(raw) as number[]) : [];
}

/** Waits until the widget reported at least `count` losses. */
export async function waitForLosses(host: Locator, count: number, timeout = 60_000): Promise<number[]> {
  await expect.poll(async () => (await lossHistory(host)).length, { timeout }).toBeGreaterThanOrEqual(count);
  return lossHistory(host);
}

/** A fingerprint of everything drawn in the widget's SVGs (paths and marks), to see that a plot changed. */
export async function plotSignature(host: Locator): Promise<string> {
  return host.evaluate((element) =>
    [...element.querySelectorAll('svg path, svg circle, svg use, td')]
      .map((node) => node.getAttribute('d') ?? node.getAttribute('cx') ?? node.textContent ?? '')
      .join('|'),
  );
}
