/** Assignment-link problems as one localized sentence each. */
import type { TeachStrings } from '@i18n/teach';
import { describeProblem, numberFormatter, type WidgetStrings } from '@widgets/shell/text';
import type { AssignmentProblem } from './model';

export function describeAssignmentProblems(problems: AssignmentProblem[], texts: TeachStrings['problems'], widgets: WidgetStrings, locale: string): string {
  const format = numberFormatter(locale);
  return problems.map((problem) => texts[problem.code]
    .replace('{value}', problem.value ?? '')
    .replace('{field}', problem.field ?? '')
    .replace('{n}', String(problem.n ?? ''))
    .replace('{reasons}', (problem.reasons ?? []).map((reason) => describeProblem(widgets, reason, format)).join(' '))).join('; ');
}
