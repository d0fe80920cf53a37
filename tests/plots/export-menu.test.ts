/** The figure's one download menu: both data formats for every plot, and the keyboard path through it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allPlots } from './all-plots';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** Stubs the object-URL download and returns the blobs it was given, with their file names. */
function captureDownloads(): Array<{ blob: Blob; name: string }> {
  const saved: Array<{ blob: Blob; name: string }> = [];
  let pending: Blob | undefined;
  URL.createObjectURL = (blob: Blob) => {
    pending = blob;
    return 'blob:test';
  };
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) saved.push({ blob: pending, name: this.download });
    pending = undefined;
  });
  return saved;
}

const key = (target: Element, name: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

describe('the download menu', { timeout: 120_000 }, () => {
  it('every plot downloads its data both as CSV and as JSON', async () => {
    const saved = captureDownloads();
    for (const [name, plot] of allPlots()) {
      for (const format of ['csv', 'json']) {
        saved.length = 0;
        plot.element.querySelector<HTMLButtonElement>(`[data-export="${format}"]`)!.click();
        expect(saved.map((file) => file.name.split('.').pop()), name).toEqual([format]);
        const text = await saved[0]!.blob.text();
        if (format === 'json') expect(() => JSON.parse(text), name).not.toThrow();
        else expect(text.split('\r\n')[0]!.length, name).toBeGreaterThan(0);
      }
    }
  });

  it('opens on its button, moves with the arrows, closes on Escape with focus back on the button', () => {
    const [, plot] = allPlots()[0]!;
    const button = plot.element.querySelector<HTMLButtonElement>('.dp-plot__menu-button')!;
    const list = document.getElementById(button.getAttribute('aria-controls')!)!;
    const items = [...list.querySelectorAll<HTMLButtonElement>('button')];
    expect(list.hidden).toBe(true);
    button.click();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(list.hidden).toBe(false);
    expect(document.activeElement).toBe(items[0]);
    key(items[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    key(items[1]!, 'End');
    expect(document.activeElement).toBe(items[3]);
    key(items[3]!, 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    key(items[0]!, 'ArrowUp');
    expect(document.activeElement).toBe(items[3]);
    key(items[3]!, 'Escape');
    expect(list.hidden).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes after a choice and on a click elsewhere', () => {
    captureDownloads();
    const [, plot] = allPlots()[0]!;
    const button = plot.element.querySelector<HTMLButtonElement>('.dp-plot__menu-button')!;
    const list = document.getElementById(button.getAttribute('aria-controls')!)!;
    button.click();
    list.querySelector<HTMLButtonElement>('[data-export="csv"]')!.click();
    expect(list.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
    button.click();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(list.hidden).toBe(true);
  });
});
