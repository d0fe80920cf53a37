import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listMdx, structureOf, structureOfFile } from './content-structure';

// The three content trees must mirror each other so a translation cannot silently drift.
const root = join(import.meta.dirname, '../../src/content');
const [reference, ...others] = ['pt', 'ru', 'zh'] as const;
const referenceFiles = listMdx(join(root, reference));

describe('content parity between pt, ru and zh', () => {
  it('has content', () => {
    expect(referenceFiles.length).toBeGreaterThan(0);
  });

  for (const lang of others) {
    it(`${lang} has the same files as ${reference}`, () => {
      expect(listMdx(join(root, lang))).toEqual(referenceFiles);
    });
  }

  for (const file of referenceFiles) {
    describe(file, () => {
      const expected = structureOfFile(join(root, reference, file));
      for (const lang of others) {
        it(`${lang}: same frontmatter keys, shared values, widgets, headings and formulas`, () => {
          const actual = structureOfFile(join(root, lang, file));
          expect(actual.frontmatterKeys, 'frontmatter keys').toEqual(expected.frontmatterKeys);
          expect(actual.shared, 'chapter, order, key and source identities').toEqual(expected.shared);
          expect(actual.imports, 'import lines').toEqual(expected.imports);
          expect(actual.components, 'widgets and components, in order').toEqual(expected.components);
          expect(actual.headings, 'heading levels, in order').toEqual(expected.headings);
          expect(actual.displayFormulas, 'display formulas').toBe(expected.displayFormulas);
          expect(actual.inlineFormulas, 'inline formulas').toBe(expected.inlineFormulas);
        });
      }
    });
  }
});

describe('the parity checker itself', () => {
  const page = (extra: string) =>
    `---\ntitle: "T"\ndescription: "D"\n---\nimport W from '@widgets/W.astro';\n\n## A\n\n$x$ and $y$\n\n$$\na+b\n$$\n\n<W preset="p" />\n${extra}`;

  it('notices a missing heading, formula or widget', () => {
    const base = structureOf(page(''));
    expect(base.headings).toEqual([2]);
    expect(base.inlineFormulas).toBe(2);
    expect(base.displayFormulas).toBe(1);
    expect(base.components).toEqual(['<W preset="p" />']);
    expect(structureOf(page('\n### B\n')).headings).not.toEqual(base.headings);
    expect(structureOf(page('\n$z$\n')).inlineFormulas).not.toBe(base.inlineFormulas);
    expect(structureOf(page('\n<W preset="q" />\n')).components).not.toEqual(base.components);
  });

  it('ignores code blocks', () => {
    expect(structureOf(page('\n```\n# not a heading $a$\n```\n')).headings).toEqual([2]);
  });
});
