/** Shows, once per page load, how the stored progress was read (repaired, dropped, newer, unavailable). */
import type { TeachStrings } from '@i18n/teach';
import { takeNotice } from './store';

export function showNotice(target: HTMLElement | null, strings: TeachStrings['progress']): void {
  if (!target) return;
  const notice = takeNotice();
  if (!notice) return;
  target.textContent = notice.notice === 'repaired' ? strings.repaired.replace('{count}', String(notice.dropped)) : strings[notice.notice];
  target.hidden = false;
}
