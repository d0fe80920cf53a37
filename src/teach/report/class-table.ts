/**
 * The class table: students' reports imported at once, one row each (exercises, experiments, score, time) and
 * a verification cell per experiment, filled as each one is replayed (one at a time, to keep the page calm).
 */
import type { TeachStrings } from '@i18n/teach';
import { element } from '@widgets/shell/dom';
import type { WidgetStrings } from '@widgets/shell/text';
import { decodeAssignment, type Assignment } from '../assignment/model';
import { describeAssignmentProblems } from '../assignment/problems-text';
import { readFiles } from '../progress/download';
import { answerConsistent, parseReport, type Report } from './report';
import { replay } from './replay';
import { compare, settingDifferences, type Verdict } from './verify';

const root = document.querySelector<HTMLElement>('[data-reports]');
if (root) {
  const t = JSON.parse(root.dataset.strings ?? '{}') as TeachStrings;
  const widgets = JSON.parse(root.dataset.widgetStrings ?? '{}') as WidgetStrings;
  const lessons = JSON.parse(root.dataset.lessons ?? '[]') as string[];
  const locale = root.dataset.locale ?? 'en';
  const table = root.querySelector<HTMLTableElement>('[data-class-table]');
  const problems = root.querySelector<HTMLElement>('[data-report-problems]');
  const input = root.querySelector<HTMLInputElement>('#reports-input');
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  let queue: Promise<void> = Promise.resolve();

  const verdictText = (label: string, verdict: Verdict | 'pending') => {
    if (verdict === 'pending') return `${label}: ${t.teach.verifying}`;
    if (verdict.status === 'ok') return t.teach.verifiedOk.replace('{label}', label);
    if (verdict.status === 'unverifiable') return t.teach.unverifiable.replace('{label}', label).replace('{reason}', t.teach.reasons.backend.replace('{backend}', verdict.backend));
    const reason = t.teach.reasons[verdict.reason].replace('{keys}', (verdict.keys ?? []).join(', '));
    return t.teach.verifiedBad.replace('{label}', label).replace('{reason}', reason);
  };

  const addRow = (report: Report, assignment: Assignment) => {
    const row = element('tr', { 'data-student': report.student });
    const consistent = report.exercises.filter((entry) => assignment.exercises.includes(entry.id));
    const solved = consistent.filter((entry) => entry.solved && answerConsistent(entry)).length;
    const ran = report.experiments.filter(Boolean).length;
    const checks = element('ul', { class: 'teach-verdicts' });
    const score = element('td', {}, '');
    let verified = 0;
    const total = assignment.exercises.length + assignment.setups.length;
    const updateScore = () => void (score.textContent = total === 0 ? '—' : percent.format((solved + verified) / total));
    for (const entry of consistent.filter((item) => item.solved && !answerConsistent(item))) {
      checks.append(element('li', { 'data-verdict': 'bad' }, t.teach.verifiedBad.replace('{label}', entry.id).replace('{reason}', t.teach.reasons.answer)));
    }
    assignment.setups.forEach((setup, index) => {
      const label = t.assignment.setupItem.replace('{n}', String(index + 1));
      const item = element('li', { 'data-verdict': 'pending' }, verdictText(label, 'pending'));
      checks.append(item);
      const experiment = report.experiments.find((candidate) => candidate?.setup === index + 1) ?? null;
      const settle = (verdict: Verdict) => {
        item.dataset.verdict = verdict.status;
        item.textContent = verdictText(label, verdict);
        if (verdict.status === 'ok') verified += 1;
        updateScore();
      };
      if (!experiment) return settle({ status: 'bad', reason: 'missing' });
      const differences = settingDifferences(setup, experiment);
      if (differences.length > 0) return settle({ status: 'bad', reason: 'setting', keys: differences });
      queue = queue.then(async () => {
        try {
          settle(compare(experiment, await replay(experiment.family, experiment.payload, widgets, locale)));
        } catch (error) {
          console.warn('[reports] replay failed', error);
          settle({ status: 'bad', reason: 'replayFailed' });
        }
      });
    });
    updateScore();
    const minutes = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(report.activeSeconds / 60);
    row.append(
      element('th', { scope: 'row' }, report.student),
      element('td', {}, `${solved} / ${assignment.exercises.length}`),
      element('td', {}, `${ran} / ${assignment.setups.length}`),
      score,
      element('td', {}, t.teach.minutes.replace('{value}', minutes)),
    );
    const cell = element('td');
    cell.append(checks);
    row.append(cell);
    table?.tBodies[0]?.append(row);
    const wrap = root.querySelector<HTMLElement>('[data-table-wrap]');
    if (wrap) wrap.hidden = false;
  };

  input?.addEventListener('change', async () => {
    const files = await readFiles(input);
    input.value = '';
    for (const file of files) {
      const parsed = parseReport(file.text);
      const decoded = parsed.ok ? decodeAssignment(parsed.report.assignment, lessons) : null;
      if (!parsed.ok || !decoded?.ok) {
        const reason = !parsed.ok ? parsed.reason : decoded && !decoded.ok ? describeAssignmentProblems(decoded.problems, t.problems, widgets, locale) : '';
        problems?.append(element('li', {}, t.teach.badReport.replace('{file}', file.name.slice(0, 80)).replace('{reason}', reason)));
        continue;
      }
      addRow(parsed.report, decoded.assignment);
    }
  });
}
