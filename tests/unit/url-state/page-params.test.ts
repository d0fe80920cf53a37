/**
 * The page's own URL inputs, fuzzed: `?backend=` (overrides "auto" for every widget on the page) and `?q=` (the
 * search page). A valid value is used; an invalid backend is refused with a localized notice that names the
 * parameter; any query is read as plain text. Nothing throws.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backendChoices } from '@widgets/shell/definition';
import { backendNotice, readBackendOverride } from '@widgets/shell/link-state';
import { maxQueryLength, readQuery } from '@lib/search-query';
import { expectCleanText, inheritedKeys, locales, propertyTimeout, runs } from './helpers';

const searchArbitrary = fc.oneof(
  fc.string({ maxLength: 60 }).map((value) => `?backend=${value}`),
  fc.string({ maxLength: 60 }).map((value) => `?backend=${encodeURIComponent(value)}`),
  fc.constantFrom(...backendChoices, ...inheritedKeys, 'WASM', 'gpu', '', 'wasm&backend=cpu').map((value) => `?backend=${value}`),
  fc.string({ maxLength: 60 }),
);

describe('?backend=', () => {
  it('reads a known backend, reports anything else, and never throws', () => {
    fc.assert(
      fc.property(searchArbitrary, (search) => {
        const result = readBackendOverride(search);
        const raw = new URLSearchParams(search).get('backend');
        if (raw === null) expect(result).toEqual({ backend: null, rejected: null });
        else if ((backendChoices as readonly string[]).includes(raw)) expect(result).toEqual({ backend: raw, rejected: null });
        else {
          expect(result.backend).toBeNull();
          expect(result.rejected).not.toBeNull();
          for (const { strings } of locales) {
            const notice = backendNotice(strings, result.rejected ?? '');
            expectCleanText(notice);
            expect(notice).toContain('backend');
            for (const choice of backendChoices) expect(notice).toContain(choice);
          }
        }
      }),
      runs,
    );
  }, propertyTimeout);

  it('shows the refused value only as safe characters', () => {
    const result = readBackendOverride(`?backend=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(result.backend).toBeNull();
    expect(result.rejected).toMatch(/^[A-Za-z0-9._+?-]*$/);
  });
});

describe('?q=', () => {
  it('any query is plain text of bounded length, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }).map((value) => `?q=${encodeURIComponent(value)}`), fc.string({ maxLength: 400 })), (search) => {
        const query = readQuery(search);
        expect(typeof query).toBe('string');
        expect(query.length).toBeLessThanOrEqual(maxQueryLength);
        expect(query).toBe(query.trim());
        expect(query).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      runs,
    );
  }, propertyTimeout);

  it('keeps Cyrillic and Chinese queries intact', () => {
    expect(readQuery(`?q=${encodeURIComponent(' градиенты ')}`)).toBe('градиенты');
    expect(readQuery(`?q=${encodeURIComponent('梯度')}&q=x`)).toBe('梯度');
  });
});
