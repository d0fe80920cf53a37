import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '@i18n/languages';
import { chapters, type ChapterKey } from './chapters';
import { readingMinutes } from './reading-time';

export type LessonEntry = CollectionEntry<'lessons'>;

export interface Lesson {
  entry: LessonEntry;
  lang: Lang;
  chapter: ChapterKey;
  slug: string;
  href: string;
  minutes: number;
}

export interface ChapterWithLessons {
  key: ChapterKey;
  number: number;
  lessons: Lesson[];
  minutes: number;
}

function toLesson(entry: LessonEntry): Lesson {
  const [lang, chapter, slug] = entry.id.split('/') as [Lang, ChapterKey, string];
  if (chapter !== entry.data.chapter) {
    throw new Error(`${entry.id}: frontmatter chapter "${entry.data.chapter}" does not match its folder "${chapter}"`);
  }
  if (entry.data.key !== `${chapter}/${slug}`) {
    throw new Error(`${entry.id}: key must be "${chapter}/${slug}", found "${entry.data.key}"`);
  }
  return {
    entry,
    lang,
    chapter,
    slug,
    href: `/${lang}/${chapter}/${slug}/`,
    minutes: entry.data.readingTime ?? readingMinutes(entry.body ?? ''),
  };
}

export async function lessonsIn(lang: Lang): Promise<Lesson[]> {
  const entries = await getCollection('lessons', (entry) => entry.id.startsWith(`${lang}/`));
  return entries.map(toLesson).sort((a, b) => {
    const chapterOrder = chapters.findIndex((c) => c.key === a.chapter) - chapters.findIndex((c) => c.key === b.chapter);
    return chapterOrder || a.entry.data.order - b.entry.data.order;
  });
}

/** Every chapter in reading order, with its published lessons (possibly none). */
export async function chaptersIn(lang: Lang): Promise<ChapterWithLessons[]> {
  const lessons = await lessonsIn(lang);
  return chapters.map((chapter) => {
    const own = lessons.filter((lesson) => lesson.chapter === chapter.key);
    const minutes = own.length ? own.reduce((sum, lesson) => sum + lesson.minutes, 0) : chapter.estimatedMinutes;
    return { key: chapter.key, number: chapter.number, lessons: own, minutes };
  });
}
