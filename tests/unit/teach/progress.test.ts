import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, PROGRESS_KEY, readProgress } from '@teach/progress/schema';
import { clearProgress, exportProgress, importProgress, progress, recordAttempt, resetForTests, takeNotice } from '@teach/progress/store';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
}

describe('progress record', () => {
  it('reads a valid record unchanged', () => {
    const record = { ...emptyProgress(), lessons: { 'how-networks-learn/one-neuron': { readAt: 5 } } };
    expect(readProgress(JSON.stringify(record))).toEqual({ progress: record, dropped: 0 });
  });

  it('drops garbage, foreign shapes and unknown versions with a notice, never throwing', () => {
    for (const text of ['{', 'null', '[]', '"x"', '{"version":"1"}', '{"version":0}']) {
      const loaded = readProgress(text);
      expect(loaded.notice, text).toBe('dropped');
      expect(loaded.progress).toEqual(emptyProgress());
    }
    expect(readProgress('{"version":99}').notice).toBe('newer');
  });

  it('keeps the entries that still parse and counts the broken ones', () => {
    const text = JSON.stringify({
      version: 1,
      student: 'Ana',
      lessons: { 'how-networks-learn/one-neuron': { readAt: 1 }, 'BAD KEY': { readAt: 2 }, 'x/y': { readAt: -1 } },
      exercises: { 'relu-kinks': { attempts: 1, solved: true, answer: 'five', at: 3 }, 'noise-term': { attempts: 'many' } },
      runs: 'nope',
      assignments: {},
      extra: true,
    });
    const loaded = readProgress(text);
    expect(loaded.notice).toBe('repaired');
    expect(Object.keys(loaded.progress.lessons)).toEqual(['how-networks-learn/one-neuron']);
    expect(Object.keys(loaded.progress.exercises)).toEqual(['relu-kinks']);
    expect(loaded.progress.student).toBe('Ana');
    expect(loaded.dropped).toBe(4);
  });
});

describe('progress store', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
    resetForTests();
  });

  it('saves every change and survives a reload', () => {
    recordAttempt('relu-kinks', 'one', false);
    recordAttempt('relu-kinks', 'five', true);
    recordAttempt('relu-kinks', 'ten', false);
    resetForTests();
    expect(progress().exercises['relu-kinks']).toMatchObject({ attempts: 3, solved: true, answer: 'ten' });
  });

  it('a corrupt stored record is replaced and announced once', () => {
    globalThis.localStorage.setItem(PROGRESS_KEY, '{"version":1,"lessons":{"a/b":{"readAt":"soon"}}}');
    expect(progress().lessons).toEqual({});
    expect(takeNotice()).toEqual({ notice: 'repaired', dropped: 1 });
    expect(takeNotice()).toBeNull();
  });

  it('exports, clears and imports', () => {
    recordAttempt('noise-term', '0.09', true);
    const file = exportProgress();
    clearProgress();
    expect(progress().exercises).toEqual({});
    expect(importProgress(file)).toEqual({ ok: true, dropped: 0 });
    expect(progress().exercises['noise-term']?.solved).toBe(true);
    expect(importProgress('not json')).toEqual({ ok: false, reason: 'notJson' });
    expect(importProgress('{"hello":1}')).toEqual({ ok: false, reason: 'notProgress' });
  });
});
