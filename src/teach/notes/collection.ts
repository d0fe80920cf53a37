/** Teacher notes per chapter and language (the `teacherNotes` collection). */
import { getCollection } from 'astro:content';
import type { Lang } from '@i18n/languages';

export async function teacherNotes(lang: Lang) {
  return getCollection('teacherNotes', (entry) => entry.id.startsWith(`${lang}/`));
}

export async function hasTeacherNotes(lang: Lang, chapter: string): Promise<boolean> {
  return (await teacherNotes(lang)).some((entry) => entry.data.chapter === chapter);
}
