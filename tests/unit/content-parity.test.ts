import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listMdx, structureOf, structureOfFile } from './content-structure';
import { languages } from '@i18n/languages';

// The three content trees must mirror each other so a translation cannot silently drift.
const root = join(import.meta.dirname, '../../src/content');
const [reference, ...others] = languages;
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

describe('exercises: the same ids, kinds and order in pt, ru and zh, matching the registry', async () => {
  const { exercisesOfFile, exercisesAreLast, exerciseSections } = await import('./exercise-structure');
  const { exercises, exercisesOf } = await import('../../src/teach/exercises/registry');
  const { readFileSync } = await import('node:fs');
  const lessonFiles = referenceFiles.filter((file) => file.split('/').length === 2);

  for (const file of lessonFiles) {
    const key = file.replace(/\.mdx$/, '');
    it(`${key}: every language carries the registry's exercises in order, after the summary (a prediction may precede its experiment)`, () => {
      const expectedIds = exercisesOf(key);
      const inline = (id: string) => exercises[id as keyof typeof exercises]?.kind === 'predict';
      const sections = exerciseSections(readFileSync(join(root, 'pt', file), 'utf8'));
      for (const lang of languages) {
        const path = join(root, lang, file);
        const blocks = exercisesOfFile(path);
        expect(blocks.map((block) => block.id), `${lang}: exercise ids`).toEqual(expectedIds);
        expect(exercisesAreLast(readFileSync(path, 'utf8'), inline), `${lang}: exercises close the lesson`).toBe(true);
        expect(exerciseSections(readFileSync(path, 'utf8')), `${lang}: each exercise in the same section as in pt`).toEqual(sections);
        for (const block of blocks) {
          const definition = exercises[block.id as keyof typeof exercises];
          const options = 'options' in definition ? [...definition.options] : [];
          expect(block.options, `${lang} ${block.id}: option keys`).toEqual(options);
          expect(block.feedback, `${lang} ${block.id}: one feedback per option`).toEqual(options);
          expect(block.widgets, `${lang} ${block.id}: widget`).toEqual('widget' in definition ? [definition.widget] : []);
          expect(block.solutions, `${lang} ${block.id}: one worked solution`).toBe(1);
        }
      }
    });
  }

  it('chapter 2 lessons have 2 to 4 exercises each', () => {
    for (const file of lessonFiles.filter((name) => name.startsWith('how-networks-learn/'))) {
      const count = exercisesOf(file.replace(/\.mdx$/, '')).length;
      expect(count, file).toBeGreaterThanOrEqual(2);
      expect(count, file).toBeLessThanOrEqual(4);
    }
  });

  it('the checker notices a changed option, a missing solution and prose after the exercises', async () => {
    const { exercisesOfSource } = await import('./exercise-structure');
    const source = '## E\n\n<Exercise id="a">\n<Option option="x">X</Option>\n<Feedback option="x">F</Feedback>\n<Solution>\nS\n</Solution>\n</Exercise>\n';
    const [block] = exercisesOfSource(source);
    expect(block).toEqual({ id: 'a', options: ['x'], feedback: ['x'], widgets: [], solutions: 1 });
    expect(exercisesOfSource(source.replace('option="x">X', 'option="y">X'))[0]?.options).toEqual(['y']);
    expect(exercisesOfSource(source.replace(/<Solution>[\s\S]*<\/Solution>/, ''))[0]?.solutions).toBe(0);
    expect(exercisesAreLast(source)).toBe(true);
    expect(exercisesAreLast(`${source}\nMore prose.\n`)).toBe(false);
    // A prediction in the text, before the prose that discusses it: allowed only when named inline.
    const inText = `## A\n\nText.\n\n${source.replace('## E\n\n', '').replace('id="a"', 'id="b"')}\nMore prose.\n\n${source}`;
    expect(exercisesAreLast(inText)).toBe(false);
    expect(exercisesAreLast(inText, (id) => id === 'b')).toBe(true);
    expect(exercisesAreLast(inText, (id) => id === 'a')).toBe(false);
    expect(exerciseSections(inText)).toEqual({ b: 1, a: 2 });
  });
});
