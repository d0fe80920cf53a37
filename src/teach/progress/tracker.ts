/**
 * Progress on every lesson page: the lesson counts as read once its end scrolls into view; every finished
 * widget run is recorded; the sidebar shows marks; a notice says if the stored record had to be repaired.
 */
import type { TeachStrings } from '@i18n/teach';
import { showNotice } from './notice';
import { outcomeOf, resultNumbers, type RunEndDetail } from '../exercises/run-outcome';
import { markLinks } from './marks';
import { markLessonRead, progress, PROGRESS_EVENT, recordRun } from './store';

const root = document.querySelector<HTMLElement>('[data-progress-tracker]');
if (root) {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as TeachStrings['progress'];
  const pageKey = root.dataset.page ?? '';
  showNotice(root.querySelector<HTMLElement>('.dp-progress-notice'), strings);
  const end = document.querySelector(root.dataset.end ?? '.pager');
  if (root.dataset.lesson === 'true' && end) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      markLessonRead(pageKey);
      observer.disconnect();
    });
    observer.observe(end);
  }
  document.addEventListener('dp-run-end', (event) => {
    const detail = (event as CustomEvent<RunEndDetail>).detail;
    if (!(event.target instanceof HTMLElement) || !detail) return;
    const run = outcomeOf(detail, event.target);
    if (!run) return;
    recordRun(`${pageKey}#${run.id}`, {
      widget: run.id, family: run.family, payload: run.payload, backend: run.data.backend ?? 'cpu', outcome: run.outcome,
      ...(run.reason ? { reason: run.reason.slice(0, 20) } : {}), numbers: resultNumbers(run.data), at: Date.now(),
    });
  });
  const refresh = () => {
    for (const nav of document.querySelectorAll('.sidebar, [data-progress-marks]')) markLinks(nav, progress(), strings);
  };
  refresh();
  document.addEventListener(PROGRESS_EVENT, refresh);
}
