/**
 * A pre-rendered result is one file per preset, inserted as it is into every page that shows the preset: its ids,
 * references and radio-group names are scoped to the widget instance, so two results on one page stay apart.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { scopeIds } from '../../../src/widgets/shell/prerendered';

const result = [
  '<div class="dp-dash__tabs" role="radiogroup">',
  '<label><input type="radio" name="dp-dash-static-1" value="inputs" checked></label>',
  '<label><input type="radio" name="dp-dash-static-1" value="curves"></label>',
  '</div>',
  '<section data-view="inputs" aria-labelledby="h-inputs"><h3 id="h-inputs">1</h3></section>',
  '<svg><clipPath id="clip"></clipPath><g clip-path="url(#clip)" data-id="kept"></g></svg>',
].join('');

describe('scopeIds', () => {
  it('prefixes ids, their references and form names with the widget id, and leaves data-* attributes alone', () => {
    const scoped = scopeIds(result, 'dashboard');
    expect(scoped).toContain('name="dashboard-s-dp-dash-static-1"');
    expect(scoped).toContain('aria-labelledby="dashboard-s-h-inputs"');
    expect(scoped).toContain('id="dashboard-s-h-inputs"');
    expect(scoped).toContain('url(#dashboard-s-clip)');
    expect(scoped).toContain('data-id="kept"');
  });

  it('keeps the radio groups of two widgets showing the same views apart: each keeps its own checked view', () => {
    const { document } = new JSDOM(`<main><div id="a">${scopeIds(result, 'dashboard')}</div><div id="b">${scopeIds(result, 'lab')}</div></main>`).window;
    const checked = (id: string) => [...document.querySelectorAll<HTMLInputElement>(`#${id} input`)].filter((input) => input.checked).map((input) => input.value);
    expect(checked('a')).toEqual(['inputs']);
    expect(checked('b')).toEqual(['inputs']);
    document.querySelector<HTMLInputElement>('#b input[value="curves"]')!.checked = true;
    expect(checked('a')).toEqual(['inputs']);
    expect(checked('b')).toEqual(['curves']);
  });
});
