/**
 * Reading time of an MDX lesson body, in minutes.
 * Prose is counted in words for pt and ru (about 200 words a minute for technical text) and in
 * characters for zh (about 350 Han characters a minute). Formulas count a little, and each
 * experiment adds two minutes: running it is part of the lesson.
 */
const wordsPerMinute = 200;
const hanCharactersPerMinute = 350;
const minutesPerWidget = 2;

export function readingMinutes(body: string): number {
  const widgets = (body.match(/^<[A-Z][A-Za-z]*\s+preset=/gm) ?? []).length;
  const prose = body
    .replace(/^import .*$/gm, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' formula ')
    .replace(/\$[^$\n]+\$/g, ' x ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|[\]()-]/g, ' ');
  const han = (prose.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (prose.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const minutes = words / wordsPerMinute + han / hanCharactersPerMinute + widgets * minutesPerWidget;
  return Math.max(1, Math.round(minutes));
}
