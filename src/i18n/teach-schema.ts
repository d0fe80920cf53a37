/**
 * UI strings of the teaching features (exercises, progress, assignments, reports), one JSON file per
 * language in src/i18n/teach/. Strict objects: a missing or extra key fails the build and the unit tests.
 */
import { z } from 'zod';

/** A strict object whose keys are all non-empty strings. */
function texts<const Keys extends readonly string[]>(keys: Keys) {
  const shape = Object.fromEntries(keys.map((key) => [key, z.string().min(1)])) as { [Key in Keys[number]]: z.ZodString };
  return z.strictObject(shape);
}

export const teachStringsSchema = z.strictObject({
  exercises: texts(['exercise', 'answerLabel', 'numberHint', 'check', 'commit', 'chooseFirst', 'notANumber', 'correct', 'incorrect', 'committed', 'locked', 'predictionRight', 'predictionWrong', 'result', 'solved', 'notYet', 'runFailed', 'solution']).extend({
    kinds: texts(['choice', 'numeric', 'predict', 'experiment']),
    status: texts(['solved', 'attempted', 'open']),
    numbers: texts(['finalLoss', 'diverged', 'insideSlope', 'outsideSlope', 'lr', 'width', 'epochs', 'accuracies', 'startAccuracy', 'earlyAccuracies', 'meanDifference', 'rareRecalls', 'votes']),
  }),
  progress: texts(['title', 'summary', 'lessonRead', 'lessonExercises', 'localOnly', 'export', 'import', 'clear', 'cleared', 'imported', 'importFailed', 'dropped', 'repaired', 'newer', 'unavailable', 'notJson', 'notProgress']),
  teach: texts(['title', 'lead', 'linkFromChapter', 'notesLink', 'assignmentTitle', 'lessons', 'exercises', 'setups', 'setupSource', 'fromLesson', 'fromLab', 'addSetup', 'removeSetup', 'setupSeed', 'controlMode', 'due', 'note', 'build', 'link', 'copy', 'copied', 'copyFailed', 'print', 'qrLabel', 'handoutTitle', 'nothingChosen', 'reportsTitle', 'reportsLead', 'importReports', 'minutes', 'verifying', 'verifiedOk', 'verifiedBad', 'unverifiable', 'badReport']).extend({
    modes: texts(['free', 'locked', 'hidden']),
    table: texts(['student', 'exercises', 'experiments', 'score', 'time', 'verified']),
    reasons: texts(['numbers', 'setting', 'missing', 'replayFailed', 'backend', 'answer']),
  }),
  assignment: texts(['title', 'due', 'note', 'checklist', 'lessonItem', 'exerciseItem', 'setupItem', 'done', 'todo', 'runIt', 'recorded', 'name', 'export', 'exported', 'nameFirst', 'rejected', 'noLink']).extend({
    summary: texts(['header', 'exercise', 'experiment', 'time']),
  }),
  notes: texts(['title', 'lead', 'chapterLink', 'related', 'open', 'shareHint', 'itemLesson', 'itemSetup', 'exerciseRef', 'quoted', 'labelSeparator', 'clauseSeparator', 'parenthetical', 'locked', 'hidden']),
  problems: texts(['malformed', 'tooLong', 'version', 'field', 'unknownLesson', 'unknownExercise', 'unknownWidget', 'badSetup', 'badControl', 'badDate', 'empty']),
});

export type TeachStrings = z.infer<typeof teachStringsSchema>;
