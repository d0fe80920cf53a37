/**
 * The one place that touches localStorage for progress. Every change is saved at once and announced with a
 * `dp-progress` event on `document`, so panels, the sidebar and checklists redraw. If storage is missing or
 * full, progress lives in memory for this page and the page says so once.
 */
import { emptyProgress, PROGRESS_KEY, readProgress, type LoadNotice, type Progress, type RunRecord } from './schema';

export const PROGRESS_EVENT = 'dp-progress';

let current: Progress | null = null;
let pendingNotice: { notice: LoadNotice | 'unavailable'; dropped: number } | null = null;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function progress(): Progress {
  if (current) return current;
  const store = storage();
  let text: string | null = null;
  try {
    text = store ? store.getItem(PROGRESS_KEY) : null;
  } catch {
    text = null;
  }
  const loaded = readProgress(text);
  current = loaded.progress;
  if (!store) pendingNotice = { notice: 'unavailable', dropped: 0 };
  else if (loaded.notice) {
    pendingNotice = { notice: loaded.notice, dropped: loaded.dropped };
    save();
  }
  return current;
}

/** A notice about how the stored record was read (shown once per page load by whoever asks first). */
export function takeNotice(): { notice: LoadNotice | 'unavailable'; dropped: number } | null {
  progress();
  const notice = pendingNotice;
  pendingNotice = null;
  return notice;
}

function save(): void {
  if (!current) return;
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(current));
  } catch {
    pendingNotice ??= { notice: 'unavailable', dropped: 0 };
  }
  if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

export function update(change: (draft: Progress) => void): Progress {
  const draft = structuredClone(progress());
  change(draft);
  current = draft;
  save();
  return current;
}

export function markLessonRead(lessonKey: string): void {
  if (progress().lessons[lessonKey]) return;
  update((draft) => void (draft.lessons[lessonKey] = { readAt: Date.now() }));
}

export function recordAttempt(exerciseId: string, answer: string, solved: boolean): void {
  update((draft) => {
    const before = draft.exercises[exerciseId];
    draft.exercises[exerciseId] = {
      attempts: Math.min(100000, (before?.attempts ?? 0) + 1),
      // Once solved, a later wrong try does not un-solve it; the last answer is kept either way.
      solved: solved || (before?.solved ?? false),
      answer: answer.slice(0, 600),
      at: Date.now(),
    };
  });
}

export function recordRun(key: string, run: RunRecord): void {
  update((draft) => void (draft.runs[key] = run));
}

export function setStudent(name: string): void {
  update((draft) => void (draft.student = name.slice(0, 80)));
}

export function clearProgress(): void {
  current = emptyProgress();
  try {
    storage()?.removeItem(PROGRESS_KEY);
  } catch {
    // Nothing stored: nothing to clear.
  }
  if (typeof document !== 'undefined') document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

/** Replaces progress with an imported file's content; returns the notice (or an error code) for the page. */
export function importProgress(text: string): { ok: true; notice?: LoadNotice; dropped: number } | { ok: false; reason: 'notJson' | 'notProgress' } {
  try {
    JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  const loaded = readProgress(text);
  if (loaded.notice === 'dropped' || loaded.notice === 'newer') return { ok: false, reason: 'notProgress' };
  current = loaded.progress;
  save();
  return { ok: true, ...(loaded.notice ? { notice: loaded.notice } : {}), dropped: loaded.dropped };
}

export function exportProgress(): string {
  return JSON.stringify(progress(), null, 2);
}

/** For tests: forget the in-memory copy so the next read goes to storage again. */
export function resetForTests(): void {
  current = null;
  pendingNotice = null;
}
