/**
 * Teacher notes (src/teacher-notes/<lang>/<chapter>.mdx): the three languages mirror each other, every
 * experiment and exercise they point at exists where they say, and every ready-made assignment link in them
 * decodes, with the student page's own decoder, to exactly the assignment its plan declares.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { decodeAssignment, encodeAssignment, MAX_LINK_CODE } from '../../../src/teach/assignment/model';
import { assignmentPath, buildSetup } from '../../../src/teach/assignment/setup';
import { isExerciseId } from '../../../src/teach/exercises/registry';
import { functionFit } from '@widgets/function-fit/definition';
import { linkVersion } from '@widgets/shell/link-version';
import { notePlanKeys, notePlans, planAssignment } from '../../../src/teach/notes/plans';
import { presetsShownIn } from '../../../src/teach/notes/presets-in-lessons';
import { structureOfFile } from '../content-structure';
import { languages } from '@i18n/languages';

const langs = languages;
const notesRoot = join(import.meta.dirname, '../../../src/teacher-notes');
const contentRoot = join(import.meta.dirname, '../../../src/content');

/** Lesson key → body, for one language. */
function lessonsOf(lang: string): Map<string, string> {
  const lessons = new Map<string, string>();
  for (const chapter of readdirSync(join(contentRoot, lang), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const file of readdirSync(join(contentRoot, lang, chapter.name)).filter((name) => name.endsWith('.mdx'))) {
      lessons.set(`${chapter.name}/${file.replace(/\.mdx$/, '')}`, readFileSync(join(contentRoot, lang, chapter.name, file), 'utf8'));
    }
  }
  return lessons;
}

