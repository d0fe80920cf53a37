/**
 * The student's page for an assignment link: validates `#a=…`, shows a checklist that follows progress
 * (lessons read, exercises solved, experiments run here), mounts the assigned experiments, counts active
 * time, and downloads a report (JSON with a readable summary) for the instructor.
 */
import type { TeachStrings } from '@i18n/teach';
import { element } from '@widgets/shell/dom';
import { readHashEntries } from '@widgets/shell/permalink';
import type { WidgetStrings } from '@widgets/shell/text';
import { describeRun } from '../exercises/describe-run';
import { outcomeOf, resultNumbers, type RunEndDetail } from '../exercises/run-outcome';
import { download } from '../progress/download';
import { progress, PROGRESS_EVENT, recordRun, setStudent, update } from '../progress/store';
import { buildReport } from '../report/report';
import { assignmentId, decodeAssignment, type Assignment } from './model';
import { mountSetup } from './mount-setup';
import { describeAssignmentProblems } from './problems-text';

interface PageData {
  lessons: { key: string; title: string; href: string }[];
  exercises: { id: string; lesson: string; n: number }[];
}

const root = document.querySelector<HTMLElement>('[data-assignment]');
if (root) {
  const t = JSON.parse(root.dataset.strings ?? '{}') as TeachStrings;
  const widgets = JSON.parse(root.dataset.widgetStrings ?? '{}') as WidgetStrings;
  const data = JSON.parse(root.dataset.data ?? '{}') as PageData;
  const lang = (root.dataset.lang ?? 'pt') as 'pt' | 'ru' | 'zh';
  const locale = root.dataset.locale ?? 'en';
  const code = readHashEntries(location.hash).get('a');
  const find = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  if (code === undefined) {
    find('[data-no-link]')!.hidden = false;
  } else {
    const decoded = decodeAssignment(code, data.lessons.map((lesson) => lesson.key));
    if (!decoded.ok) {
      const alert = find('[data-rejected]')!;
      alert.textContent = t.assignment.rejected.replace('{reasons}', describeAssignmentProblems(decoded.problems, t.problems, widgets, locale));
      alert.hidden = false;
      root.dataset.state = 'rejected';
    } else {
      show(decoded.assignment, code);
    }
  }

  function show(assignment: Assignment, linkCode: string): void {
    const id = assignmentId(linkCode);
    const runKey = (index: number) => `assignment:${id}#as-${index + 1}`;
    find('[data-body]')!.hidden = false;
    if (assignment.title) find('[data-title]')!.textContent = assignment.title;
    if (assignment.due) {
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${assignment.due}T00:00:00Z`));
      find('[data-due]')!.textContent = t.assignment.due.replace('{date}', date);
    }
    if (assignment.note) {
      find('[data-note]')!.textContent = assignment.note;
      find('[data-note-section]')!.hidden = false;
    }
    update((draft) => void (draft.assignments[id] ??= { openedAt: Date.now(), activeSeconds: 0 }));
    const setupsArea = find('[data-setups]')!;
    assignment.setups.forEach((setup, index) => {
      const section = element('section', { class: 'teach-setup-run', 'aria-labelledby': `as-${index + 1}-heading` });
      section.append(element('h2', { id: `as-${index + 1}-heading` }, t.assignment.setupItem.replace('{n}', String(index + 1))), element('p', {}, t.assignment.runIt));
      setupsArea.append(section);
      mountSetup(section, `as-${index + 1}`, setup, widgets, locale);
    });
    document.addEventListener('dp-run-end', (event) => {
      const detail = (event as CustomEvent<RunEndDetail>).detail;
      const match = /^as-(\d+)$/.exec(detail?.id ?? '');
      if (!match || !(event.target instanceof HTMLElement)) return;
      const run = outcomeOf(detail, event.target);
      if (!run) return;
      recordRun(runKey(Number(match[1]) - 1), {
        widget: run.id, family: run.family, payload: run.payload, backend: run.data.backend ?? 'cpu', outcome: run.outcome,
        ...(run.reason ? { reason: run.reason.slice(0, 20) } : {}), numbers: resultNumbers(run.data), at: Date.now(),
      });
    });
    const checklist = find('[data-checklist]')!;
    const item = (done: boolean, text: string, href?: string) => {
      const li = element('li', { 'data-done': String(done) });
      li.append(element('span', { class: 'teach-box' }, done ? '☑' : '☐'), ' ');
      if (href) li.append(element('a', { href }, text));
      else li.append(text);
      li.append(element('span', { class: 'teach-done' }, ` (${done ? t.assignment.done : t.assignment.todo})`));
      return li;
    };
    const refresh = () => {
      const state = progress();
      const items: HTMLElement[] = [];
      for (const key of assignment.lessons) {
        const lesson = data.lessons.find((candidate) => candidate.key === key);
        items.push(item(Boolean(state.lessons[key]), t.assignment.lessonItem.replace('{title}', lesson?.title ?? key), lesson?.href));
      }
      for (const exerciseId of assignment.exercises) {
        const entry = data.exercises.find((candidate) => candidate.id === exerciseId);
        const lesson = data.lessons.find((candidate) => candidate.key === entry?.lesson);
        const text = t.assignment.exerciseItem.replace('{lesson}', lesson?.title ?? '').replace('{n}', String(entry?.n ?? ''));
        items.push(item(Boolean(state.exercises[exerciseId]?.solved), text, lesson ? `${lesson.href}#exercise-${exerciseId}` : undefined));
      }
      assignment.setups.forEach((_, index) => {
        const run = state.runs[runKey(index)];
        const li = item(Boolean(run), t.assignment.setupItem.replace('{n}', String(index + 1)), `#as-${index + 1}-heading`);
        if (run) {
          const numbers = describeRun({ id: run.widget, family: run.family, payload: run.payload, state: {}, outcome: run.outcome, reason: run.reason, data: run.numbers }, ['final-losses'], t.exercises.numbers, locale);
          li.append(element('span', { class: 'teach-recorded' }, ` ${t.assignment.recorded.replace('{numbers}', numbers)}`));
        }
        items.push(li);
      });
      checklist.replaceChildren(...items);
    };
    refresh();
    document.addEventListener(PROGRESS_EVENT, refresh);
    // Active time: 15-second ticks while the page is visible.
    setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      update((draft) => {
        const record = draft.assignments[id] ?? { openedAt: Date.now(), activeSeconds: 0 };
        draft.assignments[id] = { ...record, activeSeconds: record.activeSeconds + 15 };
      });
    }, 15_000);
    const name = find<HTMLInputElement>('#student-name')!;
    name.value = progress().student;
    name.addEventListener('change', () => setStudent(name.value.trim()));
    find('[data-action="export-report"]')?.addEventListener('click', () => {
      const status = find('[data-export-status]')!;
      const student = name.value.trim().slice(0, 80);
      if (!student) {
        status.textContent = t.assignment.nameFirst;
        name.focus();
        return;
      }
      setStudent(student);
      const state = progress();
      const activeSeconds = state.assignments[id]?.activeSeconds ?? 0;
      const summary = [
        t.assignment.summary.header.replace('{student}', student).replace('{title}', assignment.title || t.assignment.title),
        ...assignment.exercises.map((exerciseId) => {
          const record = state.exercises[exerciseId];
          const status2 = record?.solved ? t.exercises.status.solved : record ? t.exercises.status.attempted : t.exercises.status.open;
          return t.assignment.summary.exercise.replace('{id}', exerciseId).replace('{status}', status2).replace('{attempts}', String(record?.attempts ?? 0));
        }),
        ...assignment.setups.map((setup, index) => {
          const run = state.runs[runKey(index)];
          const seed = /(?:^|,)seed:(\d+)/.exec(run?.payload ?? setup.payload)?.[1] ?? '';
          const numbers = run ? describeRun({ id: run.widget, family: run.family, payload: run.payload, state: {}, outcome: run.outcome, reason: run.reason, data: run.numbers }, ['final-losses'], t.exercises.numbers, locale) : t.assignment.todo;
          return t.assignment.summary.experiment.replace('{n}', String(index + 1)).replace('{family}', setup.family).replace('{seed}', seed).replace('{backend}', run?.backend ?? '—').replace('{numbers}', numbers);
        }),
        t.assignment.summary.time.replace('{minutes}', String(Math.round(activeSeconds / 60))),
      ];
      const report = buildReport({ student, lang, code: linkCode, assignment, progress: state, runKey, activeSeconds, summary });
      const file = `report-${student.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40)}-${new Date().toISOString().slice(0, 10)}.json`;
      download(file, JSON.stringify(report, null, 2));
      status.textContent = t.assignment.exported.replace('{file}', file);
    });
  }
}
