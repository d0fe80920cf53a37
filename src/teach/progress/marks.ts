/**
 * Progress marks next to lesson links (sidebar, chapter page): "read" and "n of m exercises". Links are
 * found by their href (`/<lang>/<chapter>/<lesson>/`); the mark's text is visible, so it is read aloud too.
 */
import type { TeachStrings } from '@i18n/teach';
import { exercisesOf } from '../exercises/registry';
import type { Progress } from './schema';

export function lessonKeyOf(href: string): string | null {
  const parts = href.split('/').filter(Boolean);
  return parts.length === 3 ? `${parts[1]}/${parts[2]}` : null;
}

export function lessonStatus(progress: Progress, lessonKey: string, strings: TeachStrings['progress']): string {
  const parts: string[] = [];
  if (progress.lessons[lessonKey]) parts.push(strings.lessonRead);
  const ids = exercisesOf(lessonKey);
  const solved = ids.filter((id) => progress.exercises[id]?.solved).length;
  if (ids.length > 0 && (solved > 0 || Object.keys(progress.exercises).some((id) => ids.includes(id as never)))) {
    parts.push(strings.lessonExercises.replace('{solved}', String(solved)).replace('{total}', String(ids.length)));
  }
  return parts.join(' · ');
}

/** Adds or refreshes one `.dp-mark` after every lesson link inside `root`. */
export function markLinks(root: ParentNode, progress: Progress, strings: TeachStrings['progress']): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const key = lessonKeyOf(link.getAttribute('href') ?? '');
    if (!key) continue;
    let mark = link.querySelector<HTMLElement>('.dp-mark');
    const text = lessonStatus(progress, key, strings);
    if (!text) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'dp-mark';
      link.append(mark);
    }
    mark.textContent = ` (${text})`;
    mark.dataset.read = String(Boolean(progress.lessons[key]));
  }
}

export function summaryText(progress: Progress, lessonKeys: readonly string[], strings: TeachStrings['progress']): string {
  const exerciseIds = lessonKeys.flatMap((key) => exercisesOf(key));
  return strings.summary
    .replace('{read}', String(lessonKeys.filter((key) => progress.lessons[key]).length))
    .replace('{lessons}', String(lessonKeys.length))
    .replace('{solved}', String(exerciseIds.filter((id) => progress.exercises[id]?.solved).length))
    .replace('{exercises}', String(exerciseIds.length))
    .replace('{runs}', String(Object.keys(progress.runs).filter((key) => lessonKeys.some((lesson) => key.startsWith(`${lesson}#`))).length));
}
