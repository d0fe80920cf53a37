/** Helpers for the widget e2e tests: find a widget on the Lab, drive it, read what it exposes. */
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { WidgetStrings } from '../../src/i18n/widgets-schema';
import { registry } from '../../src/widgets/registry';
import { languageCodes } from '../../src/i18n/language-list.mjs';
import type { Lang } from '../../src/i18n/languages';

const read = (lang: string) => (JSON.parse(readFileSync(`src/i18n/${lang}.json`, 'utf8')) as { widgets: WidgetStrings }).widgets;
export const widgetStrings = Object.fromEntries(languageCodes.map((lang) => [lang, read(lang)])) as Record<Lang, WidgetStrings>;

/** What a static (non-training) widget exposes to tests, when not `data-curves`. */
const staticExposes: Partial<Record<string, string>> = { graph: 'param-total', compute: 'paths', gradcheck: 'max-relative-error' };
/** Static widgets with no plot until the reader acts (a benchmark shows no number before its run). */
const noPlotUntilRun = new Set(['compute']);

/** Every Lab widget (permalink id, a preset that shows its effect quickly, whether it trains; what a static one exposes). */
export const labWidgets = registry.map(({ short, testPreset, definition }) => ({
  id: short,
  preset: testPreset,
  trains: definition.trains,
  /** Evaluates a network without training it (no loss history): its run ends on the pre-rendered numbers. */
  probes: definition.probes === true,
  shows: staticExposes[short] ?? 'curves',
  plotsAtOnce: !noPlotUntilRun.has(short),
}));

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
