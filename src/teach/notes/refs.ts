/**
 * Build-time links of a teacher note to the site's own material: an experiment (a widget preset shown in a
 * lesson) and an exercise. A reference to something the lessons do not have fails the build, naming what they
 * do have.
 */
import { teachStrings } from '@i18n/teach';
import { strings, type Lang } from '@i18n/index';
import { lessonsIn } from '@lib/lessons';
import { allDefinitions } from '@widgets/definitions';
import { presetNames, type FamilyName } from '@widgets/shell/definition';
import { exercise, exercisesOf } from '../exercises/registry';
import { defaultWidgetId, presetsShownIn } from './presets-in-lessons';

export async function experimentRef(lang: Lang, family: string, preset: string) {
  const lessons = await lessonsIn(lang);
  const home = lessons.find((lesson) => presetsShownIn(lesson.entry.body ?? '').some((shown) => shown.family === family && shown.preset === preset));
  if (!home) {
    const shown = lessons.flatMap((lesson) => presetsShownIn(lesson.entry.body ?? '').map((item) => `${item.family}/${item.preset}`));
    throw new Error(`Teacher notes: no ${lang} lesson shows ${family}/${preset} with its default id. Shown: ${[...new Set(shown)].join(', ')}.`);
  }
  const widgets = strings(lang).widgets;
  const presets = widgets.presets as Record<string, string>;
  const definition = allDefinitions.find((candidate) => candidate.family === family);
  // A family with one preset ("default") is named by its own title; otherwise the preset's name says which one.
  const single = definition !== undefined && presetNames(definition).length === 1;
  return {
    href: `${home.href}#${defaultWidgetId(family, preset)}`,
    label: single ? widgets.families[family as FamilyName].title : (presets[preset] ?? preset),
    lessonTitle: home.entry.data.title,
  };
}

export async function exerciseRef(lang: Lang, id: string) {
  const definition = exercise(id);
  const lesson = (await lessonsIn(lang)).find((candidate) => candidate.entry.data.key === definition.lesson);
  if (!lesson) throw new Error(`Teacher notes: exercise "${id}" belongs to ${definition.lesson}, which has no ${lang} lesson.`);
  const t = teachStrings(lang);
  const n = String(exercisesOf(definition.lesson).indexOf(id as never) + 1);
  return {
    href: `${lesson.href}#exercise-${id}`,
    /** "lesson 2, exercise 3": fits in parentheses after prose in any grammatical case. */
    short: t.notes.exerciseRef.replace('{lesson}', String(lesson.entry.data.order)).replace('{n}', n),
    /** "<lesson title>: Exercise 3", as the instructor page lists it. */
    long: `${lesson.entry.data.title}${t.notes.labelSeparator}${t.exercises.exercise.replace('{n}', n)}`,
    kind: t.exercises.kinds[definition.kind],
  };
}
