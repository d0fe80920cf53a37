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

/**
 * Whether the exercises close the lesson: after the `## …` heading that opens them comes nothing but exercises.
 * `inline(id)` names the exercises allowed to sit in the text instead (a prediction placed right before the
 * experiment it predicts); they are left out of the check.
 */
export function exercisesAreLast(source: string, inline: (id: string) => boolean = () => false): boolean {
  const rest = source.replace(/<Exercise id="([^"]+)">[\s\S]*?<\/Exercise>\n*/g, (block, id: string) => (inline(id) ? '' : block));
  const start = rest.search(/^## .+\n\n<Exercise /m);
  if (start < 0 || rest.slice(0, start).includes('<Exercise ')) return !rest.includes('<Exercise ');
  const tail = rest.slice(start).replace(/^## .+$/m, '').replace(/<Exercise id="[^"]+">[\s\S]*?<\/Exercise>/g, '');
  return tail.trim() === '';
}

/** For each exercise, in order, how many `## ` headings come before it: the section it sits in. */
export function exerciseSections(source: string): Record<string, number> {
  const sections: Record<string, number> = {};
  for (const match of source.matchAll(/<Exercise id="([^"]+)">/g)) {
    sections[match[1] ?? ''] = (source.slice(0, match.index).match(/^## /gm) ?? []).length;
  }
  return sections;
}
