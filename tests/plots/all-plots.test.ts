import { describe, it, expect, afterEach } from 'vitest';
import axe from 'axe-core';
import { allPlots } from './all-plots';
import { press } from './helpers';

afterEach(() => {
  document.body.replaceChildren();
});

/** A number as Intl writes it in pt-BR (also 10ⁿ, scientific, ∞, NaN). */
const NUMBER = /^(−|-)?([\d.\s\u00a0\u202f]*\d(,\d+)?(E-?\d+)?|10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|∞|NaN)$/;

function visibleStrings(root: Element): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (text) out.push(text);
  }
  for (const el of Array.from(root.querySelectorAll('[aria-label], [aria-valuetext], [title]'))) {
    for (const attr of ['aria-label', 'aria-valuetext', 'title']) {
      const v = el.getAttribute(attr);
      if (v) out.push(v);
    }
  }
  return out;
}

/** Every piece of a string is a label token (L:…), a data name (S:…), a number, or punctuation. */
function fromLabelsOrData(text: string): boolean {
  return text
    .split(/ · |: | = | → /)
    .filter(Boolean)
    .every((part) => /^(L|S):[\w]+( [\d,]+)?$/.test(part) || NUMBER.test(part));
}

// Each test mounts every plot (sixteen); jsdom on a busy CI core needs more than the default 5 s.
describe('every plot', { timeout: 120_000 }, () => {
  it('shows only strings that came from its labels or its data', () => {
    for (const [name, plot] of allPlots()) {
      // Open the table and move the cursor so table headers and readouts are checked too.
      plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
      press(plot.element.querySelector('.dp-plot__area')!, 'Home');
      const bad = visibleStrings(plot.element).filter((s) => !fromLabelsOrData(s));
      expect(bad, name).toEqual([]);
    }
  });

  it('has a figure, a labelled role=img SVG with title and desc, a focusable area and a live region', () => {
    for (const [name, plot] of allPlots()) {
      const svgEl = plot.element.querySelector('svg')!;
      expect(plot.element.tagName, name).toBe('FIGURE');
      expect(svgEl.getAttribute('role'), name).toBe('img');
      expect(document.getElementById(svgEl.getAttribute('aria-labelledby')!)?.tagName, name).toBe('title');
      expect(document.getElementById(svgEl.getAttribute('aria-describedby')!)?.tagName, name).toBe('desc');
      expect(plot.element.querySelector('.dp-plot__area')!.getAttribute('tabindex'), name).toBe('0');
      expect(plot.element.querySelector('[aria-live="polite"]'), name).not.toBeNull();
      const formats = [...plot.element.querySelectorAll<HTMLElement>('[data-export]')].map((item) => item.dataset.export);
      expect(formats, name).toEqual(['png', 'svg', 'csv', 'json']);
    }
  });

  it('moves its keyboard readout with ArrowRight', () => {
    for (const [name, plot] of allPlots()) {
      const area = plot.element.querySelector('.dp-plot__area')!;
      const live = plot.element.querySelector('[aria-live]')!;
      press(area, 'Home');
      const first = live.textContent;
      press(area, 'ArrowRight');
      expect(live.textContent, name).not.toBe('');
      expect(live.textContent, name).not.toBe(first);
    }
  });

  it('exports its data and a standalone SVG without CSS variables', () => {
    for (const [name, plot] of allPlots()) {
      const data = plot.exportData();
      expect(data.length, name).toBeGreaterThan(10);
      if (plot.dataFormat === 'json') expect(() => JSON.parse(data), name).not.toThrow();
      const svgText = plot.exportSvg();
      expect(svgText, name).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svgText, name).not.toContain('var(');
    }
  });

  it('passes axe (structure and ARIA rules; colour contrast needs a real browser)', async () => {
    const plots = allPlots();
    for (const [, plot] of plots) plot.element.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    const result = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
