/** Build-time data for the instructor page: lessons, exercises and the widget setups one can assign. */
import type { Lang } from '@i18n/languages';
import { strings } from '@i18n/index';
import { teachStrings } from '@i18n/teach';
import { chaptersIn } from '@lib/lessons';
import { allDefinitions } from '@widgets/definitions';
import { presetNames } from '@widgets/shell/definition';
import { controlKeys } from '@widgets/shell/permalink';
import { exerciseIds, exercises, exercisesOf } from '../exercises/registry';

const kebab = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export async function teachPageData(lang: Lang) {
  const widgets = strings(lang).widgets;
  const t = teachStrings(lang);
  const lessons = (await chaptersIn(lang)).flatMap((chapter) => chapter.lessons).map((lesson) => ({
    key: lesson.entry.data.key,
    title: lesson.entry.data.title,
    href: lesson.href,
    body: lesson.entry.body ?? '',
  }));
  const presetLabel = (preset: string) => (widgets.presets as Record<string, string>)[preset] ?? preset;
  const sources: { value: string; family: string; preset: string; label: string; group: string }[] = [];
  for (const lesson of lessons) {
    const seen = new Set<string>();
    for (const [, component, preset] of lesson.body.matchAll(/<([A-Z][A-Za-z]+) preset="([a-z0-9-]+)"/g)) {
      const family = kebab(component ?? '');
      const definition = allDefinitions.find((candidate) => candidate.family === family);
      const value = `${family}|${preset}`;
      if (!definition?.trains || seen.has(value)) continue;
      seen.add(value);
      sources.push({ value, family, preset: preset ?? '', label: `${widgets.families[definition.family].title}${t.notes.labelSeparator}${presetLabel(preset ?? '')}`, group: t.teach.fromLesson.replace('{title}', lesson.title) });
    }
  }
  for (const definition of allDefinitions.filter((candidate) => candidate.trains)) {
    for (const preset of presetNames(definition)) {
      sources.push({ value: `${definition.family}|${preset}`, family: definition.family, preset, label: `${widgets.families[definition.family].title}${t.notes.labelSeparator}${presetLabel(preset)}`, group: t.teach.fromLab });
    }
  }
  const controls = Object.fromEntries(allDefinitions.map((definition) => [definition.family, controlKeys(definition, false).filter((key) => key !== 'speed')]));
  const exerciseList = exerciseIds.map((id) => ({ id, lesson: exercises[id].lesson, n: exercisesOf(exercises[id].lesson).indexOf(id) + 1, kind: exercises[id].kind }));
  return { lessons: lessons.map(({ body: _body, ...rest }) => rest), sources, controls, exercises: exerciseList };
}

export type TeachPageData = Awaited<ReturnType<typeof teachPageData>>;