type Attributes = Record<string, string>;
/** Every `<Name a="…" b="…" />` of a note, in order, with its attributes. */
function tagsOf(source: string, name: string): Attributes[] {
  return [...source.matchAll(new RegExp(`<${name}((?:\\s+[a-z]+="[^"]*")*)\\s*/>`, 'g'))].map(([, attributes]) =>
    Object.fromEntries([...(attributes ?? '').matchAll(/([a-z]+)="([^"]*)"/g)].map(([, key, value]) => [key, value])) as Attributes);
}

const notesFiles = (lang: string) => (existsSync(join(notesRoot, lang)) ? readdirSync(join(notesRoot, lang)).filter((name) => name.endsWith('.mdx')).sort() : []);

describe('teacher notes', () => {
  it('exist for chapters 2 and 5 and cover the same chapters in pt, ru and zh', () => {
    expect(notesFiles('pt')).toEqual(expect.arrayContaining(['how-networks-learn.mdx', 'seven-tips.mdx']));
    for (const lang of langs) expect(notesFiles(lang), lang).toEqual(notesFiles('pt'));
  });

  for (const file of notesFiles('pt')) {
    const chapter = file.replace(/\.mdx$/, '');
    for (const lang of langs) {
      describe(`${lang}/${file}`, () => {
        const path = join(notesRoot, lang, file);
        const source = readFileSync(path, 'utf8');
        const lessons = lessonsOf(lang);
        const lessonKeys = [...lessons.keys()];

        it('names its own chapter and mirrors pt: headings and references, in order', () => {
          expect((parseFrontmatter(source).frontmatter as { chapter?: string }).chapter).toBe(chapter);
          const reference = structureOfFile(join(notesRoot, 'pt', file));
          const structure = structureOfFile(path);
          expect(structure.headings).toEqual(reference.headings);
          const references = (text: string) => [...tagsOf(text, 'ExperimentRef'), ...tagsOf(text, 'ExerciseRef')].map((tag) => JSON.stringify(tag));
          expect(references(source)).toEqual(references(readFileSync(join(notesRoot, 'pt', file), 'utf8')));
          expect(tagsOf(source, 'AssignmentLink').map((tag) => tag.plan)).toEqual(tagsOf(readFileSync(join(notesRoot, 'pt', file), 'utf8'), 'AssignmentLink').map((tag) => tag.plan));
        });

        it('points only at experiments its lessons show (with their default id) and at exercises that exist', () => {
          const experiments = tagsOf(source, 'ExperimentRef');
          expect(experiments.length).toBeGreaterThan(0);
          const shown = [...lessons.values()].flatMap((body) => presetsShownIn(body).map((item) => `${item.family}/${item.preset}`));
          for (const { widget, preset } of experiments) expect(shown, `${widget}/${preset}`).toContain(`${widget}/${preset}`);
          for (const { id } of tagsOf(source, 'ExerciseRef')) expect(isExerciseId(id ?? ''), id).toBe(true);
        });

        it('every assignment link decodes to exactly its plan, with this language\'s title and note', () => {
          const links = tagsOf(source, 'AssignmentLink');
          expect(links.length).toBeGreaterThanOrEqual(3);
          for (const { plan, title, note } of links) {
            expect(notePlanKeys, `plan ${plan}`).toContain(plan);
            expect(title?.length, `${plan}: title`).toBeGreaterThan(0);
            const assignment = planAssignment(plan ?? '', { title: title ?? '', ...(note ? { note } : {}) });
            const path = assignmentPath(lang, assignment);
            const code = path.split('#a=')[1] ?? '';
            expect(path).toMatch(new RegExp(`^/${lang}/teach/assignment/#a=[A-Za-z0-9_-]+$`));
            expect(code.length).toBeLessThanOrEqual(MAX_LINK_CODE);
            const decoded = decodeAssignment(code, lessonKeys);
            expect(decoded, `${plan}: ${JSON.stringify(decoded.ok ? '' : decoded.problems)}`).toEqual({ ok: true, assignment });
            for (const lesson of assignment.lessons) expect(lesson.startsWith(`${chapter}/`), lesson).toBe(true);
          }
        });
      });
    }
  }

  it('every plan of a chapter with notes is linked from those notes', () => {
    for (const key of notePlanKeys) {
      const { chapter } = notePlans[key];
      const path = join(notesRoot, 'pt', `${chapter}.mdx`);
      // A chapter whose notes are still being written (its plans land first, so the notes can name them).
      if (!existsSync(path)) continue;
      const source = readFileSync(path, 'utf8');
      expect(tagsOf(source, 'AssignmentLink').map((tag) => tag.plan), key).toContain(key);
    }
  });

  it('setups are written as the instructor page writes them: CPU backend and seed locked', () => {
    const setup = buildSetup({ family: 'function-fit', preset: 'relu-neurons', seed: 7, locked: ['width'], hidden: ['init'] });
    expect(setup.payload).toBe(`preset:relu-neurons,seed:7,backend:cpu,v:${linkVersion(functionFit, 'relu-neurons')}`);
    expect(setup.locked).toEqual(['backend', 'seed', 'width']);
    expect(setup.hidden).toEqual(['init']);
  });

  it('the checks catch a wrong reference: an unknown plan, a preset no lesson shows, a setup the decoder refuses', () => {
    expect(() => planAssignment('how-networks-learn/nope', { title: 'x' })).toThrow(/Unknown assignment plan/);
    expect(presetsShownIn('<FunctionFit preset="relu-neurons" id="ex-fit" />')).toEqual([]);
    expect(presetsShownIn('<FunctionFit preset="relu-neurons" />')).toEqual([{ family: 'function-fit', preset: 'relu-neurons' }]);
    expect(() => buildSetup({ family: 'function-fit', preset: 'no-such-preset', seed: 1 })).toThrow(/Unknown preset/);
    const bad = planAssignment('how-networks-learn/in-class', { title: 'x' });
    bad.setups[0] = { ...bad.setups[0]!, locked: ['noSuchControl'] };
    expect(decodeAssignment(encodeAssignment(bad), [...lessonsOf('pt').keys()]).ok).toBe(false);
  });
});
