/** The exercises a lesson's MDX carries, in order: id, option keys, feedback keys, widget ids, solution. */
import { readFileSync } from 'node:fs';

export interface ExerciseBlock {
  id: string;
  options: string[];
  feedback: string[];
  widgets: string[];
  solutions: number;
}

export function exercisesOfSource(source: string): ExerciseBlock[] {
  const blocks = [...source.matchAll(/<Exercise id="([^"]+)">([\s\S]*?)<\/Exercise>/g)];
  return blocks.map(([, id, body]) => ({
    id: id ?? '',
    options: [...(body ?? '').matchAll(/<Option option="([^"]+)">/g)].map((match) => match[1] ?? ''),
    feedback: [...(body ?? '').matchAll(/<Feedback option="([^"]+)">/g)].map((match) => match[1] ?? ''),
    widgets: [...(body ?? '').matchAll(/<[A-Z][A-Za-z]+ preset="[^"]+" id="([^"]+)" \/>/g)].map((match) => match[1] ?? ''),
    solutions: ((body ?? '').match(/<Solution>/g) ?? []).length,
  }));
}

export function exercisesOfFile(path: string): ExerciseBlock[] {
  return exercisesOfSource(readFileSync(path, 'utf8'));
}

/** Index of the `## …` heading that opens the exercises, and whether anything but exercises follows it. */
export function exercisesAreLast(source: string): boolean {
  const start = source.search(/^## .+\n\n<Exercise /m);
  if (start < 0) return !source.includes('<Exercise ');
  const tail = source.slice(start).replace(/^## .+$/m, '').replace(/<Exercise id="[^"]+">[\s\S]*?<\/Exercise>/g, '');
  return tail.trim() === '';
}
