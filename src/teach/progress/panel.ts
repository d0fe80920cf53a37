/**
 * The progress panel on a chapter page: a summary, marks next to the lessons, and export, import and clear.
 * Everything stays in this browser.
 */
import type { TeachStrings } from '@i18n/teach';
import { download, readFiles } from './download';
import { markLinks, summaryText } from './marks';
import { clearProgress, exportProgress, importProgress, progress, PROGRESS_EVENT } from './store';
import { showNotice } from './notice';

const panel = document.querySelector<HTMLElement>('[data-progress-panel]');
if (panel) {
  const strings = JSON.parse(panel.dataset.strings ?? '{}') as TeachStrings['progress'];
  const lessons = (panel.dataset.lessons ?? '').split(' ').filter(Boolean);
  const summary = panel.querySelector<HTMLElement>('.dp-progress-summary');
  const status = panel.querySelector<HTMLElement>('.dp-progress-status');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const refresh = () => {
    if (summary) summary.textContent = summaryText(progress(), lessons, strings);
    for (const list of document.querySelectorAll('.sidebar, [data-progress-marks]')) markLinks(list, progress(), strings);
  };
  showNotice(panel.querySelector<HTMLElement>('.dp-progress-notice'), strings);
  panel.querySelector('[data-action="export"]')?.addEventListener('click', () => {
    download(`deep-practice-progress-${new Date().toISOString().slice(0, 10)}.json`, exportProgress());
  });
  panel.querySelector('[data-action="clear"]')?.addEventListener('click', () => {
    clearProgress();
    say(strings.cleared);
  });
  const input = panel.querySelector<HTMLInputElement>('input[type="file"]');
  input?.addEventListener('change', async () => {
    const [file] = await readFiles(input);
    input.value = '';
    if (!file) return;
    const result = importProgress(file.text);
    if (!result.ok) return say(strings.importFailed.replace('{reason}', strings[result.reason]));
    say(result.notice === 'repaired' ? `${strings.imported} ${strings.repaired.replace('{count}', String(result.dropped))}` : strings.imported);
  });
  refresh();
  document.addEventListener(PROGRESS_EVENT, refresh);
}
