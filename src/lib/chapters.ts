/**
 * The five chapters, in reading order. Titles and blurbs are UI strings (src/i18n, `chapters.<key>`);
 * `estimatedMinutes` is the declared reading time shown while a chapter has no lessons yet.
 */
export const chapters = [
  { key: 'practical-tricks', number: 1, sourceLang: 'pt', estimatedMinutes: 25 },
  { key: 'how-networks-learn', number: 2, sourceLang: 'ru', estimatedMinutes: 90 },
  { key: 'deep-learning-myth', number: 3, sourceLang: 'ru', estimatedMinutes: 60 },
  { key: 'project-lifecycle', number: 4, sourceLang: 'zh', estimatedMinutes: 60 },
  { key: 'seven-tips', number: 5, sourceLang: 'ru', estimatedMinutes: 30 },
] as const;

export type ChapterKey = (typeof chapters)[number]['key'];
export const chapterKeys = chapters.map((chapter) => chapter.key) as [ChapterKey, ...ChapterKey[]];
